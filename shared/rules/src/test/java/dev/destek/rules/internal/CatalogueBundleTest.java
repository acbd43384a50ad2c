package dev.destek.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build-time bundle must say exactly what the YAML sources say. */
class CatalogueBundleTest {

    @Test
    void bundle_everyFile_shouldEqualItsYamlSource() throws Exception {
        Map<String, Object> bundle;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(Tree.BUNDLE)) {
            assertThat(in).as("bundle built in process-classes").isNotNull();
            bundle = Tree.readBundle(in);
        }
        assertThat(bundle).containsKeys("regulation/index.yaml", DeploymentConfig.DEFAULTS,
                "regulation/support_items/advertising.yaml");
        for (Map.Entry<String, Object> e : bundle.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(Tree.yamlResource(e.getKey()).raw());
        }
    }
}
