package cn.shifan;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Java bindings' tests: a plain program with its own assertions (run by
 * bindings/java/tests/run_java_tests.py; CTest java.bindings). Arguments: the manifest of prepared
 * policy cases (cases.tsv) and the source tree. Exit status 0 when every assertion held.
 */
public final class BindingsTest {
    private static int passed;
    private static final List<String> FAILURES = new ArrayList<>();

    private BindingsTest() {
    }

    static void check(boolean ok, String what) {
        if (ok) {
            passed++;
        } else {
            FAILURES.add(what);
            System.out.println("FAIL: " + what);
        }
    }

    static void equal(Object expected, Object actual, String what) {
        check(Objects.equals(expected, actual), what + ": expected <" + expected + ">, got <" + actual + ">");
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} expecting a ShifanException of class {@code type}; returns it (or null). */
    static <T extends ShifanException> T expectThrows(Class<T> type, Body body, String what) {
        try {
            body.run();
        } catch (ShifanException e) {
            if (type.isInstance(e)) {
                passed++;
                return type.cast(e);
            }
            check(false, what + ": threw " + e.getClass().getSimpleName() + " (" + e.getMessage() + "), expected "
                             + type.getSimpleName());
            return null;
        } catch (Exception e) {
            check(false, what + ": threw " + e + ", expected " + type.getSimpleName());
            return null;
        }
        check(false, what + ": nothing thrown, expected " + type.getSimpleName());
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json) {
        return (Map<String, Object>) Json.parse(json);
    }

