package cn.shifan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One number of a check (its actual value, the required value or the shortfall), exact: counts and
 * days as integers ("72"), money (CNY) and percentages with two decimals ("999999.99", "79.16"),
 * dates ("2021-03-01", for the operating period). {@link #decimal()} and {@link #date()} give it typed;
 * {@link #text()} as the JSON writes it.
 */
public final class Figure {
    private final String text;
    private final BigDecimal decimal;
    private final LocalDate date;

    private Figure(String text) {
        this.text = text;
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            this.date = LocalDate.parse(text);
            this.decimal = null;
        } else {
            this.date = null;
            this.decimal = new BigDecimal(text);
        }
    }

    /** The figure of a number as the JSON writes it; null for null. */
    static Figure of(String text) {
        return text == null ? null : new Figure(text);
    }

    /** The figure as the JSON writes it ("72", "999999.99", "2021-03-01"). */
    public String text() {
        return text;
    }

    /** Whether it is a date (then {@link #date()} gives it; otherwise {@link #decimal()}). */
    public boolean isDate() {
        return date != null;
    }

    /** The number, exact (scale 0 for counts, 2 for money and percentages); UsageException for a date. */
    public BigDecimal decimal() {
        if (decimal == null) {
            throw ShifanException.usage("该数值是日期：" + text, "this figure is a date: " + text);
        }
        return decimal;
    }

    /** The date; UsageException for a number. */
    public LocalDate date() {
        if (date == null) {
            throw ShifanException.usage("该数值不是日期：" + text, "this figure is not a date: " + text);
        }
        return date;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Figure && ((Figure) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
