package dev.destek.testsupport;

import dev.destek.integration.IntegrationFiles;
import dev.destek.integration.IntegrationObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A bucket in memory: bytes per key, with the ETag the test gives them. */
public final class InMemoryIntegrationFiles implements IntegrationFiles {
    private final Map<String, Map.Entry<String, byte[]>> objects = new LinkedHashMap<>();
    public final Map<String, byte[]> reports = new LinkedHashMap<>();

    public IntegrationObject put(String key, String eTag, byte[] bytes) {
        objects.put(key, Map.entry(eTag, bytes));
        return new IntegrationObject(key, eTag);
    }

    @Override
    public Optional<byte[]> read(IntegrationObject object, int maxBytes) {
        Map.Entry<String, byte[]> stored = objects.get(object.key());
        if (stored == null || !stored.getKey().equals(object.eTag())) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOf(stored.getValue(), Math.min(stored.getValue().length, maxBytes + 1)));
    }

    @Override
    public void writeReport(String key, byte[] json) {
        reports.put(key, json.clone());
    }
}
