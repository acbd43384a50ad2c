package dev.destek.rules.bench;

import dev.destek.rules.Quote;
import dev.destek.rules.QuoteRequest;
import dev.destek.rules.Rules;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Issue 3 benchmark (plain Java, JMH-style: warm-up + timed iterations, forked JVMs for the cold start).
 * <ul>
 *   <li>{@code quotes}: quotes/s on one thread for an 8-line trade delegation (transport, accommodation,
 *   organisation, promotion, interpretation; caps, two EUR lines converted, bonuses; full traces). Median of
 *   the measured iterations.</li>
 *   <li>{@code load}: the first {@code Rules.load} in a fresh JVM, median over N child JVMs (each runs
 *   {@code load-child} and prints its time).</li>
 * </ul>
 * Usage: {@code java -cp <test-classes:classes:deps> dev.destek.rules.bench.RulesBenchmark [all|quotes|load]}
 * (system properties {@code bench.forks} (default 7), {@code bench.iterations} (5), {@code bench.warmups} (5),
 * {@code bench.iterationMs} (1000)).
 */
public final class RulesBenchmark {
    private static volatile Object sink;

    private RulesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "all" : args[0];
        switch (what) {
            case "load-child": loadChild(); return;
            case "quotes": quotes(); return;
            case "load": load(); return;
            case "all": load(); quotes(); return;
            default:
                System.err.println("unknown benchmark " + what + " (all, quotes, load)");
                System.exit(2);
        }
    }

    /** Runs in a fresh JVM: the first Rules.load, nothing else touched before. */
    private static void loadChild() {
        // thread CPU time too: on a busy machine wall time mostly measures the wait for a core
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Rules rules = Rules.load(Map.of());
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        sink = rules;
        System.out.println("LOAD_NS " + (t1 - t0) + " " + (c1 - c0));
    }

    private static void load() throws Exception {
        int forks = Integer.getInteger("bench.forks", 7);
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String cp = System.getProperty("java.class.path");
        double[] ms = new double[forks];
        double[] cpu = new double[forks];
        for (int i = 0; i < forks; i++) {
            long w0 = System.nanoTime();
            Process p = new ProcessBuilder(java, "-cp", cp, RulesBenchmark.class.getName(), "load-child")
                    .redirectErrorStream(true).start();
            String result = null;
            StringBuilder all = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    all.append(line).append('\n');
                    if (line.startsWith("LOAD_NS ")) {
                        result = line.substring(8);
                    }
                }
            }
            if (p.waitFor() != 0 || result == null) {
                throw new IllegalStateException("child JVM failed:\n" + all);
            }
            String[] parts = result.split(" ");
            ms[i] = Long.parseLong(parts[0]) / 1e6;
            cpu[i] = Long.parseLong(parts[1]) / 1e6;
            System.out.printf("  fork %d: Rules.load %.1f ms wall, %.1f ms thread CPU (JVM wall %.0f ms)%n", i + 1, ms[i],
                    cpu[i], (System.nanoTime() - w0) / 1e6);
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf("Rules.load, first call in a fresh JVM: median %.1f ms wall (min %.1f, max %.1f), "
                + "median %.1f ms thread CPU; %d JVMs%n", median(ms), ms[0], ms[ms.length - 1], median(cpu), forks);
    }

    private static void quotes() {
        int warmups = Integer.getInteger("bench.warmups", 5);
        int iterations = Integer.getInteger("bench.iterations", 5);
        long iterationNs = Integer.getInteger("bench.iterationMs", 1000) * 1_000_000L;
        Rules rules = Rules.load(Map.of());
        QuoteRequest request = claim();
        Quote q = rules.quote(request);
        int steps = 0;
        for (Quote.Line l : q.lines()) {
            if (!l.rejections().isEmpty()) {
                throw new IllegalStateException("benchmark claim line " + l.id() + " rejected: " + l.rejections()
                        + "\n" + l.trace());
            }
            steps += l.trace().size();
        }
        System.out.printf("claim: %d lines, %d trace steps, total support %s USD%n", q.lines().size(), steps,
                q.totalSupport().amount().toPlainString());
        double[] rates = new double[iterations];
        double[] cpuRates = new double[iterations];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmups + iterations; i++) {
            long n = 0;
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long t;
            do {
                for (int k = 0; k < 256; k++) {
                    sink = rules.quote(request);
                }
                n += 256;
                t = System.nanoTime();
            } while (t - t0 < iterationNs);
            double perSecond = n / ((t - t0) / 1e9);
            double perCpuSecond = n / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
            if (i >= warmups) {
                rates[i - warmups] = perSecond;
                cpuRates[i - warmups] = perCpuSecond;
            }
            System.out.printf("  %s %d: %.0f quotes/s wall, %.0f per CPU-second%n", i < warmups ? "warm-up" : "iteration",
                    i < warmups ? i + 1 : i - warmups + 1, perSecond, perCpuSecond);
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        System.out.printf("quotes/s, 1 thread, %d-line claim with traces: median %.0f wall (min %.0f, max %.0f), "
                + "median %.0f per thread CPU-second%n", q.lines().size(), median(rates), rates[0],
                rates[rates.length - 1], median(cpuRates));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A cooperation organisation's trade delegation to DE: 8 lines over 5 kinds, 2 in EUR, caps applied. */
    public static QuoteRequest claim() {
        LocalDate paid = LocalDate.parse("2025-03-10");
        QuoteRequest.Applicant applicant = new QuoteRequest.Applicant("COOPERATION_ORGANISATION", null, "IT", "PROV_X");
        QuoteRequest.Activity activity = new QuoteRequest.Activity(List.of("DE"), LocalDate.parse("2025-03-03"),
                LocalDate.parse("2025-03-07"), LocalDate.parse("2025-01-02"), LocalDate.parse("2024-12-01"),
                LocalDate.parse("2025-01-02"), null, LocalDate.parse("2025-03-01"), null, null, null, null, null, null,
                "TRADE", 6, 9, null, LocalDate.parse("2024-01-01"), 3, null, null, null, null);
        List<QuoteRequest.Expense> lines = new ArrayList<>();
        lines.add(line("E1", "TRANSPORT", "4800.00", "USD", paid, 3, null));
        lines.add(line("E2", "ACCOMMODATION", "2700.00", "USD", paid, 3, 6));
        lines.add(line("E3", "ORGANISATION", "5200.00", "USD", paid, null, null));
        lines.add(line("E4", "PROMOTION", "1800.00", "EUR", paid, null, null));
        lines.add(line("E5", "INTERPRETATION", "900.00", "USD", paid, null, null));
        lines.add(line("E6", "TRANSPORT", "2100.50", "EUR", paid, 2, null));
        lines.add(line("E7", "ACCOMMODATION", "1250.00", "USD", paid, 2, 4));
        lines.add(line("E8", "PROMOTION", "640.25", "USD", paid, null, null));
        return new QuoteRequest("DECREE_2015_8", "TRADE_DELEGATION", applicant, activity,
                LocalDate.parse("2025-06-01"), lines, List.of(new QuoteRequest.ExchangeRate("EUR", paid,
                new BigDecimal("1.0850"), "TCMB_INDICATIVE")));
    }

    private static QuoteRequest.Expense line(String id, String kind, String amount, String currency, LocalDate paid,
                                             Integer persons, Integer nights) {
        return new QuoteRequest.Expense(id, kind, new BigDecimal(amount), currency, paid, LocalDate.parse("2025-03-01"),
                persons, nights, null, null, null, null, null, null, null, null, LocalDate.parse("2025-03-01"),
                LocalDate.parse("2025-03-02"), null, null, null, null, null, null, null, null, null, null);
    }
}
