package cn.shifan;

import java.util.List;

/** A handle that is not live (freed, or of another kind). */
public class HandleException extends UsageException {
    private static final long serialVersionUID = 1L;

    /** See {@link ShifanException#ShifanException(int, String, String, String, long, String, List)}. */
    public HandleException(int code, String path, String messageZh, String messageEn, long eventIndex, String eventType,
                 List<String> articles) {
        super(code, path, messageZh, messageEn, eventIndex, eventType, articles);
    }
}
