package cn.shifan;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A platform's history ({@code shifan.history/1}): dated events, every one checked against the
 * transition rules (articles 8 to 15). A forbidden event throws {@link HistoryException} naming the
 * event's index, its type and the articles it breaks. It keeps the rule pack, readings and calendar
 * of the engine it was made with (the engine may be closed afterwards). Reading is safe from many
 * threads; {@link #append} waits for readers and they for it.
 */
public final class History extends NativeObject {
    /** Read a history document (JSON text) with {@code engine}, under {@code limits} (null: the defaults). */
    public History(Engine engine, String json, Limits limits) {
        this(engine, (Object) json, limits, true);
    }

    /** Read a history document (JSON text) with {@code engine} under the default limits. */
    public History(Engine engine, String json) {
        this(engine, (Object) json, null, true);
    }

    /** Read a history document (its UTF-8 bytes) with {@code engine}, under {@code limits} (null: the defaults). */
    public History(Engine engine, byte[] utf8, Limits limits) {
        this(engine, (Object) utf8, limits, true);
    }

    /** Read a history document (its UTF-8 bytes) with {@code engine} under the default limits. */
    public History(Engine engine, byte[] utf8) {
        this(engine, (Object) utf8, null, true);
    }

    /** Read a history document (a file) with {@code engine}, under {@code limits} (null: the defaults). */
    public History(Engine engine, Path file, Limits limits) {
        this(engine, (Object) file, limits, true);
    }

    /** Read a history document (a file) with {@code engine} under the default limits. */
    public History(Engine engine, Path file) {
        this(engine, (Object) file, null, true);
    }

    private History(Engine engine, Object history, Limits limits, boolean read) {
        super(read(engine, Documents.bytes(history, "history"), limits), h -> Shifan.lib().shifan_history_free(h));
    }

    private static Pointer read(Engine engine, byte[] text, Limits limits) {
        CApi.EvaluateOptions o = Limits.struct(limits);
        return engine.shared(e -> {
            PointerByReference out = new PointerByReference();
            PointerByReference err = new PointerByReference();
            ShifanException.check(Shifan.lib().shifan_history_new_from_json(out, e, text, text.length, o, err), err);
            return out.getValue();
        });
    }

    /**
     * Append one event (an element of {@code events}, e.g. {@code {"type": "annual_summary_filed",
     * "year": 2024, "date": "2025-02-20"}}); a refused event throws and leaves the history as it was.
     */
    public History append(String json) {
        return appendDocument(json);
    }

    /** As {@link #append(String)}, the event as its UTF-8 bytes. */
    public History append(byte[] utf8) {
        return appendDocument(utf8);
    }

    /** As {@link #append(String)}, the event as a file. */
    public History append(Path file) {
        return appendDocument(file);
    }

    private History appendDocument(Object event) {
        byte[] text = Documents.bytes(event, "event");
        return exclusive(h -> {
            PointerByReference err = new PointerByReference();
            ShifanException.check(Shifan.lib().shifan_history_append_event_json(h, text, text.length, err), err);
            return this;
        });
    }

    /** The number of events. */
    public int size() {
        return shared(h -> (int) ShifanException.checkValue(Shifan.lib().shifan_history_event_count(h)));
    }

    /** The platform's {@code id}. */
    public String platformId() {
        return shared(h -> Strings.borrowed(Shifan.lib().shifan_history_platform_id(h)));
    }

    /** The history as {@code shifan.history/1} JSON (reading it back gives the same history). */
    public String toJson() {
        return shared(h -> {
            PointerByReference out = new PointerByReference();
            LongByReference len = new LongByReference();
            PointerByReference err = new PointerByReference();
            ShifanException.check(Shifan.lib().shifan_history_to_json(out, len, h, err), err);
            return Strings.take(out, len);
        });
    }

    /** The status on {@code on}: only events dated on or before it count. The clock is never read. */
    public Status status(LocalDate on) {
        return status(on.toString());
    }

    /** The status on {@code on} ("YYYY-MM-DD"); UsageException for a date that is not one. */
    public Status status(String on) {
        byte[] date = Strings.c(on);
        return shared(h -> {
            PointerByReference out = new PointerByReference();
            PointerByReference err = new PointerByReference();
            ShifanException.check(Shifan.lib().shifan_history_status(out, h, date, err), err);
            return new Status(out.getValue());
        });
    }

    Pointer pin(NativeObject.Use<Pointer> use) {
        return shared(use);
    }

    @Override
    public String toString() {
        return isClosed() ? "History(closed)" : "History(" + platformId() + ": " + size() + " events)";
    }
}
