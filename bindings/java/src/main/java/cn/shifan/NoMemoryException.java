package cn.shifan;

import java.util.List;

/** libshifan ran out of memory. */
public class NoMemoryException extends ShifanException {
    private static final long serialVersionUID = 1L;

    /** See {@link ShifanException#ShifanException(int, String, String, String, long, String, List)}. */
    public NoMemoryException(int code, String path, String messageZh, String messageEn, long eventIndex, String eventType,
                 List<String> articles) {
        super(code, path, messageZh, messageEn, eventIndex, eventType, articles);
    }
}