    public static void main(String[] args) throws Exception {
        // failures readable whatever the locale (the library's text is never printed through the default charset)
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                                              StandardCharsets.UTF_8));
        Path manifest = Path.of(args[0]);
        Path repo = Path.of(args[1]);
        System.out.println("libshifan " + Shifan.version() + " from " + Shifan.libraryLocation() + "; default charset "
                           + Charset.defaultCharset() + ", jna.encoding=" + System.getProperty("jna.encoding"));
        environment();
        JsonTest.run();
        List<Case> cases = Case.read(manifest);
        PolicyCasesTest.run(cases);
        TypedAccessorsTest.run(repo);
        ErrorsTest.run(repo);
        ThreadsTest.run(cases);
        LifecycleTest.run(repo);
        System.out.println("java.bindings: " + passed + " assertions passed, " + FAILURES.size() + " failed");
        System.exit(FAILURES.isEmpty() ? 0 : 1);
    }

    /** The run is the one the tests are meant for: LANG=C (not UTF-8) and no JNA flag. */
    private static void environment() {
        if ("C".equals(System.getenv("LC_ALL"))) {
            check(!Charset.defaultCharset().equals(StandardCharsets.UTF_8),
                  "under LC_ALL=C the JVM's default charset is not UTF-8 (else the LANG=C test proves nothing): "
                  + Charset.defaultCharset());
        }
        equal(null, System.getProperty("jna.encoding"), "no -Djna.encoding");
        equal(null, System.getProperty("jna.library.path"), "no -Djna.library.path");
        check(Shifan.version().matches("[0-9]+\\.[0-9]+\\.[0-9]+.*"), "version " + Shifan.version());
        equal(Shifan.ABI_VERSION, Shifan.lib().shifan_abi_version(), "ABI version");
    }

    /** One prepared policy case (a line of cases.tsv). */
    static final class Case {
        String kind;
        String file;
        Path document;
        Path rulePack;
        Path calendar;
        List<String[]> readings = new ArrayList<>();
        String on;
        String expected;
        int exitCode;
        String name;

        static List<Case> read(Path manifest) throws Exception {
            List<Case> out = new ArrayList<>();
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Case c = new Case();
                c.kind = f[0];
                c.file = f[1];
                c.document = Path.of(f[2]);
                c.rulePack = f[3].equals("-") ? null : Path.of(f[3]);
                c.calendar = f[4].equals("-") ? null : Path.of(f[4]);
                if (!f[5].equals("-")) {
                    for (String kv : f[5].split(";")) {
                        c.readings.add(kv.split("=", 2));
                    }
                }
                c.on = f[6];
                c.expected = new String(Files.readAllBytes(Path.of(f[7])), StandardCharsets.UTF_8);
                c.exitCode = Integer.parseInt(f[8]);
                c.name = f[9];
                out.add(c);
            }
            return out;
        }

        /** The engine the CLI used for this case. */
        Engine engine() {
            Engine e = rulePack == null ? new Engine() : Engine.fromRulePack(rulePack);
            try {
                for (String[] kv : readings) {
                    e.setInterpretation(kv[0], kv[1]);
                }
                if (calendar != null) {
                    e.setCalendar(calendar);
                }
                return e;
            } catch (RuntimeException x) {
                e.close();
                throw x;
            }
        }

        /** The CLI's output without its final newline. */
        String expectedText() {
            return expected.endsWith("\n") ? expected.substring(0, expected.length() - 1) : expected;
        }

        @Override
        public String toString() {
            return file;
        }
    }

    // ---- helpers shared by the test classes ------------------------------------------------------

    /** The error fields of a CLI error document against an exception. */
    @SuppressWarnings("unchecked")
    static void sameError(String cliJson, ShifanException e, String what) {
        sameError(cliJson, e, what, null);
    }

    /**
     * As {@link #sameError(String, ShifanException, String)}; {@code file}, when not null, is the rule
     * pack or calendar file the CLI read, whose name the CLI puts before the library's message
     * ("rule pack FILE: …", "规则包 FILE：…").
     */
    @SuppressWarnings("unchecked")
    static void sameError(String cliJson, ShifanException e, String what, String file) {
        Map<String, Object> cli = (Map<String, Object>) object(cliJson).get("error");
        if (cli == null) {
            check(false, what + ": the CLI printed no error object: " + cliJson);
            return;
        }
        equal(cli.get("code"), e.codeName(), what + ": code");
        equal(((BigDecimal) cli.get("code_number")).intValue(), -e.code(), what + ": code number");
        equal(cli.get("path"), e.path(), what + ": path");
        Map<String, Object> message = (Map<String, Object>) cli.get("message");
        equal(withoutFile((String) message.get("zh"), file), e.messageZh(), what + ": message zh");
        equal(withoutFile((String) message.get("en"), file), e.messageEn(), what + ": message en");
        Object index = cli.get("event_index");
        equal(index == null ? -1L : ((BigDecimal) index).longValue(), e.eventIndex(), what + ": event index");
        equal(cli.get("event_type"), e.eventType(), what + ": event type");
        equal(cli.get("articles"), e.articles(), what + ": articles");
        if (file == null) {
            equal(object(cliJson), object(e.toJson()), what + ": toJson() as the CLI's error");
        }
    }

    private static String withoutFile(String message, String file) {
        if (file == null || !message.contains(file)) {
            return message;
        }
        String rest = message.substring(message.indexOf(file) + file.length());
        return rest.startsWith(": ") ? rest.substring(2) : rest.startsWith("：") ? rest.substring(1) : rest;
    }

    static EnumSet<ServiceFunction> none() {
        return EnumSet.noneOf(ServiceFunction.class);
    }

    static AtomicInteger counter() {
        return new AtomicInteger();
    }

    static <T> List<T> all(ExecutorService pool, List<java.util.concurrent.Callable<T>> tasks) throws Exception {
        List<T> out = new ArrayList<>();
        for (Future<T> f : pool.invokeAll(tasks)) {
            out.add(f.get());
        }
        return out;
    }

    static ExecutorService pool(int n) {
        return Executors.newFixedThreadPool(n);
    }

    static LocalDate date(String s) {
        return LocalDate.parse(s);
    }
}
