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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Issue 3 benchmark. {@code ./bench rules} runs {@link #main} with {@code all}:
 * <ul>
 *   <li>{@code quotes}: JMH throughput ({@link #quote}), one thread, one forked JVM, of an 8-line trade delegation
 *   (transport, accommodation, organisation, promotion, interpretation; caps, two EUR lines converted, bonuses;
 *   every line's full trace is built and returned). JMH's GC profiler adds bytes allocated per quote, which does not
 *   depend on how busy the machine is. The quote is recomputed every call: nothing is cached per request. Then the
 *   same loop in a child JVM with {@code -Xbatch} (compilation finishes before the code runs on, so warm-up does
 *   not wait for a busy machine's compiler threads), timed by the thread's CPU time: quotes per CPU-second, which
 *   another build on the machine disturbs far less than wall-clock quotes/s.</li>
 *   <li>{@code load}: the first {@code Rules.load} in a fresh JVM, median over N child JVMs (each runs
 *   {@code load-child}, touches nothing before the load and prints wall and thread-CPU time), and the first quote
 *   after it: Rules.load leaves parts of the catalogue and the engines to first use, and a function's cold start
 *   pays for both. Again with an AppCDS archive when run from jars ({@code ./bench rules}). Not a JMH
 *   {@code SingleShotTime} fork: JMH's own start-up loads regex, lambdas and concurrency classes before the benchmark
 *   method, so its "first call" is warmer than a function's.</li>
 * </ul>
 * Usage: {@code java -cp <test-classes:classes:deps> dev.destek.rules.bench.RulesBenchmark [all|quotes|load]}
 * (system properties {@code bench.forks} (child JVMs for load, default 7), {@code bench.iterations} (5),
 * {@code bench.warmups} (5), {@code bench.iterationMs} (1000)). JMH's own command line works too:
 * {@code java -cp … org.openjdk.jmh.Main RulesBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class RulesBenchmark {
    private static volatile Object sink;

    private Rules rules;
    private QuoteRequest request;

    public RulesBenchmark() {
        // JMH instantiates the state; main() is the entry point
    }

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "all" : args[0];
        switch (what) {
            case "load-child": loadChild(); return;
            case "cpu-child": cpuChild(); return;
            case "quotes": quotes(); return;
            case "load": load(); return;
            case "all": load(); quotes(); return;
            default:
                System.err.println("unknown benchmark " + what + " (all, quotes, load)");
                System.exit(2);
        }
    }

    @Setup
    public void setUp() {
        rules = Rules.load(Map.of());
        request = claim();
        check(rules.quote(request));
    }

    /** One full quote of the 8-line claim, traces included (returned, so JMH keeps all of it alive). */
    @Benchmark
    public Quote quote() {
        return rules.quote(request);
    }

    /** Runs in a fresh JVM: the first Rules.load, nothing else touched before, then the first quote. */
    private static void loadChild() {
        // thread CPU time too: on a busy machine wall time mostly measures the wait for a core
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Rules rules = Rules.load(Map.of());
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        // then what a cold function's first request adds: the parts Rules.load leaves to first use, and the engine
        // (the request is built first: LocalDate.parse's formatter set-up is the benchmark's, not the rules')
        QuoteRequest request = claim();
        long t15 = System.nanoTime();
        long c15 = threads.getCurrentThreadCpuTime();
        Quote first = rules.quote(request);
        long t2 = System.nanoTime() - (t15 - t1);
        long c2 = threads.getCurrentThreadCpuTime() - (c15 - c1);
        sink = first;
        System.out.println("LOAD_NS " + (t1 - t0) + " " + (c1 - c0) + " " + (t2 - t1) + " " + (c2 - c1));
    }

    /**
     * The cold load in fresh JVMs, then again with an AppCDS archive of the classes a load touches (trained by one
     * run) when the class path is all jars, as CDS requires: the class-data-sharing lever of a function's cold
     * start, measured rather than assumed.
     */
    private static void load() throws Exception {
        String cp = System.getProperty("java.class.path");
        forks(List.of(), "plain");
        boolean jarsOnly = Arrays.stream(cp.split(File.pathSeparator)).allMatch(e -> e.endsWith(".jar"));
        if (!jarsOnly) {
            System.out.println("  (AppCDS skipped: the class path has directories; ./bench rules runs from jars)");
            return;
        }
        File archive = File.createTempFile("rules-load", ".jsa");
        try {
            archive.delete();
            child(List.of("-XX:ArchiveClassesAtExit=" + archive), "load-child", "LOAD_NS ");
            forks(List.of("-XX:SharedArchiveFile=" + archive), "with AppCDS");
        } finally {
            archive.delete();
        }
    }

    private static void forks(List<String> jvmArgs, String label) throws Exception {
        int forks = Integer.getInteger("bench.forks", 7);
        double[] ms = new double[forks];
        double[] cpu = new double[forks];
        double[] quoteMs = new double[forks];
        double[] quoteCpu = new double[forks];
        for (int i = 0; i < forks; i++) {
            long w0 = System.nanoTime();
            String[] parts = child(jvmArgs, "load-child", "LOAD_NS ").split(" ");
            ms[i] = Long.parseLong(parts[0]) / 1e6;
            cpu[i] = Long.parseLong(parts[1]) / 1e6;
            quoteMs[i] = Long.parseLong(parts[2]) / 1e6;
            quoteCpu[i] = Long.parseLong(parts[3]) / 1e6;
            System.out.printf("  %s fork %d: Rules.load %.1f ms wall, %.1f ms thread CPU; then the first quote %.1f ms "
                    + "wall, %.1f ms CPU (JVM wall %.0f ms)%n", label, i + 1, ms[i], cpu[i], quoteMs[i], quoteCpu[i],
                    (System.nanoTime() - w0) / 1e6);
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        Arrays.sort(quoteMs);
        Arrays.sort(quoteCpu);
        System.out.printf("Rules.load, first call in a fresh JVM, %s: median %.1f ms wall (min %.1f, max %.1f), "
                + "median %.1f ms thread CPU; %d JVMs%n", label, median(ms), ms[0], ms[ms.length - 1], median(cpu),
                forks);
        System.out.printf("  and the first quote after it (%s): median %.1f ms wall, %.1f ms thread CPU%n", label,
                median(quoteMs), median(quoteCpu));
    }

    /** Runs this class with {@code what} in a child JVM and answers what it printed after {@code marker}. */
    private static String child(List<String> jvmArgs, String what, String marker) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RulesBenchmark.class.getName(), what));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                all.append(line).append('\n');
                if (line.startsWith(marker)) {
                    result = line.substring(marker.length());
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("child JVM failed:\n" + all);
        }
        return result;
    }

    private static void quotes() throws Exception {
        Quote q = Rules.load(Map.of()).quote(claim());
        int steps = check(q);
        System.out.printf("claim: %d lines, %d trace steps, total support %s USD%n", q.lines().size(), steps,
                q.totalSupport().amount().toPlainString());
        TimeValue time = TimeValue.milliseconds(Integer.getInteger("bench.iterationMs", 1000));
        Options options = new OptionsBuilder()
                .include(RulesBenchmark.class.getName() + ".quote$")
                .warmupIterations(Integer.getInteger("bench.warmups", 5)).warmupTime(time)
                .measurementIterations(Integer.getInteger("bench.iterations", 5)).measurementTime(time)
                .forks(1).threads(1)
                .addProfiler(GCProfiler.class)
                .build();
        for (RunResult r : new Runner(options).run()) {
            Result<?> primary = r.getPrimaryResult();
            Result<?> bytes = r.getSecondaryResults().get("gc.alloc.rate.norm");
            System.out.printf("quotes/s, 1 thread, %d-line claim with traces: %.0f ± %.0f (JMH, 99.9%%), %s bytes "
                    + "allocated per quote%n", q.lines().size(), primary.getScore(), primary.getScoreError(),
                    bytes == null ? "?" : String.format("%.0f", bytes.getScore()));
        }
        quotesPerCpuSecond();
    }

    /** Child JVM (-Xbatch): quotes per thread CPU-second after warm-up, median of the iterations. */
    private static void cpuChild() {
        int warmups = Integer.getInteger("bench.warmups", 5);
        int iterations = Integer.getInteger("bench.iterations", 5);
        long iterationNs = Integer.getInteger("bench.iterationMs", 1000) * 1_000_000L;
        Rules rules = Rules.load(Map.of());
        QuoteRequest request = claim();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] rates = new double[iterations];
        for (int i = 0; i < warmups + iterations; i++) {
            long n = 0;
            long c0 = threads.getCurrentThreadCpuTime();
            long c;
            do {
                for (int k = 0; k < 256; k++) {
                    sink = rules.quote(request);
                }
                n += 256;
                c = threads.getCurrentThreadCpuTime();
            } while (c - c0 < iterationNs);
            if (i >= warmups) {
                rates[i - warmups] = n / ((c - c0) / 1e9);
            }
        }
        Arrays.sort(rates);
        System.out.printf("CPU_RATE %.0f %.0f %.0f%n", median(rates), rates[0], rates[rates.length - 1]);
    }

    private static void quotesPerCpuSecond() throws Exception {
        List<String> jvmArgs = new ArrayList<>(List.of("-Xbatch"));
        for (String p : List.of("bench.warmups", "bench.iterations", "bench.iterationMs")) {
            if (System.getProperty(p) != null) {
                jvmArgs.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        String result = child(jvmArgs, "cpu-child", "CPU_RATE ");
        String[] parts = result.split(" ");
        System.out.printf("quotes per thread CPU-second (child JVM, -Xbatch): median %s (min %s, max %s)%n", parts[0],
                parts[1], parts[2]);
    }

    private static int check(Quote q) {
        int steps = 0;
        for (Quote.Line l : q.lines()) {
            if (!l.rejections().isEmpty()) {
                throw new IllegalStateException("benchmark claim line " + l.id() + " rejected: " + l.rejections()
                        + "\n" + l.trace());
            }
            steps += l.trace().size();
        }
        return steps;
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
