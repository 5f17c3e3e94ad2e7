package cn.shifan;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * County queries over many platforms on a date ({@code shifan.roster/1}): every platform's status,
 * county report obligations, titles expiring in the year, overdue filings, and the designated
 * platforms counted by county and by function. Immutable.
 */
public final class Roster extends NativeObject {
    private final LocalDate on;

    /**
     * The roster on {@code on} over {@code histories} and the counties' article 15 filings
     * ({@code shifan.county-filings/1} documents: JSON text, UTF-8 bytes or Paths), with the rule pack,
     * readings and calendar of {@code engine}; the filings are read under {@code limits} (null: the
     * defaults). The histories are only read.
     */
    public Roster(Engine engine, List<History> histories, List<?> filings, LocalDate on, Limits limits) {
        super(make(engine, histories, filings, on, limits), h -> Shifan.lib().shifan_roster_free(h));
        this.on = on;
    }

    /** The roster on {@code on} over {@code histories}, without county filings. */
    public Roster(Engine engine, List<History> histories, LocalDate on) {
        this(engine, histories, List.of(), on, null);
    }

    private static Pointer make(Engine engine, List<History> histories, List<?> filings, LocalDate on, Limits limits) {
        int nf = filings.size();
        Pointer[] docs = new Pointer[Math.max(1, nf)];
        long[] lens = new long[Math.max(1, nf)];
        for (int i = 0; i < nf; i++) {
            byte[] b = Documents.bytes(filings.get(i), "filings[" + i + "]");
            Memory m = new Memory(Math.max(1, b.length));
            m.write(0, b, 0, b.length);
            docs[i] = m;
            lens[i] = b.length;
        }
        byte[] date = Strings.c(on.toString());
        CApi.EvaluateOptions o = Limits.struct(limits);
        return engine.shared(e -> pinned(histories, 0, new ArrayList<>(), handles -> {
            Pointer[] hs = handles.isEmpty() ? new Pointer[1] : handles.toArray(new Pointer[0]);
            PointerByReference out = new PointerByReference();
            PointerByReference err = new PointerByReference();
            ShifanException.check(Shifan.lib().shifan_roster_new_v2(out, e, hs, handles.size(), docs, lens, nf, date,
                                                                   o, err), err);
            return out.getValue();
        }));
    }

    /** Hold every history (shared) while {@code use} runs with their handles. */
    private static Pointer pinned(List<History> histories, int i, List<Pointer> handles,
                                  java.util.function.Function<List<Pointer>, Pointer> use) {
        if (i == histories.size()) {
            return use.apply(handles);
        }
        return histories.get(i).pin(h -> {
            handles.add(h);
            return pinned(histories, i + 1, handles, use);
        });
    }

    /** The date of the roster. */
    public LocalDate on() {
        return on;
    }

    /** The roster as {@code shifan.roster/1} JSON (BOTH: as {@code shifan roster --json}). */
    public String toJson(Lang lang) {
        return text(lang, true);
    }

    /** The plain-text roster report (as {@code shifan roster}) in {@code lang}. */
    public String report(Lang lang) {
        return text(lang, false);
    }

    /**
     * The roster as one self-contained HTML page (as {@code shifan roster --html}): filings due within
     * {@code soonDays} days of the date listed as coming soon; {@code subtitle} (or null) a line under the title.
     */
    public String toHtml(int soonDays, String subtitle) {
        if (soonDays < 0) {
            throw ShifanException.usage("soonDays 应为非负整数", "soonDays must be a non-negative integer");
        }
        Memory sub = subtitle == null ? null : CApi.cString(subtitle);
        return shared(h -> {
            CApi.RosterHtmlOptions o = new CApi.RosterHtmlOptions();
            ShifanException.check(Shifan.lib().shifan_roster_html_options_init(o, 1), null);
            o.soon_days = soonDays;
            o.subtitle = sub;
            PointerByReference out = new PointerByReference();
            LongByReference len = new LongByReference();
            PointerByReference err = new PointerByReference();
            ShifanException.check(Shifan.lib().shifan_roster_html(out, len, h, o, err), err);
            return Strings.take(out, len);
        });
    }

    private String text(Lang lang, boolean json) {
        return shared(h -> Strings.produced((out, len, err) -> {
            CApi c = Shifan.lib();
            return json ? c.shifan_roster_to_json(out, len, h, lang.code, err) : c.shifan_roster_report(out, len, h, lang.code, err);
        }));
    }

    @Override
    public String toString() {
        return isClosed() ? "Roster(closed)" : "Roster(" + on + ")";
    }
}
