package cn.shifan;

import static cn.shifan.BindingsTest.check;
import static cn.shifan.BindingsTest.equal;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** One engine on four threads agrees with one thread; evaluateMany agrees with evaluate; closing under load. */
final class ThreadsTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 5;

    private ThreadsTest() {
    }

    static void run(List<BindingsTest.Case> cases) throws Exception {
        List<byte[]> docs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<BindingsTest.Case> plain = new ArrayList<>();
        for (BindingsTest.Case c : cases) {
            if (c.kind.equals("evaluate") && c.rulePack == null && c.readings.isEmpty()) {
                docs.add(Files.readAllBytes(c.document));
                expected.add(c.expectedText());
                plain.add(c);
            }
        }
        check(docs.size() > 100, "documents for the thread test: " + docs.size());
        try (Engine engine = new Engine()) {
            List<String> one = new ArrayList<>();
            for (byte[] d : docs) {
                one.add(json(engine, d));
            }
            for (int i = 0; i < docs.size(); i++) {
                if (plain.get(i).exitCode != 2) {
                    equal(expected.get(i), one.get(i), plain.get(i).file + ": one thread as the CLI");
                }
            }
            ExecutorService pool = BindingsTest.pool(THREADS);
            try {
                List<Callable<Integer>> tasks = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int offset = t;
                    tasks.add(() -> {
                        int mismatches = 0;
                        for (int r = 0; r < ROUNDS; r++) {
                            for (int k = 0; k < docs.size(); k++) {
                                int i = (k + offset * 37) % docs.size(); // each thread in another order
                                if (!one.get(i).equals(json(engine, docs.get(i)))) {
                                    mismatches++;
                                }
                            }
                        }
                        return mismatches;
                    });
                }
                int mismatches = 0;
                for (int m : BindingsTest.all(pool, tasks)) {
                    mismatches += m;
                }
                equal(0, mismatches, THREADS + " threads x " + ROUNDS + " rounds x " + docs.size()
                                     + " documents on one engine agree with one thread");
                System.out.println("threads: " + THREADS * ROUNDS * docs.size() + " evaluations on " + THREADS
                                   + " threads, " + mismatches + " mismatches");

                // evaluateMany: the same verdicts, functions and errors as evaluate, in input order
                List<Object> many = new ArrayList<>(docs);
                many.add("{\"schema\":\"shifan.application/1\",\"名称\":1}");
                List<BatchResult> results = engine.evaluateMany(many, 2, null);
                equal(many.size(), results.size(), "evaluateMany: one result per document");
                for (int i = 0; i < docs.size(); i++) {
                    BatchResult b = results.get(i);
                    equal(i, b.index(), "evaluateMany: index");
                    if (plain.get(i).exitCode == 2) {
                        check(!b.ok() && b.verdict() == null, plain.get(i).file + ": evaluateMany: an error item");
                        BindingsTest.sameError(plain.get(i).expected, b.error(), plain.get(i).file + ": evaluateMany error");
                        continue;
                    }
                    try (Evaluation e = engine.evaluate(docs.get(i))) {
                        check(b.ok() && b.error() == null, "evaluateMany: item " + i + " ok");
                        equal(e.verdict(), b.verdict(), "evaluateMany: verdict " + i);
                        equal(e.qualifiedFunctions(), b.qualifiedFunctions(), "evaluateMany: functions " + i);
                    }
                    if (i % 25 == 0) {
                        equal(expected.get(i), b.toJson(), "evaluateMany: item JSON " + i);
                        try (Evaluation e = b.evaluation()) {
                            equal(expected.get(i), e.toJson(), "evaluateMany: item evaluation " + i);
                        }
                    }
                }
                BatchResult bad = results.get(results.size() - 1);
                check(!bad.ok() && bad.error() instanceof InputException && bad.error().path().equals("/名称"),
                      "evaluateMany: the bad document's error and path " + bad.error());
                equal(List.of(), engine.evaluateMany(List.of()), "evaluateMany of nothing");

                // evaluateMany from four threads at once
                List<Callable<Boolean>> batches = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    batches.add(() -> {
                        List<BatchResult> rs = engine.evaluateMany(docs);
                        for (int i = 0; i < rs.size(); i++) {
                            if (rs.get(i).verdict() != results.get(i).verdict() || rs.get(i).status() != results.get(i).status()) {
                                return false;
                            }
                        }
                        return true;
                    });
                }
                check(BindingsTest.all(pool, batches).stream().allMatch(ok -> ok), "evaluateMany on 4 threads at once");

                // objects never closed are released by the Cleaner, also while other threads evaluate
                List<byte[]> good = new ArrayList<>();
                int goodEligible = 0;
                for (int i = 0; i < docs.size(); i++) {
                    if (plain.get(i).exitCode != 2) {
                        good.add(docs.get(i));
                        goodEligible += one.get(i).contains("\"verdict\":\"eligible\"") ? 1 : 0;
                    }
                }
                List<Callable<Integer>> unclosed = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    unclosed.add(() -> {
                        int eligible = 0;
                        for (int k = 0; k < good.size() * 10; k++) {
                            Evaluation e = engine.evaluate(good.get(k % good.size()));
                            if (e.verdict() == Verdict.ELIGIBLE) { // never closed: left to the Cleaner
                                eligible++;
                            }
                            if (k % 500 == 0) {
                                System.gc();
                            }
                        }
                        return eligible;
                    });
                }
                for (int eligible : BindingsTest.all(pool, unclosed)) {
                    equal(goodEligible * 10, eligible, "evaluations left to the Cleaner, 4 threads: the same verdicts");
                }

                // closing an engine while threads use it: each call finishes or throws UsageException
                Engine shared = new Engine();
                AtomicInteger done = new AtomicInteger();
                AtomicInteger refused = new AtomicInteger();
                List<Future<String>> running = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    running.add(pool.submit(() -> {
                        try {
                            for (int k = 0; ; k++) {
                                shared.evaluate(good.get(k % good.size())).close();
                                done.incrementAndGet();
                            }
                        } catch (UsageException e) {
                            refused.incrementAndGet();
                            return e.getMessage();
                        }
                    }));
                }
                Thread.sleep(200);
                shared.close();
                int clean = 0;
                for (Future<String> f : running) {
                    String message = f.get(60, TimeUnit.SECONDS);
                    if (message.contains("closed")) {
                        clean++;
                    }
                }
                check(done.get() > 0, "evaluations ran before close: " + done.get());
                check(clean > 0 && refused.get() > 0, "after close every thread got UsageException: " + clean + " of " + THREADS);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static String json(Engine engine, byte[] doc) {
        try (Evaluation e = engine.evaluate(doc)) {
            return e.toJson();
        } catch (ShifanException x) {
            return x.toJson();
        }
    }
}
