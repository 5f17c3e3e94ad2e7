package cn.shifan;

/**
 * The second comparison of a rule with two thresholds that must both hold (e.g.
 * "art7.5.intermediary_route": financing obtained, then the number of activities): the JSON member
 * that holds it ({@link #name()}, e.g. "activities") and its figures.
 */
public final class SecondComparison {
    private final String name;
    private final Figure actual;
    private final Figure required;
    private final Figure shortfall;

    SecondComparison(String name, Figure actual, Figure required, Figure shortfall) {
        this.name = name;
        this.actual = actual;
        this.required = required;
        this.shortfall = shortfall;
    }

    /** The name of the member in the JSON, e.g. "activities". */
    public String name() {
        return name;
    }

    /** The application's figure; null when the JSON has null. */
    public Figure actual() {
        return actual;
    }

    /** The threshold; null when the JSON has null. */
    public Figure required() {
        return required;
    }

    /** How much is missing to the threshold; null when the JSON has null. */
    public Figure shortfall() {
        return shortfall;
    }

    @Override
    public String toString() {
        return name + "{actual=" + actual + ", required=" + required + ", shortfall=" + shortfall + "}";
    }
}
