package cn.shifan;

import java.util.List;

/** Bad input: the document is not valid (wrong type, unknown key, impossible date, ...). {@link #path()} names the offending value. Bad input is an error, never a verdict. */
public class InputException extends ShifanException {
    private static final long serialVersionUID = 1L;

    /** See {@link ShifanException#ShifanException(int, String, String, String, long, String, List)}. */
    public InputException(int code, String path, String messageZh, String messageEn, long eventIndex, String eventType,
                 List<String> articles) {
        super(code, path, messageZh, messageEn, eventIndex, eventType, articles);
    }
}
