package cn.shifan;

import static cn.shifan.BindingsTest.check;
import static cn.shifan.BindingsTest.equal;
import static cn.shifan.BindingsTest.expectThrows;
import static cn.shifan.BindingsTest.object;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** The typed accessors: the same facts as the JSON, typed (BigDecimal, LocalDate, enums). */
final class TypedAccessorsTest {
    private TypedAccessorsTest() {
    }

    /** Every accessor of {@code e} against its own {@code shifan.evaluation/1} JSON (messages in both languages). */
    @SuppressWarnings("unchecked")
    static void agreesWithJson(Evaluation e, String what) {
        Map<String, Object> j = object(e.toJson());
        equal(j.get("verdict"), e.verdict().jsonName(), what + ": verdict");
        List<String> functions = new ArrayList<>();
        for (ServiceFunction f : e.qualifiedFunctions()) {
            functions.add(f.jsonName());
        }
        equal(j.get("qualified_functions"), functions, what + ": qualified functions");
        Object id = j.get("application_id");
        equal(id == Json.NULL ? null : id, e.applicationId(), what + ": application id");
        equal(((BigDecimal) j.get("review_year")).intValue(), e.reviewYear(), what + ": review year");
        equal(j.get("reference_date"), e.referenceDate().toString(), what + ": reference date");
        Map<String, Object> pack = (Map<String, Object>) j.get("rule_pack");
        equal(pack.get("id"), e.rulePackId(), what + ": rule pack id");
        equal(pack.get("version"), e.rulePackVersion(), what + ": rule pack version");
        equal(j.get("missing"), e.missing(), what + ": missing");
        Map<String, Object> dossier = (Map<String, Object>) j.get("dossier");
        Object complete = dossier.get("complete");
        equal(complete == Json.NULL ? null : complete, e.dossier().complete(), what + ": dossier complete");
        equal(dossier.get("missing_materials"), e.dossier().missingMaterials(), what + ": missing materials");
        List<Object> checks = (List<Object>) j.get("checks");
        equal(checks.size(), e.checks().size(), what + ": number of checks");
        for (int i = 0; i < Math.min(checks.size(), e.checks().size()); i++) {
            Map<String, Object> jc = (Map<String, Object>) checks.get(i);
            Check c = e.checks().get(i);
            String w = what + ": " + c.id();
            equal(jc.get("id"), c.id(), w + " id");
            equal(jc.get("citation"), c.citation(Lang.ZH), w + " citation");
            equal(jc.get("kind"), c.kind().name().toLowerCase(java.util.Locale.ROOT), w + " kind");
            equal(jc.get("outcome"), c.outcome().jsonName(), w + " outcome");
            equal(jc.get("reason"), c.reason(), w + " reason");
            figure(jc.get("actual"), c.actual(), w + " actual");
            figure(jc.get("required"), c.required(), w + " required");
            figure(jc.get("shortfall"), c.shortfall(), w + " shortfall");
            equal(jc.get("unit"), c.unit(), w + " unit");
            Object missing = jc.get("missing");
            equal(missing == null ? List.of() : missing, c.missing(), w + " missing");
            Map<String, Object> message = (Map<String, Object>) jc.get("message");
            equal(message.get("zh"), c.message(Lang.ZH), w + " message zh");
            equal(message.get("en"), c.message(Lang.EN), w + " message en");
            if (c.second() != null) {
                Map<String, Object> s = (Map<String, Object>) jc.get(c.second().name());
                check(s != null, w + " second comparison member " + c.second().name());
                if (s != null) {
                    figure(s.get("actual"), c.second().actual(), w + " second actual");
                    figure(s.get("required"), c.second().required(), w + " second required");
                    figure(s.get("shortfall"), c.second().shortfall(), w + " second shortfall");
                }
            }
        }
    }

    private static void figure(Object json, Figure f, String what) {
        if (json == null || json == Json.NULL) {
            equal(null, f, what);
        } else if (json instanceof BigDecimal) {
            check(f != null && !f.isDate() && f.decimal().equals(json) && f.text().equals(((BigDecimal) json).toPlainString()),
                  what + ": " + json + " vs " + f);
        } else {
            check(f != null && f.text().equals(json), what + ": " + json + " vs " + f);
            if (f != null && f.isDate()) {
                equal(LocalDate.parse((String) json), f.date(), what + " as a date");
            } else if (f != null) {
                equal(new BigDecimal((String) json), f.decimal(), what + " as a decimal");
                check(f.decimal().scale() == 2, what + ": money and percentages keep two decimals: " + f.decimal());
            }
        }
    }

