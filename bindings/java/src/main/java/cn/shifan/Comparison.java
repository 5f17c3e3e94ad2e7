package cn.shifan;

/**
 * The figures of one comparison with a threshold, shared by {@link Check} and {@link SecondComparison}:
 * the application's figure, the threshold and how much is missing to it, each null when there is none.
 * Immutable.
 */
abstract class Comparison {
    private final Figure actual;
    private final Figure required;
    private final Figure shortfall;

    Comparison(Figure actual, Figure required, Figure shortfall) {
        this.actual = actual;
        this.required = required;
        this.shortfall = shortfall;
    }

    /**
     * The application's figure; null when there is none (a group, a rule without a number, a missing
     * input; for a second comparison, when the JSON has null).
     */
    public Figure actual() {
        return actual;
    }

    /** The threshold; null when there is none (for a second comparison, when the JSON has null). */
    public Figure required() {
        return required;
    }

    /**
     * How much is missing to the threshold (zero when met); null when there is none (for a second
     * comparison, when the JSON has null).
     */
    public Figure shortfall() {
        return shortfall;
    }
}
