package cn.shifan;

import java.util.List;

/** A rule pack is invalid, or has no value in force on the date. */
public class RulePackException extends InputException {
    private static final long serialVersionUID = 1L;

    /** See {@link ShifanException#ShifanException(int, String, String, String, long, String, List)}. */
    public RulePackException(int code, String path, String messageZh, String messageEn, long eventIndex, String eventType,
                 List<String> articles) {
        super(code, path, messageZh, messageEn, eventIndex, eventType, articles);
    }
}
