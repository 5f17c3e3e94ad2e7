package cn.shifan;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

/** A platform's status on a date ({@code shifan.status/1}). Immutable; readable from many threads. */
public final class Status extends NativeObject {
    Status(Pointer handle) {
        super(handle, h -> Shifan.lib().shifan_status_free(h));
    }

    /**
     * The state on the date: "none", "candidate", "recommended", "not_recommended", "designated",
     * "rejected", "expired" or "revoked".
     */
    public String state() {
        return shared(h -> Strings.borrowed(Shifan.lib().shifan_status_state(h)));
    }

    /** The date of the status. */
    public LocalDate on() {
        return shared(h -> LocalDate.parse(Strings.borrowed(Shifan.lib().shifan_status_on(h))));
    }

    /** Days of validity left while designated (0 on the last day); empty when not designated. */
    public OptionalLong daysLeft() {
        return shared(h -> {
            LongByReference days = new LongByReference();
            long r = ShifanException.checkValue(Shifan.lib().shifan_status_days_left(h, days));
            return r == 1 ? OptionalLong.of(days.getValue()) : OptionalLong.empty();
        });
    }

    /** The last day of the latest term; empty when never designated. */
    public Optional<LocalDate> validUntil() {
        return shared(h -> date(Shifan.lib().shifan_status_valid_until(h)));
    }

    /** The earliest due date among pending obligations; empty when none. */
    public Optional<LocalDate> nextDeadline() {
        return shared(h -> date(Shifan.lib().shifan_status_next_deadline(h)));
    }

    /** Whether an application in the year of the date would be accepted. */
    public boolean mayApplyAgain() {
        return shared(h -> ShifanException.checkValue(Shifan.lib().shifan_status_may_apply_again(h)) == 1);
    }

    /** Why (or why not) it may apply again, in {@code lang} (ZH or EN). */
    public String mayApplyAgainReason(Lang lang) {
        if (lang == Lang.BOTH) {
            return mayApplyAgainReason(Lang.ZH) + " / " + mayApplyAgainReason(Lang.EN);
        }
        return shared(h -> Strings.borrowed(Shifan.lib().shifan_status_may_apply_again_reason(h, lang.code)));
    }

    /** The status as {@code shifan.status/1} JSON (BOTH: as {@code shifan status --json}). */
    public String toJson(Lang lang) {
        return text(lang, true);
    }

    /** The plain-text report of {@code shifan status} in {@code lang}. */
    public String report(Lang lang) {
        return text(lang, false);
    }

    private String text(Lang lang, boolean json) {
        return shared(h -> Strings.produced((out, len, err) -> {
            CApi c = Shifan.lib();
            return json ? c.shifan_status_to_json(out, len, h, lang.code, err) : c.shifan_status_report(out, len, h, lang.code, err);
        }));
    }

    private static Optional<LocalDate> date(Pointer p) {
        String s = Strings.borrowed(p);
        return s == null ? Optional.empty() : Optional.of(LocalDate.parse(s));
    }

    @Override
    public String toString() {
        return isClosed() ? "Status(closed)" : "Status(" + on() + ": " + state() + ")";
    }
}
