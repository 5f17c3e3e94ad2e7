package cn.shifan;

import static cn.shifan.BindingsTest.check;
import static cn.shifan.BindingsTest.equal;
import static cn.shifan.BindingsTest.expectThrows;
import static cn.shifan.BindingsTest.object;

import java.util.List;
import java.util.Map;

/**
 * Every policy case of tests/cases through Java: the same JSON as the CLI, byte for byte, or the
 * same error; and every typed accessor agrees with that JSON.
 */
final class PolicyCasesTest {
    private PolicyCasesTest() {
    }

    static void run(List<BindingsTest.Case> cases) {
        int evaluated = 0;
        int statuses = 0;
        int errors = 0;
        for (BindingsTest.Case c : cases) {
            String what = c.file;
            if (c.exitCode == 2) {
                errors++;
                expectedError(c, what);
                continue;
            }
            check(c.exitCode == 0 || c.exitCode == 1, what + ": CLI exit code " + c.exitCode);
            try (Engine engine = c.engine()) {
                if (c.kind.equals("evaluate")) {
                    evaluated++;
                    try (Evaluation e = engine.evaluate(c.document)) {
                        equal(c.expectedText(), e.toJson(), what + ": toJson() is the CLI's JSON");
                        TypedAccessorsTest.agreesWithJson(e, what);
                    }
                    equal(c.expectedText(), engine.evaluateToJson(c.document), what + ": evaluateToJson()");
                } else {
                    statuses++;
                    try (History h = new History(engine, c.document); Status s = h.status(c.on)) {
                        equal(c.expectedText(), s.toJson(Lang.BOTH), what + ": status toJson(BOTH) is the CLI's JSON");
                        Map<String, Object> j = object(s.toJson(Lang.BOTH));
                        equal(j.get("state"), s.state(), what + ": state");
                        equal(c.on, s.on().toString(), what + ": on");
                    }
                }
            } catch (ShifanException e) {
                check(false, what + ": threw " + e.getMessage());
            }
        }
        check(evaluated > 200, "policy cases evaluated: " + evaluated);
        check(statuses > 10, "status cases: " + statuses);
        check(errors > 10, "error cases: " + errors);
        System.out.println("policy cases: " + evaluated + " evaluations, " + statuses + " statuses, " + errors
                           + " errors, as the CLI");
    }

    private static void expectedError(BindingsTest.Case c, String what) {
        ShifanException e = expectThrows(ShifanException.class, () -> {
            try (Engine engine = c.engine()) {
                if (c.kind.equals("evaluate")) {
                    engine.evaluate(c.document).close();
                } else {
                    try (History h = new History(engine, c.document)) {
                        h.status(c.on).close();
                    }
                }
            }
        }, what + ": the CLI refused it");
        if (e != null) {
            String file = c.rulePack != null ? c.rulePack.toString() : c.calendar != null ? c.calendar.toString() : null;
            BindingsTest.sameError(c.expected, e, what, file);
            check(e.getMessage().startsWith(e.codeName() + ": "), what + ": getMessage() " + e.getMessage());
        }
    }
}
