package dev.destek.aws.testsupport;

import dev.destek.aws.dynamo.DestekTable;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link DynamoTable} parameter: a new, empty Destek table (with GSI1) on the one dynalite of this
 * JVM. Each test method gets its own table; a constructor or {@code @BeforeAll} parameter gets one per class.
 * Use dynalite (not http4k's fake) for anything relying on conditions over missing items.
 */
public final class DynaliteExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DynamoTable.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(Emulators.NAMESPACE).getOrComputeIfAbsent("table", key -> {
            Emulators.RunningDynalite dynamo = Emulators.dynamo(context);
            String name = "destek-" + UUID.randomUUID();
            DestekTable.create(dynamo.client, name);
            return new DynamoTable(dynamo.dynalite.endpoint(), dynamo.client, name);
        }, DynamoTable.class);
    }
}
