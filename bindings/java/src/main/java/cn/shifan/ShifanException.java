package cn.shifan;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An error reported by libshifan (or found by these bindings before calling it): a status code, the
 * JSON Pointer of the offending value, the reason in Chinese and in English and, for a history's
 * event, the event's index, type and the articles it breaks.
 *
 * <p>The subclasses follow the families of codes: {@link InputException} (bad input, never a
 * verdict; {@link RulePackException}, {@link HistoryException}), {@link UsageException} (a misuse,
 * including a closed object; {@link HandleException}), {@link InternalException} and
 * {@link NoMemoryException}. {@link #of} builds the right one for a code, so that a host (or a test)
 * can make the same exceptions the bindings throw.
 */
public class ShifanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Status codes of shifan.h (stable: values never change, new ones are only appended). */
    public static final int OK = 0, ESYNTAX = -1, EWRONG_TYPE = -2, EOUT_OF_RANGE = -3, EUNKNOWN_KEY = -4,
            EDUPLICATE_KEY = -5, EUNKNOWN_VALUE = -6, EINVALID_DATE = -7, EINVALID_AMOUNT = -8, EINCONSISTENT = -9,
            EMISSING_REQUIRED = -10, EWRONG_SCHEMA = -11, ELIMIT_EXCEEDED = -12, ERULE_PACK = -13, EHISTORY = -14,
            EUSAGE = -15, EINTERNAL = -16, ENOMEM = -100, EHANDLE = -101;

    private static final String[] NAMES = {"ok", "syntax", "wrong_type", "out_of_range", "unknown_key",
        "duplicate_key", "unknown_value", "invalid_date", "invalid_amount", "inconsistent", "missing_required",
        "wrong_schema", "limit_exceeded", "rule_pack", "history", "usage", "internal"};

    private final int code;
    private final String path;
    private final String messageZh;
    private final String messageEn;
    private final long eventIndex;
    private final String eventType;
    private final List<String> articles;

    /**
     * An error with every field. Prefer {@link #of}, which picks the subclass for the code.
     *
     * @param code       a negative SHIFAN_E* code
     * @param path       JSON Pointer of the offending value ("" for the whole document or none)
     * @param messageZh  the reason in Chinese, without the path
     * @param messageEn  the reason in English, without the path
     * @param eventIndex index of the history's event at fault, or -1
     * @param eventType  type of the event a forbidden transition refused, or null
     * @param articles   article ids that transition breaks (e.g. "art8"), or null for other errors
     */
    public ShifanException(int code, String path, String messageZh, String messageEn, long eventIndex,
                           String eventType, List<String> articles) {
        super(describe(code, path, messageEn, eventIndex));
        this.code = code;
        this.path = Objects.requireNonNullElse(path, "");
        this.messageZh = Objects.requireNonNullElse(messageZh, "");
        this.messageEn = Objects.requireNonNullElse(messageEn, "");
        this.eventIndex = eventIndex;
        this.eventType = eventType == null || eventType.isEmpty() ? null : eventType;
        this.articles = articles == null ? null : Collections.unmodifiableList(new ArrayList<>(articles));
    }

    /** The exception of the right class for {@code code} (see the class description). */
    public static ShifanException of(int code, String path, String messageZh, String messageEn, long eventIndex,
                                     String eventType, List<String> articles) {
        if (code == EHISTORY) {
            return new HistoryException(code, path, messageZh, messageEn, eventIndex, eventType, articles);
        }
        if (code == ERULE_PACK) {
            return new RulePackException(code, path, messageZh, messageEn, eventIndex, eventType, articles);
        }
        if (code <= ESYNTAX && code >= ELIMIT_EXCEEDED) {
            return new InputException(code, path, messageZh, messageEn, eventIndex, eventType, articles);
        }
        if (code == EHANDLE) {
            return new HandleException(code, path, messageZh, messageEn, eventIndex, eventType, articles);
        }
        if (code == EUSAGE) {
            return new UsageException(code, path, messageZh, messageEn, eventIndex, eventType, articles);
        }
        if (code == ENOMEM) {
            return new NoMemoryException(code, path, messageZh, messageEn, eventIndex, eventType, articles);
        }
        if (code == EINTERNAL) {
            return new InternalException(code, path, messageZh, messageEn, eventIndex, eventType, articles);
        }
        return new ShifanException(code, path, messageZh, messageEn, eventIndex, eventType, articles);
    }

    /** The status code: a negative SHIFAN_E* value. */
    public int code() {
        return code;
    }

    /** The machine name of the code, e.g. "unknown_key" ("unknown" for a code this jar does not know). */
    public String codeName() {
        return codeName(code);
    }

    /** The machine name of a status code, as shifan_code_name. */
    public static String codeName(int code) {
        if (code <= 0 && code > -NAMES.length) {
            return NAMES[-code];
        }
        return code == ENOMEM ? "nomem" : code == EHANDLE ? "handle" : "unknown";
    }

    /** JSON Pointer (RFC 6901) of the offending value; "" for the whole document or none. */
    public String path() {
        return path;
    }

    /** The reason in Chinese (authoritative), without the path. */
    public String messageZh() {
        return messageZh;
    }

    /** The reason in English, without the path. */
    public String messageEn() {
        return messageEn;
    }

    /** Index of the history's event at fault (every error of an event), or -1. */
    public long eventIndex() {
        return eventIndex;
    }

    /** Type of the event a forbidden transition refused, e.g. "designated"; null for other errors. */
    public String eventType() {
        return eventType;
    }

    /**
     * Article ids a forbidden transition breaks, e.g. ["art8"] (empty for dates running backwards);
     * null for other errors.
     */
    public List<String> articles() {
        return articles;
    }

    /**
     * The error as the CLI and the batch write it: {@code {"error": {"code", "code_number", "path",
     * "event_index"?, "event_type"?, "articles"?, "message": {"zh", "en"}}}}.
     */
    public String toJson() {
        StringBuilder b = new StringBuilder("{\"error\":{\"code\":");
        Json.quote(b, codeName()).append(",\"code_number\":").append(-code).append(",\"path\":");
        Json.quote(b, path);
        if (eventIndex >= 0) {
            b.append(",\"event_index\":").append(eventIndex);
        }
        if (eventType != null) {
            b.append(",\"event_type\":");
            Json.quote(b, eventType).append(",\"articles\":[");
            List<String> list = articles == null ? List.of() : articles;
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                Json.quote(b, list.get(i));
            }
            b.append(']');
        }
        b.append(",\"message\":{\"zh\":");
        Json.quote(b, messageZh).append(",\"en\":");
        Json.quote(b, messageEn).append("}}}");
        return b.toString();
    }

    private static String describe(int code, String path, String messageEn, long eventIndex) {
        StringBuilder b = new StringBuilder(codeName(code)).append(": ");
        if (eventIndex >= 0) {
            b.append("event ").append(eventIndex).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            b.append(path).append(": ");
        } else if (code <= ESYNTAX && code >= EHISTORY) {
            b.append("(document): ");
        }
        return b.append(messageEn == null ? "" : messageEn).toString();
    }

    // ---- from the library -------------------------------------------------------------------

    /** The error in a shifan_error object (not freed here). */
    static ShifanException from(int code, Pointer err) {
        CApi c = Shifan.lib();
        if (err == null) {
            return of(code, "", "", codeName(code), -1, null, null);
        }
        String eventType = Strings.borrowed(c.shifan_error_event_type(err));
        List<String> articles = null;
        if (eventType != null && !eventType.isEmpty()) {
            long n = Math.max(0, c.shifan_error_article_count(err));
            articles = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                articles.add(Strings.borrowed(c.shifan_error_article(err, i)));
            }
        }
        return of(code, Strings.borrowed(c.shifan_error_path(err)), Strings.borrowed(c.shifan_error_message(err, 0)),
                  Strings.borrowed(c.shifan_error_message(err, 1)), c.shifan_error_event_index(err), eventType, articles);
    }

    /** Throw the error of a failed call (rc != 0), freeing the error object. */
    static void check(int rc, PointerByReference err) {
        if (rc == 0) {
            return;
        }
        Pointer e = err == null ? null : err.getValue();
        ShifanException ex;
        try {
            ex = from(rc, e);
        } finally {
            if (e != null) {
                Shifan.lib().shifan_error_free(e);
            }
        }
        throw ex;
    }

    /** An accessor's value, or the thread's last error when it is negative. */
    static long checkValue(long v) {
        if (v < 0) {
            throw from((int) v, Shifan.lib().shifan_last_error());
        }
        return v;
    }

    /** A misuse found by the bindings themselves. */
    static UsageException usage(String zh, String en) {
        return new UsageException(EUSAGE, "", zh, en, -1, null, null);
    }
}
