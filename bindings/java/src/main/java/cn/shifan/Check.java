package cn.shifan;

import java.util.List;

/**
 * One rule or group of an evaluation, as its object in the {@code shifan.evaluation/1} JSON: id,
 * citation, kind, outcome, machine-readable reason, the figures of a numeric rule, its unit, the
 * missing inputs that left it undetermined, and the sentence explaining it (in Chinese and English).
 * Immutable.
 */
public final class Check extends Comparison {
    /** Whether a check is a leaf rule or a group (art6, art6.1 … art7.5). */
    public enum Kind {
        /** A leaf rule. */
        RULE,
        /** A group of rules. */
        GROUP
    }

    private final String id;
    private final String citationZh;
    private final String citationEn;
    private final String titleZh;
    private final String titleEn;
    private final Kind kind;
    private final Outcome outcome;
    private final String reason;
    private final SecondComparison second;
    private final String unit;
    private final List<String> missing;
    private final String messageZh;
    private final String messageEn;

    Check(String id, String citationZh, String citationEn, String titleZh, String titleEn, Kind kind, Outcome outcome,
          String reason, Figure actual, Figure required, Figure shortfall, SecondComparison second, String unit,
          List<String> missing, String messageZh, String messageEn) {
        super(actual, required, shortfall);
        this.id = id;
        this.citationZh = citationZh;
        this.citationEn = citationEn;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.kind = kind;
        this.outcome = outcome;
        this.reason = reason;
        this.second = second;
        this.unit = unit;
        this.missing = List.copyOf(missing);
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    /** The rule or group id, e.g. "art6.2.satisfaction". */
    public String id() {
        return id;
    }

    /** The citation in {@code lang} (ZH "第六条第（二）项", EN "Art. 6(2)"; BOTH gives "zh / en"). */
    public String citation(Lang lang) {
        return pick(lang, citationZh, citationEn);
    }

    /** What the check requires, for people, in {@code lang}. */
    public String title(Lang lang) {
        return pick(lang, titleZh, titleEn);
    }

    /** Rule or group. */
    public Kind kind() {
        return kind;
    }

    /** Pass, fail, undetermined or not applicable. */
    public Outcome outcome() {
        return outcome;
    }

    /** The machine-readable reason: "met", "below_threshold", "missing_input", "not_claimed", … */
    public String reason() {
        return reason;
    }

    /** The second comparison of a rule with two thresholds; null for every other check. */
    public SecondComparison second() {
        return second;
    }

    /** The unit of a numeric rule as the JSON names it ("SMEs", "CNY", …); null for other checks. */
    public String unit() {
        return unit;
    }

    /** JSON Pointers of the absent inputs that left this rule undetermined (empty otherwise). */
    public List<String> missing() {
        return missing;
    }

    /** The sentence explaining the check, in {@code lang}, as in the report. */
    public String message(Lang lang) {
        return pick(lang, messageZh, messageEn);
    }

    private static String pick(Lang lang, String zh, String en) {
        switch (lang) {
            case ZH:
                return zh;
            case EN:
                return en;
            default:
                return zh + " / " + en;
        }
    }

    @Override
    public String toString() {
        return id + " " + outcome.jsonName() + " (" + reason + ")";
    }
}
