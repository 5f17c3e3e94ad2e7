package cn.shifan;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation of one application: the verdict, the qualified functions of article 7, every check
 * with its figures, the missing inputs and the dossier. Immutable and safe to read from many threads;
 * independent of the engine that made it (which may be closed first). Close it to release the native
 * object at once (otherwise a Cleaner does it once it is unreachable).
 */
public final class Evaluation extends NativeObject {
    private volatile List<Check> checks;

    Evaluation(Pointer handle) {
        super(handle, h -> Shifan.lib().shifan_evaluation_free(h));
    }

    /** Eligible, ineligible or undetermined. */
    public Verdict verdict() {
        return shared(h -> Verdict.of((int) ShifanException.checkValue(Shifan.lib().shifan_evaluation_verdict(h))));
    }

    /** The article 7 functions that pass, in article order. */
    public Set<ServiceFunction> qualifiedFunctions() {
        return ServiceFunction.ofMask(qualifiedFunctionsMask());
    }

    /** The qualified functions as the library's mask (information 0x01 … financing 0x10). */
    public int qualifiedFunctionsMask() {
        return shared(h -> (int) ShifanException.checkValue(Shifan.lib().shifan_evaluation_qualified_functions(h)));
    }

    /** The application's {@code id}; null when it has none. */
    public String applicationId() {
        return shared(h -> Strings.borrowed(Shifan.lib().shifan_evaluation_application_id(h)));
    }

    /** The review year Y (article 12). */
    public int reviewYear() {
        return shared(h -> (int) ShifanException.checkValue(Shifan.lib().shifan_evaluation_review_year(h)));
    }

    /** The day the application is judged at. */
    public LocalDate referenceDate() {
        return shared(h -> LocalDate.parse(Strings.borrowed(Shifan.lib().shifan_evaluation_reference_date(h))));
    }

    /** The id of the rule pack used, e.g. "changzhi-municipal". */
    public String rulePackId() {
        return shared(h -> Strings.borrowed(Shifan.lib().shifan_evaluation_rule_pack_id(h)));
    }

    /** The version of the rule pack used. */
    public String rulePackVersion() {
        return shared(h -> Strings.borrowed(Shifan.lib().shifan_evaluation_rule_pack_version(h)));
    }

    /** Every rule and group, in result order (a group precedes its children). Read once, then kept. */
    public List<Check> checks() {
        List<Check> c = checks;
        if (c == null) {
            c = shared(Evaluation::readChecks);
            checks = c;
        }
        return c;
    }

    /** The check with this id (e.g. "art6.2.satisfaction"); UsageException when there is none. */
    public Check check(String id) {
        for (Check c : checks()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw ShifanException.usage("没有这项检查：" + id, "no check with id " + id);
    }

    /** JSON Pointers of the absent inputs that made some check undetermined. */
    public List<String> missing() {
        return shared(h -> {
            CApi c = Shifan.lib();
            long n = ShifanException.checkValue(c.shifan_evaluation_missing_count(h));
            List<String> out = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                out.add(Strings.borrowed(c.shifan_evaluation_missing(h, i)));
            }
            return Collections.unmodifiableList(out);
        });
    }

