package cn.shifan;

import static cn.shifan.BindingsTest.check;
import static cn.shifan.BindingsTest.equal;
import static cn.shifan.BindingsTest.expectThrows;
import static cn.shifan.BindingsTest.object;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Errors: the right class, code, path, event fields and both messages, intact under LANG=C; closing. */
final class ErrorsTest {
    private ErrorsTest() {
    }

    static void run(Path repo) {
        Path app = repo.resolve("examples/applications/eligible-technology.json");
        try (Engine engine = new Engine()) {
            InputException e = expectThrows(InputException.class,
                () -> engine.evaluate("{\"schema\":\"shifan.application/1\",\"名称\":1}"), "unknown key");
            if (e != null) {
                equal(ShifanException.EUNKNOWN_KEY, e.code(), "unknown key: code");
                equal("unknown_key", e.codeName(), "unknown key: code name");
                equal("/名称", e.path(), "unknown key: the path keeps its Chinese under LANG=C");
                check(e.messageZh().startsWith("未定义的键“名称”"), "unknown key: Chinese message intact: " + e.messageZh());
                check(e.messageEn().startsWith("unknown key \"名称\""), "unknown key: English message: " + e.messageEn());
                check(!e.messageZh().contains("?") && !e.path().contains("?"), "no '?' from a lossy charset");
                equal(-1L, e.eventIndex(), "unknown key: no event");
                equal(null, e.eventType(), "unknown key: no event type");
                equal(null, e.articles(), "unknown key: no articles");
                equal("unknown_key: /名称: " + e.messageEn(), e.getMessage(), "unknown key: getMessage()");
                Map<String, Object> j = object(e.toJson());
                check(j.containsKey("error"), "toJson(): an error object");
            }
            InputException syntax = expectThrows(InputException.class, () -> engine.evaluate("{"), "syntax");
            if (syntax != null) {
                equal("syntax", syntax.codeName(), "syntax: code name");
                check(syntax.getMessage().startsWith("syntax: (document): ") || !syntax.path().isEmpty(),
                      "syntax: getMessage() " + syntax.getMessage());
            }
            InputException limit = expectThrows(InputException.class,
                () -> engine.evaluate(app, Limits.DEFAULTS.withMaxDepth(2)), "depth limit");
            if (limit != null) {
                equal("limit_exceeded", limit.codeName(), "limit: code name");
                check(limit.messageEn().contains("max_depth"), "limit: the message names max_depth: " + limit.messageEn());
            }
            check(engine.evaluate(app, Limits.DEFAULTS.withMaxDepth(64)).verdict() == Verdict.ELIGIBLE,
                  "a limit that holds changes nothing");
            expectThrows(UsageException.class, () -> Limits.DEFAULTS.withMaxDepth(-1), "negative limit");
            expectThrows(UsageException.class, () -> engine.evaluateMany(List.of(42)), "a document of the wrong type");
            expectThrows(UsageException.class, () -> engine.evaluate((String) null), "a null document");
            expectThrows(UsageException.class, () -> engine.setInterpretation("growth\0x", "strict"), "NUL in a name");
            try {
                engine.evaluate(repo.resolve("no/such/file.json"));
                check(false, "a missing file: nothing thrown");
            } catch (UncheckedIOException x) {
                check(x.getMessage().contains("file.json"), "a missing file names itself: " + x.getMessage());
            }
        }
        InputException pack = expectThrows(InputException.class, () -> Engine.fromRulePack(
            "{\"schema\":\"shifan.rulepack/1\",\"id\":\"x\",\"version\":\"1\",\"parameters\":{}}"), "incomplete pack");
        if (pack != null) {
            equal("missing_required", pack.codeName(), "incomplete pack: code");
            check(pack.path().startsWith("/parameters/"), "incomplete pack: path " + pack.path());
        }
        RulePackException base = expectThrows(RulePackException.class, () -> Engine.fromRulePack(
            "{\"schema\":\"shifan.rulepack/1\",\"id\":\"x\",\"version\":\"1\",\"base\":\"nowhere\",\"parameters\":{}}"),
            "unknown base");
        if (base != null) {
            check(base instanceof InputException, "RulePackException is an InputException");
            equal("/base", base.path(), "unknown base: path");
        }
        expectThrows(InputException.class, () -> Engine.fromRulePack("{}"), "an empty rule pack");

        // built from outside, as the bindings build them
        ShifanException h = ShifanException.of(ShifanException.EHISTORY, "/events/2/date", "日期", "date", 2,
                                               "designated", List.of("art8", "art9"));
        check(h instanceof HistoryException, "of(EHISTORY) is a HistoryException");
        equal(List.of("art8", "art9"), h.articles(), "articles kept");
        equal(object("{\"error\":{\"code\":\"history\",\"code_number\":14,\"path\":\"/events/2/date\",\"event_index\":2,"
                      + "\"event_type\":\"designated\",\"articles\":[\"art8\",\"art9\"],\"message\":{\"zh\":\"日期\",\"en\":\"date\"}}}"),
              object(h.toJson()), "toJson() of a history error");
        check(ShifanException.of(-15, "", "", "", -1, null, null) instanceof UsageException, "of(EUSAGE)");
        check(ShifanException.of(-101, "", "", "", -1, null, null) instanceof HandleException, "of(EHANDLE)");
        check(ShifanException.of(-100, "", "", "", -1, null, null) instanceof NoMemoryException, "of(ENOMEM)");
        check(ShifanException.of(-16, "", "", "", -1, null, null) instanceof InternalException, "of(EINTERNAL)");
        check(ShifanException.of(-13, "", "", "", -1, null, null) instanceof RulePackException, "of(ERULE_PACK)");
        check(ShifanException.of(-7, "", "", "", -1, null, null) instanceof InputException, "of(EINVALID_DATE)");
        equal("unknown", ShifanException.codeName(-99), "an unknown code");
        for (int code = -16; code <= 0; code++) {
            equal(Strings.borrowed(Shifan.lib().shifan_code_name(code)), ShifanException.codeName(code), "code name " + code);
        }
        equal(Strings.borrowed(Shifan.lib().shifan_code_name(-100)), ShifanException.codeName(-100), "code name -100");
        equal(Strings.borrowed(Shifan.lib().shifan_code_name(-101)), ShifanException.codeName(-101), "code name -101");

        // closing
        Engine engine = new Engine();
        Evaluation kept = engine.evaluate(app);
        engine.close();
        check(engine.isClosed(), "isClosed after close");
        engine.close(); // twice: harmless
        UsageException closed = expectThrows(UsageException.class, () -> engine.evaluate(app), "evaluate after close");
        if (closed != null) {
            check(closed.getMessage().contains("closed") && closed.messageZh().contains("已关闭"),
                  "after close: a clear message: " + closed.getMessage() + " / " + closed.messageZh());
        }
        expectThrows(UsageException.class, engine::rulePackId, "rulePackId after close");
        expectThrows(UsageException.class, () -> engine.setInterpretation("growth", "strict"), "set after close");
        equal("Engine(closed)", engine.toString(), "toString after close");
        equal(Verdict.ELIGIBLE, kept.verdict(), "an evaluation outlives its engine");
        kept.close();
        expectThrows(UsageException.class, kept::verdict, "verdict after close");
        expectThrows(UsageException.class, kept::toJson, "toJson after close");
    }
}
