package cn.shifan;

/**
 * The second comparison of a rule with two thresholds that must both hold (e.g.
 * "art7.5.intermediary_route": financing obtained, then the number of activities): the JSON member
 * that holds it ({@link #name()}, e.g. "activities") and its figures.
 */
public final class SecondComparison extends Comparison {
    private final String name;

    SecondComparison(String name, Figure actual, Figure required, Figure shortfall) {
        super(actual, required, shortfall);
        this.name = name;
    }

    /** The name of the member in the JSON, e.g. "activities". */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name + "{actual=" + actual() + ", required=" + required() + ", shortfall=" + shortfall() + "}";
    }
}
