package dev.destek.testsupport;

import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentStore;
import dev.destek.document.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The object store's contract in memory, for service tests; the S3 adapter is tested against S3Proxy. */
public class InMemoryDocumentStore implements DocumentStore {
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();

    public void put(String key, byte[] bytes) {
        objects.put(key, bytes.clone());
        versions.merge(key, 1, Integer::sum);
    }

    public Optional<byte[]> bytes(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public Optional<StoredObject> head(String key) {
        byte[] bytes = objects.get(key);
        return bytes == null ? Optional.empty()
                : Optional.of(new StoredObject(key, bytes.length, "v" + versions.get(key), null));
    }

    @Override
    public InputStream open(String key) {
        byte[] bytes = objects.get(key);
        if (bytes == null) {
            throw new NoSuchElementException(key);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public String quarantine(String key) {
        String target = DocumentKeys.quarantineOf(key);
        byte[] bytes = objects.remove(key);
        if (bytes != null) {
            objects.put(target, bytes);
        } else if (!objects.containsKey(target)) {
            throw new NoSuchElementException(key);
        }
        return target;
    }

    @Override
    public void move(String key, String target) {
        byte[] bytes = objects.get(key);
        if (bytes != null) {
            put(target, bytes);
            objects.remove(key);
        } else if (!objects.containsKey(target)) {
            throw new NoSuchElementException(key);
        }
    }
}