    static void run(Path repo) {
        Path apps = repo.resolve("examples/applications");
        try (Engine engine = new Engine();
             Evaluation e = engine.evaluate(apps.resolve("eligible-technology.json"))) {
            equal(Verdict.ELIGIBLE, e.verdict(), "eligible-technology: verdict");
            check(e.qualifiedFunctions().contains(ServiceFunction.TECHNOLOGY), "eligible-technology: technology qualifies");
            equal(e.qualifiedFunctions().size(), Integer.bitCount(e.qualifiedFunctionsMask()), "mask and set agree");
            Check assets = null;
            for (Check c : e.checks()) {
                if (c.kind() == Check.Kind.RULE && c.actual() != null && !c.actual().isDate()
                    && c.actual().decimal().scale() == 2) {
                    assets = c;
                    break;
                }
            }
            check(assets != null, "some rule has a money or percentage figure");
            if (assets != null) {
                check(assets.actual().decimal().compareTo(BigDecimal.ZERO) > 0, assets.id() + ": positive figure");
                check(assets.unit() != null, assets.id() + ": has a unit");
                expectThrows(UsageException.class, assets.actual()::date, "a number is not a date");
            }
            Check period = e.check("art6.1.operating_period");
            check(period.actual() != null && period.actual().isDate(), "operating period: a date figure " + period.actual());
            if (period.actual() != null && period.actual().isDate()) {
                check(period.actual().date().getYear() > 1990, "operating period: " + period.actual().date());
                expectThrows(UsageException.class, period.actual()::decimal, "a date is not a decimal");
            }
            equal(period, e.check(period.id()), "check(id) finds the same check");
            expectThrows(UsageException.class, () -> e.check("art99"), "check(id) of no check");
            check(e.check("art6").kind() == Check.Kind.GROUP, "art6 is a group");
            check(e.checks().get(0).citation(Lang.ZH).startsWith("第"), "citation in Chinese");
            check(e.checks().get(0).citation(Lang.EN).startsWith("Art"), "citation in English");
            check(e.checks().get(0).title(Lang.ZH).codePoints().anyMatch(cp -> cp >= 0x4e00),
                  "title in Chinese: " + e.checks().get(0).title(Lang.ZH));
            check(e.report(Lang.ZH).contains("第六条"), "report in Chinese names 第六条");
            check(e.report(Lang.EN).contains("Art"), "report in English");
            check(e.toJson(Lang.EN, true, true).length() < e.toJson().length(), "compact English JSON is shorter");
            check(!e.toJson(Lang.ZH, false, false).contains("\"message\""), "messages=false: no message members");
            check(e.toString().contains("eligible"), "toString " + e);
        }
        try (Engine engine = new Engine();
             Evaluation e = engine.evaluate(apps.resolve("ineligible-shortfalls.json"))) {
            equal(Verdict.INELIGIBLE, e.verdict(), "ineligible-shortfalls: verdict");
            int failing = 0;
            for (Check c : e.checks()) {
                if (c.kind() == Check.Kind.RULE && c.outcome() == Outcome.FAIL && c.shortfall() != null) {
                    failing++;
                    check(c.shortfall().decimal().signum() > 0, c.id() + ": a positive shortfall " + c.shortfall());
                    check(c.actual().decimal().add(c.shortfall().decimal()).compareTo(c.required().decimal()) >= 0
                          || c.unit() != null, c.id() + ": actual + shortfall reaches required");
                }
            }
            check(failing > 0, "ineligible-shortfalls: some rule fails with a shortfall");
        }
        try (Engine engine = new Engine()) {
            equal("changzhi-municipal", engine.rulePackId(), "built-in rule pack id");
            equal("strict", engine.interpretation("growth"), "default reading of growth");
            engine.setInterpretation("growth", "non_decreasing");
            equal("non_decreasing", engine.interpretations().get("growth"), "reading set");
            expectThrows(UsageException.class, () -> engine.setInterpretation("growth", "sideways"), "unknown value");
            expectThrows(UsageException.class, () -> engine.interpretation("colour"), "unknown reading");
            check(engine.rulesJson().contains("\"shifan.registry/1\""), "rules JSON");
            EnumSet<ServiceFunction> all = EnumSet.allOf(ServiceFunction.class);
            equal(all, ServiceFunction.ofMask(31), "mask 31 is every function");
            equal(BindingsTest.none(), ServiceFunction.ofMask(0), "mask 0 is none");
        }
    }
}
