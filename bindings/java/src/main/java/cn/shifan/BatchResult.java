package cn.shifan;

import java.util.Set;

/**
 * One item of {@link Engine#evaluateMany}: its status, verdict and qualified functions at once; the
 * full evaluation (or the error) is made on first use from the item's document, with the engine and
 * limits of the batch.
 */
public final class BatchResult {
    private static final int VERDICT_NONE = 255;

    private final Engine engine;
    private final Object document;
    private final int index;
    private final int status;
    private final int verdict;
    private final int functions;
    private final Limits limits;
    private volatile ShifanException error;

    BatchResult(Engine engine, Object document, int index, int status, int verdict, int functions, Limits limits) {
        this.engine = engine;
        this.document = document;
        this.index = index;
        this.status = status;
        this.verdict = verdict;
        this.functions = functions;
        this.limits = limits;
    }

    /** The item's position in the input. */
    public int index() {
        return index;
    }

    /** True when the document was evaluated (whatever the verdict). */
    public boolean ok() {
        return status == 0;
    }

    /** 0, or the item's negative SHIFAN_E* code. */
    public int status() {
        return status;
    }

    /** The verdict; null for a bad document. */
    public Verdict verdict() {
        return verdict == VERDICT_NONE ? null : Verdict.of(verdict);
    }

    /** The qualified functions (empty for a bad document). */
    public Set<ServiceFunction> qualifiedFunctions() {
        return ServiceFunction.ofMask(functions);
    }

    /**
     * The item's error (with its path and both messages), or null when it was evaluated. Made on first
     * use with the batch's engine, which must still be open (UsageException otherwise).
     */
    public ShifanException error() {
        if (status == 0) {
            return null;
        }
        ShifanException e = error;
        if (e == null) {
            try {
                engine.evaluateDocument(document, limits).close();
                e = ShifanException.of(status, "", "", "batch item failed", -1, null, null);
            } catch (InputException x) { // a closed engine (UsageException) is not the item's error
                e = x;
            }
            error = e;
        }
        return e;
    }

    /** The full evaluation, made now (the caller closes it); throws the item's error for a bad document. */
    public Evaluation evaluation() {
        if (status != 0) {
            throw error();
        }
        return engine.evaluateDocument(document, limits);
    }

    /** The item's {@code shifan.evaluation/1} JSON (as the CLI), or its {@code {"error": …}} object. */
    public String toJson() {
        if (status != 0) {
            return error().toJson();
        }
        return engine.toJsonDocument(document, Lang.BOTH, false, true, limits);
    }

    @Override
    public String toString() {
        return ok() ? "BatchResult#" + index + "(" + verdict().jsonName() + " " + qualifiedFunctions() + ")"
                    : "BatchResult#" + index + "(error " + error().getMessage() + ")";
    }
}
