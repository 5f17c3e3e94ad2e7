package cn.shifan;

/** The verdict of an evaluation (articles 6 and 7). */
public enum Verdict {
    /** Every requirement is met. */
    ELIGIBLE("eligible"),
    /** Some requirement fails. */
    INELIGIBLE("ineligible"),
    /** Nothing fails, but an input needed to decide is missing. */
    UNDETERMINED("undetermined");

    private final String jsonName;

    Verdict(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in the JSON, e.g. "eligible". */
    public String jsonName() {
        return jsonName;
    }

    static Verdict of(int code) {
        return values()[code];
    }
}