    /** The dossier's completeness (articles 9 and 10). */
    public Dossier dossier() {
        return shared(h -> {
            CApi c = Shifan.lib();
            long d = ShifanException.checkValue(c.shifan_evaluation_dossier(h));
            long n = ShifanException.checkValue(c.shifan_evaluation_missing_material_count(h));
            List<String> items = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                items.add(Strings.borrowed(c.shifan_evaluation_missing_material(h, i)));
            }
            return new Dossier(d == 2 ? null : Boolean.valueOf(d == 1), items);
        });
    }

    /** The {@code shifan.evaluation/1} JSON, byte for byte as {@code shifan evaluate --json} (without its newline). */
    public String toJson() {
        return toJson(Lang.BOTH, false, true);
    }

    /**
     * The {@code shifan.evaluation/1} JSON with the messages in {@code lang}; {@code compact}: only the
     * verdict, the functions and the checks that did not pass; {@code messages} false: no message members.
     */
    public String toJson(Lang lang, boolean compact, boolean messages) {
        CApi.JsonOptions o = jsonOptions(lang, compact, messages);
        return shared(h -> {
            PointerByReference out = new PointerByReference();
            LongByReference len = new LongByReference();
            PointerByReference err = new PointerByReference();
            ShifanException.check(Shifan.lib().shifan_evaluation_to_json(out, len, h, o, err), err);
            return Strings.take(out, len);
        });
    }

    /** The plain-text report of {@code shifan evaluate} in {@code lang} (BOTH: zh, a blank line, en). */
    public String report(Lang lang) {
        return shared(h -> {
            PointerByReference out = new PointerByReference();
            LongByReference len = new LongByReference();
            PointerByReference err = new PointerByReference();
            ShifanException.check(Shifan.lib().shifan_evaluation_report(out, len, h, lang.code, err), err);
            return Strings.take(out, len);
        });
    }

    static CApi.JsonOptions jsonOptions(Lang lang, boolean compact, boolean messages) {
        CApi.JsonOptions o = new CApi.JsonOptions();
        ShifanException.check(Shifan.lib().shifan_json_options_init(o, 1), null);
        o.lang = lang.code;
        o.compact = compact ? 1 : 0;
        o.messages = messages ? 1 : 0;
        return o;
    }

    @SuppressWarnings("unchecked")
    private static List<Check> readChecks(Pointer h) {
        CApi c = Shifan.lib();
        // unit and missing as the JSON has them (one full document without messages)
        PointerByReference out = new PointerByReference();
        LongByReference len = new LongByReference();
        PointerByReference err = new PointerByReference();
        ShifanException.check(c.shifan_evaluation_to_json(out, len, h, jsonOptions(Lang.ZH, false, false), err), err);
        Map<String, Object> doc = (Map<String, Object>) Json.parse(Strings.take(out, len));
        Map<String, Map<String, Object>> written = new java.util.HashMap<>();
        for (Object o : (List<Object>) doc.get("checks")) {
            Map<String, Object> check = (Map<String, Object>) o;
            written.put((String) check.get("id"), check);
        }
        long n = ShifanException.checkValue(c.shifan_evaluation_check_count(h));
        List<Check> result = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            String id = Strings.borrowed(c.shifan_evaluation_check_id(h, i));
            Map<String, Object> j = written.getOrDefault(id, Map.of());
            Object unit = j.get("unit");
            List<String> missing = new ArrayList<>();
            Object m = j.get("missing");
            if (m instanceof List) {
                for (Object p : (List<Object>) m) {
                    missing.add((String) p);
                }
            }
            String secondName = Strings.borrowed(c.shifan_evaluation_check_second_name(h, i));
            SecondComparison second = secondName == null ? null
                : new SecondComparison(secondName, Figure.of(Strings.borrowed(c.shifan_evaluation_check_second_actual(h, i))),
                                       Figure.of(Strings.borrowed(c.shifan_evaluation_check_second_required(h, i))),
                                       Figure.of(Strings.borrowed(c.shifan_evaluation_check_second_shortfall(h, i))));
            int outcome = (int) ShifanException.checkValue(c.shifan_evaluation_check_outcome(h, i));
            int kind = (int) ShifanException.checkValue(c.shifan_evaluation_check_kind(h, i));
            result.add(new Check(id, Strings.borrowed(c.shifan_evaluation_check_citation(h, i, 0)),
                                 Strings.borrowed(c.shifan_evaluation_check_citation(h, i, 1)),
                                 Strings.borrowed(c.shifan_evaluation_check_title(h, i, 0)),
                                 Strings.borrowed(c.shifan_evaluation_check_title(h, i, 1)),
                                 kind == 1 ? Check.Kind.GROUP : Check.Kind.RULE, Outcome.values()[outcome],
                                 Strings.borrowed(c.shifan_evaluation_check_reason(h, i)),
                                 Figure.of(Strings.borrowed(c.shifan_evaluation_check_actual(h, i))),
                                 Figure.of(Strings.borrowed(c.shifan_evaluation_check_required(h, i))),
                                 Figure.of(Strings.borrowed(c.shifan_evaluation_check_shortfall(h, i))), second,
                                 unit instanceof String ? (String) unit : null, missing,
                                 Strings.borrowed(c.shifan_evaluation_check_message(h, i, 0)),
                                 Strings.borrowed(c.shifan_evaluation_check_message(h, i, 1))));
        }
        return Collections.unmodifiableList(result);
    }

    @Override
    public String toString() {
        if (isClosed()) {
            return "Evaluation(closed)";
        }
        return "Evaluation(" + applicationId() + ": " + verdict().jsonName() + " " + qualifiedFunctions() + ")";
    }
}
