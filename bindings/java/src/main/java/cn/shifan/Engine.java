package cn.shifan;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A rule pack, a set of readings (interpretations of ambiguous clauses) and optionally a calendar of
 * rest days, reusable for any number of evaluations and lifecycle queries. Configure it first
 * ({@link #setInterpretation}, {@link #setCalendar}), then share it: any number of threads may
 * evaluate with one engine at once. Close it when done (try-with-resources); evaluations, histories
 * and rosters made with it stay valid after it is closed.
 *
 * <p>Every document can be given as JSON text ({@code String}), its UTF-8 bytes ({@code byte[]}) or a
 * file ({@code Path}); each method has the three forms. Bad input throws {@link InputException} with the JSON Pointer of the offending
 * value; it is an error, never a verdict.
 */
public final class Engine extends NativeObject {
    /** The names of the readings, in the order of docs/specification.md. */
    public static final List<String> READINGS = List.of("growth", "operating_period", "summary_owed",
                                                        "deadline_rest_days");

    private static final int BATCH_OPTIONS_VERSION = 1;

    private Engine(Pointer handle) {
        super(handle, h -> Shifan.lib().shifan_engine_free(h));
    }

    /** An engine with the built-in rule pack {@code changzhi-municipal} and the default readings. */
    public Engine() {
        this(newBuiltIn());
    }

    private static Pointer newBuiltIn() {
        PointerByReference out = new PointerByReference();
        PointerByReference err = new PointerByReference();
        ShifanException.check(Shifan.lib().shifan_engine_new(out, err), err);
        return out.getValue();
    }

    /** An engine with a {@code shifan.rulepack/1} rule pack (the pack as JSON text). */
    public static Engine fromRulePack(String json) {
        return rulePack(json, null);
    }

    /** An engine with a {@code shifan.rulepack/1} rule pack (the pack as its UTF-8 bytes). */
    public static Engine fromRulePack(byte[] utf8) {
        return rulePack(utf8, null);
    }

    /** An engine with a {@code shifan.rulepack/1} rule pack (the pack as a file). */
    public static Engine fromRulePack(Path file) {
        return rulePack(file, null);
    }

    /** As fromRulePack, reading the pack under {@code limits} (null: the defaults; the pack as JSON text). */
    public static Engine fromRulePack(String json, Limits limits) {
        return rulePack(json, limits);
    }

    /** As fromRulePack, reading the pack under {@code limits} (null: the defaults; the pack as its UTF-8 bytes). */
    public static Engine fromRulePack(byte[] utf8, Limits limits) {
        return rulePack(utf8, limits);
    }

    /** As fromRulePack, reading the pack under {@code limits} (null: the defaults; the pack as a file). */
    public static Engine fromRulePack(Path file, Limits limits) {
        return rulePack(file, limits);
    }

    private static Engine rulePack(Object rulePack, Limits limits) {
        byte[] text = Documents.bytes(rulePack, "rulePack");
        PointerByReference out = new PointerByReference();
        PointerByReference err = new PointerByReference();
        ShifanException.check(Shifan.lib().shifan_engine_new_from_rule_pack_json_v2(out, text, text.length,
                                                                                     Limits.struct(limits), err), err);
        return new Engine(out.getValue());
    }

    /**
     * Choose a reading, e.g. ("growth", "non_decreasing"); UsageException for an unknown name or value
     * (its message lists the known ones). Returns this engine.
     */
    public Engine setInterpretation(String name, String value) {
        byte[] n = Strings.c(name);
        byte[] v = Strings.c(value);
        return exclusive(h -> {
            PointerByReference err = new PointerByReference();
            ShifanException.check(Shifan.lib().shifan_engine_set_interpretation(h, n, v, err), err);
            return this;
        });
    }

    /**
     * Give the engine a {@code shifan.calendar/1} calendar of rest days for lifecycle deadlines (JSON
     * text); it also selects the reading {@code deadline_rest_days = roll_forward} unless that reading
     * was set. A calendar that cannot be read throws and changes nothing. Returns this engine.
     */
    public Engine setCalendar(String json) {
        return calendar(json, null);
    }

    /** As {@link #setCalendar(String)}, the calendar as its UTF-8 bytes. */
    public Engine setCalendar(byte[] utf8) {
        return calendar(utf8, null);
    }

    /** As {@link #setCalendar(String)}, the calendar as a file. */
    public Engine setCalendar(Path file) {
        return calendar(file, null);
    }

    /** As {@link #setCalendar(String)}, reading it under {@code limits}; the calendar as JSON text. */
    public Engine setCalendar(String json, Limits limits) {
        return calendar(json, limits);
    }

    /** As {@link #setCalendar(String)}, reading it under {@code limits}; the calendar as its UTF-8 bytes. */
    public Engine setCalendar(byte[] utf8, Limits limits) {
        return calendar(utf8, limits);
    }

    /** As {@link #setCalendar(String)}, reading it under {@code limits}; the calendar as a file. */
    public Engine setCalendar(Path file, Limits limits) {
        return calendar(file, limits);
    }

    private Engine calendar(Object calendar, Limits limits) {
        byte[] text = Documents.bytes(calendar, "calendar");
        CApi.EvaluateOptions o = Limits.struct(limits);
        return exclusive(h -> {
            PointerByReference err = new PointerByReference();
            ShifanException.check(Shifan.lib().shifan_engine_set_calendar_json_v2(h, text, text.length, o, err), err);
            return this;
        });
    }

    /** The value of one reading, e.g. "strict" for "growth"; UsageException for an unknown name. */
    public String interpretation(String name) {
        byte[] n = Strings.c(name);
        return shared(h -> {
            String v = Strings.borrowed(Shifan.lib().shifan_engine_interpretation(h, n));
            if (v == null) {
                throw ShifanException.usage("未知的解读：" + name, "unknown reading: " + name + " (known: "
                                            + String.join(", ", READINGS) + ")");
            }
            return v;
        });
    }

    /** Every reading and its value. */
    public Map<String, String> interpretations() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : READINGS) {
            m.put(name, interpretation(name));
        }
        return Collections.unmodifiableMap(m);
    }

    /** The rule pack's id, e.g. "changzhi-municipal". */
    public String rulePackId() {
        return shared(h -> Strings.borrowed(Shifan.lib().shifan_engine_rule_pack_id(h)));
    }

    /** The rule pack's version. */
    public String rulePackVersion() {
        return shared(h -> Strings.borrowed(Shifan.lib().shifan_engine_rule_pack_version(h)));
    }

    /** The rule registry ({@code shifan.registry/1} JSON, as {@code shifan rules --json}) with this engine's values. */
    public String rulesJson() {
        return shared(h -> {
            PointerByReference out = new PointerByReference();
            LongByReference len = new LongByReference();
            PointerByReference err = new PointerByReference();
            ShifanException.check(Shifan.lib().shifan_engine_rules_json(out, len, h, err), err);
            return Strings.take(out, len);
        });
    }

    /** Evaluate one {@code shifan.application/1} document (the application as JSON text). */
    public Evaluation evaluate(String json) {
        return evaluateDocument(json, null);
    }

    /** Evaluate one {@code shifan.application/1} document (the application as its UTF-8 bytes). */
    public Evaluation evaluate(byte[] utf8) {
        return evaluateDocument(utf8, null);
    }

    /** Evaluate one {@code shifan.application/1} document (the application as a file). */
    public Evaluation evaluate(Path file) {
        return evaluateDocument(file, null);
    }

    /** As evaluate, under input limits (null: the defaults; the application as JSON text). */
    public Evaluation evaluate(String json, Limits limits) {
        return evaluateDocument(json, limits);
    }

    /** As evaluate, under input limits (null: the defaults; the application as its UTF-8 bytes). */
    public Evaluation evaluate(byte[] utf8, Limits limits) {
        return evaluateDocument(utf8, limits);
    }

    /** As evaluate, under input limits (null: the defaults; the application as a file). */
    public Evaluation evaluate(Path file, Limits limits) {
        return evaluateDocument(file, limits);
    }

    Evaluation evaluateDocument(Object application, Limits limits) {
        byte[] text = Documents.bytes(application, "application");
        CApi.EvaluateOptions o = Limits.struct(limits);
        return shared(h -> {
            PointerByReference out = new PointerByReference();
            PointerByReference err = new PointerByReference();
            ShifanException.check(Shifan.lib().shifan_evaluate(out, h, text, text.length, o, err), err);
            return new Evaluation(out.getValue());
        });
    }

    /** JSON in, {@code shifan.evaluation/1} JSON out in one call: the text of {@code shifan evaluate --json} (the application as JSON text). */
    public String evaluateToJson(String json) {
        return evaluateToJson(json, Lang.BOTH, false, true, null);
    }

    /** JSON in, {@code shifan.evaluation/1} JSON out in one call: the text of {@code shifan evaluate --json} (the application as its UTF-8 bytes). */
    public String evaluateToJson(byte[] utf8) {
        return evaluateToJson(utf8, Lang.BOTH, false, true, null);
    }

    /** JSON in, {@code shifan.evaluation/1} JSON out in one call: the text of {@code shifan evaluate --json} (the application as a file). */
    public String evaluateToJson(Path file) {
        return evaluateToJson(file, Lang.BOTH, false, true, null);
    }

    /** As evaluateToJson with the options of {@link Evaluation#toJson(Lang, boolean, boolean)} and input limits (the application as JSON text). */
    public String evaluateToJson(String json, Lang lang, boolean compact, boolean messages, Limits limits) {
        return toJsonDocument(json, lang, compact, messages, limits);
    }

    /** As evaluateToJson with the options of {@link Evaluation#toJson(Lang, boolean, boolean)} and input limits (the application as its UTF-8 bytes). */
    public String evaluateToJson(byte[] utf8, Lang lang, boolean compact, boolean messages, Limits limits) {
        return toJsonDocument(utf8, lang, compact, messages, limits);
    }

    /** As evaluateToJson with the options of {@link Evaluation#toJson(Lang, boolean, boolean)} and input limits (the application as a file). */
    public String evaluateToJson(Path file, Lang lang, boolean compact, boolean messages, Limits limits) {
        return toJsonDocument(file, lang, compact, messages, limits);
    }

    String toJsonDocument(Object application, Lang lang, boolean compact, boolean messages, Limits limits) {
        byte[] text = Documents.bytes(application, "application");
        CApi.EvaluateOptions o = Limits.struct(limits);
        CApi.JsonOptions j = Evaluation.jsonOptions(lang, compact, messages);
        return shared(h -> {
            PointerByReference out = new PointerByReference();
            LongByReference len = new LongByReference();
            PointerByReference err = new PointerByReference();
            ShifanException.check(Shifan.lib().shifan_evaluate_to_json(out, len, h, text, text.length, o, j, err), err);
            return Strings.take(out, len);
        });
    }

    /** {@link #evaluateMany(Collection, int, Limits)} on every core, under the default limits. */
    public List<BatchResult> evaluateMany(Collection<?> applications) {
        return evaluateMany(applications, 0, null);
    }

    /**
     * Evaluate many documents (each JSON text as a String, its UTF-8 bytes as a byte[], or a Path) in
     * ONE call to the library,
     * in parallel on {@code jobs} threads (0: every core). The documents cross as one buffer. Results
     * are in input order; a bad document gives its item an error and never stops the others. Each
     * item's verdict and functions are there at once; its full evaluation or error is made on demand.
     */
    public List<BatchResult> evaluateMany(Collection<?> applications, int jobs, Limits limits) {
        Object[] sources = applications.toArray();
        int n = sources.length;
        // The documents as UTF-8 in native memory, encoded in parallel in chunks (encoding Strings is
        // most of the Java side's work), then one call with a pointer and a length per document.
        int chunks = Math.max(1, Math.min(64, n / 512));
        Utf8Chunk[] parts = new Utf8Chunk[chunks];
        int[] status = new int[n];
        byte[] verdicts = new byte[n];
        byte[] functions = new byte[n];
        try (Memory pointers = new Memory(Math.max(1, (long) n * Native.POINTER_SIZE));
             Memory lengths = new Memory(Math.max(1, (long) n * Native.SIZE_T_SIZE))) {
            IntStream.range(0, chunks).parallel().forEach(c -> {
                int first = from(c, chunks, n);
                int end = from(c + 1, chunks, n);
                long chars = 0; // a String's UTF-8 is about as long as the String: one segment a chunk
                for (int i = first; i < end; i++) {
                    chars += sources[i] instanceof String ? ((String) sources[i]).length() : 0;
                }
                Utf8Chunk part = new Utf8Chunk(end - first, chars + (chars >> 3) + (1 << 16));
                parts[c] = part;
                for (int i = first; i < end; i++) {
                    part.add(i - first, sources[i], "applications[" + i + "]");
                }
                pointers.write((long) first * 8, part.addresses, 0, end - first);
                lengths.write((long) first * 8, part.lengths, 0, end - first);
            });
            CApi.BatchOptions o = new CApi.BatchOptions();
            ShifanException.check(Shifan.lib().shifan_batch_options_init(o, BATCH_OPTIONS_VERSION), null);
            o.jobs = Math.max(0, jobs);
            o.flags = 0; // verdicts only; an item's full result is made on demand from its document
            CApi.EvaluateOptions lim = Limits.struct(limits);
            if (lim != null) {
                lim.write();
                o.limits = lim.getPointer();
            }
            shared(h -> {
                CApi c = Shifan.lib();
                PointerByReference out = new PointerByReference();
                PointerByReference err = new PointerByReference();
                ShifanException.check(c.shifan_evaluate_batch(out, h, pointers, lengths, n, o, err), err);
                Pointer batch = out.getValue();
                try {
                    PointerByReference err2 = new PointerByReference();
                    ShifanException.check(c.shifan_batch_summary(batch, status, verdicts, functions, n, err2), err2);
                } finally {
                    c.shifan_batch_free(batch);
                }
                return null;
            });
        } finally {
            for (Utf8Chunk part : parts) {
                if (part != null) {
                    part.close();
                }
            }
        }
        BatchResult[] results = new BatchResult[n];
        for (int i = 0; i < n; i++) {
            // the document as given (a Path is read again only if its full result is asked for)
            results[i] = new BatchResult(this, sources[i], i, status[i], verdicts[i] & 0xff, functions[i] & 0xff, limits);
        }
        return List.of(results);
    }

    /** The first document of chunk {@code c} of {@code chunks} over {@code n} documents. */
    private static int from(int c, int chunks, int n) {
        return (int) ((long) n * c / chunks);
    }

    /** A history ({@code shifan.history/1}) read with this engine's rule pack, readings and calendar (the history as JSON text). */
    public History history(String json) {
        return new History(this, json);
    }

    /** A history ({@code shifan.history/1}) read with this engine's rule pack, readings and calendar (the history as its UTF-8 bytes). */
    public History history(byte[] utf8) {
        return new History(this, utf8);
    }

    /** A history ({@code shifan.history/1}) read with this engine's rule pack, readings and calendar (the history as a file). */
    public History history(Path file) {
        return new History(this, file);
    }

    @Override
    public String toString() {
        if (isClosed()) {
            return "Engine(closed)";
        }
        return "Engine(" + rulePackId() + " " + rulePackVersion() + " " + interpretations() + ")";
    }
}
