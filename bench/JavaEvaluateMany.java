import cn.shifan.BatchResult;
import cn.shifan.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Throughput of the Java bindings' Engine.evaluateMany over an NDJSON corpus (one application a
 * line), documents given as Strings (as a Java host has them) or as UTF-8 byte arrays. Prints
 * "java-string|java-bytes COUNT WALL_S RATE CPU_S": the median wall time of RUNS runs after two
 * warm-up runs, applications per second, and the median CPU time of the process during a run.
 *   usage: java -cp shifan.jar:jna.jar:. JavaEvaluateMany CORPUS.ndjson string|bytes [RUNS]
 * (used by bench/java_vs_c.sh; not a test)
 */
public final class JavaEvaluateMany {
    private static final int WARM_UP = 2;

    private JavaEvaluateMany() {
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        boolean bytes = args.length > 1 && args[1].equals("bytes");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<?> docs = bytes ? lines.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList() : lines;
        double[] times = new double[runs];
        double[] cpu = new double[runs];
        com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (Engine engine = new Engine()) {
            for (int r = 0; r < runs + WARM_UP; r++) {
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                List<BatchResult> results = engine.evaluateMany(docs);
                double t = (System.nanoTime() - start) / 1e9;
                double c = (os.getProcessCpuTime() - cpuStart) / 1e9;
                if (results.size() != docs.size() || results.get(0).verdict() == null) {
                    throw new IllegalStateException("unexpected results");
                }
                if (r >= WARM_UP) {
                    times[r - WARM_UP] = t;
                    cpu[r - WARM_UP] = c;
                }
            }
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        double median = times[runs / 2];
        System.out.printf("java-%s %d %.4f %.0f %.4f%n", bytes ? "bytes" : "string", docs.size(), median,
                          docs.size() / median, cpu[runs / 2]);
    }
}
