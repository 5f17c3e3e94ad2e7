import cn.shifan.BatchResult;
import cn.shifan.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Throughput of the Java bindings' Engine.evaluateMany over an NDJSON corpus (one application a
 * line), documents given as Strings (as a Java host has them) or as UTF-8 byte arrays. Prints the
 * median of RUNS runs after one warm-up run.
 *   usage: java -cp shifan.jar:jna.jar:. JavaEvaluateMany CORPUS.ndjson string|bytes [RUNS]
 * (used by bench/java_vs_c.sh; not a test)
 */
public final class JavaEvaluateMany {
    private JavaEvaluateMany() {
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        boolean bytes = args.length > 1 && args[1].equals("bytes");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<?> docs = bytes ? lines.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList() : lines;
        double[] times = new double[runs];
        try (Engine engine = new Engine()) {
            for (int r = 0; r < runs + 1; r++) {
                long start = System.nanoTime();
                List<BatchResult> results = engine.evaluateMany(docs);
                double t = (System.nanoTime() - start) / 1e9;
                if (results.size() != docs.size() || results.get(0).verdict() == null) {
                    throw new IllegalStateException("unexpected results");
                }
                if (r > 0) {
                    times[r - 1] = t;
                }
            }
        }
        Arrays.sort(times);
        double median = times[runs / 2];
        System.out.printf("java-%s %d %.4f %.0f%n", bytes ? "bytes" : "string", docs.size(), median, docs.size() / median);
    }
}
