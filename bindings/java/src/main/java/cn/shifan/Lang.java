package cn.shifan;

/** Language of human-readable text: Chinese (authoritative, as the regulation), English, or both. */
public enum Lang {
    /** Chinese. */
    ZH(0),
    /** English (a working rendering). */
    EN(1),
    /** Both: JSON carries {"zh", "en"} objects; plain text gives zh, then en. */
    BOTH(2);

    final int code;

    Lang(int code) {
        this.code = code;
    }
}
