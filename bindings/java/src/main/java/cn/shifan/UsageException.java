package cn.shifan;

import java.util.List;

/** The API was misused: an unknown reading, a bad argument, an object used after close(). */
public class UsageException extends ShifanException {
    private static final long serialVersionUID = 1L;

    /** See {@link ShifanException#ShifanException(int, String, String, String, long, String, List)}. */
    public UsageException(int code, String path, String messageZh, String messageEn, long eventIndex, String eventType,
                 List<String> articles) {
        super(code, path, messageZh, messageEn, eventIndex, eventType, articles);
    }
}
