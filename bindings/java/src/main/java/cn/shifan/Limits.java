package cn.shifan;

/**
 * Input limits for the calls that read a document (evaluate, evaluateMany, histories, rule packs,
 * calendars, county filings). Zero means the library's default (16 MiB per document, nesting 64,
 * 1,000,000 elements per array, 64 KiB per string). A document beyond a limit is an
 * {@link InputException} with code name "limit_exceeded" whose message names the limit.
 * Immutable: each {@code with…} method gives a new value.
 */
public final class Limits {
    /** Every limit at the library's default. */
    public static final Limits DEFAULTS = new Limits(0, 0, 0, 0);

    private final long maxDocumentBytes;
    private final long maxDepth;
    private final long maxArrayLength;
    private final long maxStringBytes;

    private Limits(long maxDocumentBytes, long maxDepth, long maxArrayLength, long maxStringBytes) {
        for (long v : new long[] {maxDocumentBytes, maxDepth, maxArrayLength, maxStringBytes}) {
            if (v < 0) {
                throw ShifanException.usage("输入限制应为非负整数", "an input limit must be a non-negative integer");
            }
        }
        this.maxDocumentBytes = maxDocumentBytes;
        this.maxDepth = maxDepth;
        this.maxArrayLength = maxArrayLength;
        this.maxStringBytes = maxStringBytes;
    }

    /** These limits with the whole document limited to {@code bytes} bytes. */
    public Limits withMaxDocumentBytes(long bytes) {
        return new Limits(bytes, maxDepth, maxArrayLength, maxStringBytes);
    }

    /** These limits with nesting of objects and arrays limited to {@code depth}. */
    public Limits withMaxDepth(long depth) {
        return new Limits(maxDocumentBytes, depth, maxArrayLength, maxStringBytes);
    }

    /** These limits with every array limited to {@code length} elements. */
    public Limits withMaxArrayLength(long length) {
        return new Limits(maxDocumentBytes, maxDepth, length, maxStringBytes);
    }

    /** These limits with every string or key limited to {@code bytes} bytes. */
    public Limits withMaxStringBytes(long bytes) {
        return new Limits(maxDocumentBytes, maxDepth, maxArrayLength, bytes);
    }

    /** The struct for the library; null (all defaults) for null limits. */
    static CApi.EvaluateOptions struct(Limits limits) {
        if (limits == null) {
            return null;
        }
        CApi.EvaluateOptions o = new CApi.EvaluateOptions();
        ShifanException.check(Shifan.lib().shifan_evaluate_options_init(o, 1), null);
        o.read();
        o.max_document_bytes = limits.maxDocumentBytes;
        o.max_depth = limits.maxDepth;
        o.max_array_length = limits.maxArrayLength;
        o.max_string_bytes = limits.maxStringBytes;
        o.write();
        return o;
    }
}
