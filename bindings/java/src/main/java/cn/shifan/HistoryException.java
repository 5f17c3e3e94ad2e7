package cn.shifan;

import java.util.List;

/** A lifecycle event the rules forbid (or bad data inside an event): {@link #eventIndex()} names it; for a forbidden transition {@link #eventType()} gives its type and {@link #articles()} the articles it breaks. */
public class HistoryException extends InputException {
    private static final long serialVersionUID = 1L;

    /** See {@link ShifanException#ShifanException(int, String, String, String, long, String, List)}. */
    public HistoryException(int code, String path, String messageZh, String messageEn, long eventIndex, String eventType,
                 List<String> articles) {
        super(code, path, messageZh, messageEn, eventIndex, eventType, articles);
    }
}
