package dev.destek.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixtures for every support item: a valid claim of the item (an applicant who may claim it, the facts its
 * rules need, one 1000.00 USD line of its first expense kind) that a case changes with dotted paths
 * ({@code "activity.start", "2025-03-03"}, {@code "expense.persons", 3}). Built through Jackson, as the function does.
 */
final class Claims {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final Rules RULES = Requests.DEFAULTS;

    private Claims() {
    }

    /** An applicant who may claim the item (DOMAIN §2.2). */
    static Map<String, Object> applicant(String item) {
        Map<String, Object> a = new LinkedHashMap<>();
        String role = "BENEFICIARY";
        String type = "IT_COMPANY";
        String sector = "IT";
        switch (item) {
            case "FILM_MARKETING": type = "FILM_PRODUCER"; sector = "FILM"; break;
            case "FILM_STUDIO": type = "FILM_STUDIO_OPERATOR"; sector = "FILM"; break;
            case "FILM_ADVERTISING": type = "ADVERTISER"; sector = "FILM"; break;
            case "INTERPRETER": case "PATIENT_TRAVEL": case "DOMESTIC_PROMOTION":
                role = "HEALTH_FACILITY"; type = null; sector = "HEALTH_TOURISM"; break;
            case "COMPETITION_EVENT": role = "TIM"; type = null; break;
            default:
                if (item.startsWith("HISER") || item.startsWith("COOP") || item.equals("TRADE_DELEGATION")
                        || item.equals("NATIONAL_PARTICIPATION")) {
                    role = "COOPERATION_ORGANISATION";
                    type = null;
                }
        }
        a.put("role", role);
        a.put("type", type);
        a.put("sector", sector);
        a.put("hqProvince", "PROV_X");
        return a;
    }

    static String firstKind(String item) {
        CatalogueView.Item i = RULES.catalogue().supportItems().stream().filter(x -> x.id().equals(item)).findFirst()
                .orElseThrow();
        return i.expenseKinds().isEmpty() ? "REPORT" : i.expenseKinds().get(0);
    }

    /** The base claim as a JSON tree (maps and lists). */
    static Map<String, Object> tree(String item) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("countries", new ArrayList<>(List.of("DE")));
        activity.put("start", "2025-03-03");
        activity.put("end", "2025-03-07");
        activity.put("preApprovalDate", "2025-01-02");
        activity.put("projectStart", "2025-01-02");
        activity.put("filmReleaseDate", "2025-03-01");
        activity.put("protocolSignedDate", "2024-01-01");
        Map<String, Object> expense = new LinkedHashMap<>();
        expense.put("id", "E1");
        expense.put("kind", firstKind(item));
        expense.put("amount", "1000.00");
        expense.put("currency", "USD");
        expense.put("paymentDate", "2025-03-10");
        expense.put("documentIssueDate", "2025-03-01");
        expense.put("patientEntryDate", "2025-03-01");
        expense.put("patientRegistrationDate", "2025-03-02");
        expense.put("persons", 1);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("programme", "DECREE_2015_8");
        r.put("supportItem", item);
        r.put("applicant", applicant(item));
        r.put("activity", activity);
        r.put("filingDate", "2025-06-01");
        List<Object> expenses = new ArrayList<>();
        expenses.add(expense);
        r.put("expenses", expenses);
        return r;
    }

    /** The item's base claim with {@code path, value} pairs applied (value null removes the key). */
    @SuppressWarnings("unchecked")
    static QuoteRequest claim(String item, Object... pathsAndValues) {
        Map<String, Object> r = tree(item);
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            String[] path = ((String) pathsAndValues[i]).split("\\.");
            Map<String, Object> node = r;
            for (int k = 0; k < path.length - 1; k++) {
                String key = path[k];
                Object child = key.equals("expense") ? ((List<Object>) r.get("expenses")).get(0) : node.get(key);
                if (child == null) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(key, child);
                }
                node = (Map<String, Object>) child;
            }
            if (pathsAndValues[i + 1] == null) {
                node.remove(path[path.length - 1]);
            } else {
                node.put(path[path.length - 1], pathsAndValues[i + 1]);
            }
        }
        return JSON.convertValue(r, QuoteRequest.class);
    }

    static Quote quote(String item, Object... pathsAndValues) {
        return RULES.quote(claim(item, pathsAndValues));
    }

    static List<String> codes(Quote.Line line) {
        List<String> out = new ArrayList<>();
        for (Quote.Rejection r : line.rejections()) {
            out.add(r.code());
        }
        return out;
    }
}
