package dev.destek.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/openapi.yaml documents every route of the payout function, with the route key's method and path. */
class OpenApiDocumentTest {

    @Test
    void openApi_shouldDocumentEveryPayoutRoute() throws Exception {
        String doc = Files.readString(Path.of("..", "..", "docs", "openapi.yaml"));
        for (String route : List.of(PayoutRoutes.QUOTES, PayoutRoutes.DEADLINES, PayoutRoutes.OFFSETS,
                PayoutRoutes.GREEN_PASSPORTS, PayoutRoutes.CATALOGUE)) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase();
            String path = route.substring(route.indexOf(' ') + 1);
            int at = doc.indexOf("\n  " + path + ":\n");
            assertThat(at).as(route).isPositive();
            int next = doc.indexOf("\n  /", at + 1);
            String block = doc.substring(at, next < 0 ? doc.indexOf("\ncomponents:") : next);
            assertThat(block).as(route).contains("\n    " + method + ":\n");
        }
    }
}
