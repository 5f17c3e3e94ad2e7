package cn.shifan;

/** The outcome of one check. */
public enum Outcome {
    /** The requirement is met. */
    PASS("pass"),
    /** The requirement is not met. */
    FAIL("fail"),
    /** An input needed to decide is missing. */
    UNDETERMINED("undetermined"),
    /** The requirement does not apply to this application. */
    NOT_APPLICABLE("not_applicable");

    private final String jsonName;

    Outcome(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in the JSON, e.g. "not_applicable". */
    public String jsonName() {
        return jsonName;
    }
}
