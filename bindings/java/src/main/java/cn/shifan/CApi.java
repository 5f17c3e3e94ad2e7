package cn.shifan;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The C interface of libshifan.so (shifan/shifan.h) as JNA sees it. Package-private: the public
 * classes wrap every handle and error. Conventions of this mapping:
 * <ul>
 * <li>every string the library returns is a {@link Pointer}, decoded as UTF-8 by {@link Strings},
 *     never by JNA's or the JVM's default charset;</li>
 * <li>every string passed in is a {@code byte[]} of UTF-8 (NUL-terminated where the C side expects a
 *     C string; JSON text goes with its length);</li>
 * <li>{@code size_t} is {@code long} (checked at load: the library refuses a 32-bit JVM).</li>
 * </ul>
 */
interface CApi extends Library {
    // versions and errors
    Pointer shifan_version();
    int shifan_version_number();
    int shifan_abi_version();
    Pointer shifan_code_name(int code);
    void shifan_string_free(Pointer s);
    Pointer shifan_last_error();
    void shifan_clear_last_error();
    int shifan_error_code(Pointer err);
    Pointer shifan_error_path(Pointer err);
    Pointer shifan_error_message(Pointer err, int lang);
    long shifan_error_event_index(Pointer err);
    Pointer shifan_error_event_type(Pointer err);
    long shifan_error_article_count(Pointer err);
    Pointer shifan_error_article(Pointer err, long index);
    void shifan_error_free(Pointer err);

    // engine
    int shifan_engine_new(PointerByReference out, PointerByReference err);
    int shifan_engine_new_from_rule_pack_json_v2(PointerByReference out, byte[] json, long len, EvaluateOptions opts,
                                                 PointerByReference err);
    int shifan_engine_set_interpretation(Pointer engine, byte[] name, byte[] value, PointerByReference err);
    int shifan_engine_set_calendar_json_v2(Pointer engine, byte[] json, long len, EvaluateOptions opts,
                                           PointerByReference err);
    Pointer shifan_engine_interpretation(Pointer engine, byte[] name);
    Pointer shifan_engine_rule_pack_id(Pointer engine);
    Pointer shifan_engine_rule_pack_version(Pointer engine);
    int shifan_engine_rules_json(PointerByReference out, LongByReference outLen, Pointer engine, PointerByReference err);
    void shifan_engine_free(Pointer engine);

    // options
    int shifan_evaluate_options_init(EvaluateOptions opts, int version);
    int shifan_json_options_init(JsonOptions opts, int version);
    int shifan_batch_options_init(BatchOptions opts, int version);
    int shifan_roster_html_options_init(RosterHtmlOptions opts, int version);

    // evaluation
    int shifan_evaluate(PointerByReference out, Pointer engine, byte[] json, long len, EvaluateOptions opts,
                        PointerByReference err);
    int shifan_evaluate_to_json(PointerByReference out, LongByReference outLen, Pointer engine, byte[] json, long len,
                                EvaluateOptions opts, JsonOptions jsonOpts, PointerByReference err);
    int shifan_evaluation_verdict(Pointer e);
    int shifan_evaluation_qualified_functions(Pointer e);
    Pointer shifan_evaluation_application_id(Pointer e);
    int shifan_evaluation_review_year(Pointer e);
    Pointer shifan_evaluation_reference_date(Pointer e);
    Pointer shifan_evaluation_rule_pack_id(Pointer e);
    Pointer shifan_evaluation_rule_pack_version(Pointer e);
    int shifan_evaluation_check_count(Pointer e);
    Pointer shifan_evaluation_check_id(Pointer e, long index);
    Pointer shifan_evaluation_check_citation(Pointer e, long index, int lang);
    Pointer shifan_evaluation_check_title(Pointer e, long index, int lang);
    int shifan_evaluation_check_kind(Pointer e, long index);
    int shifan_evaluation_check_outcome(Pointer e, long index);
    Pointer shifan_evaluation_check_reason(Pointer e, long index);
    Pointer shifan_evaluation_check_actual(Pointer e, long index);
    Pointer shifan_evaluation_check_required(Pointer e, long index);
    Pointer shifan_evaluation_check_shortfall(Pointer e, long index);
    Pointer shifan_evaluation_check_second_name(Pointer e, long index);
    Pointer shifan_evaluation_check_second_actual(Pointer e, long index);
    Pointer shifan_evaluation_check_second_required(Pointer e, long index);
    Pointer shifan_evaluation_check_second_shortfall(Pointer e, long index);
    Pointer shifan_evaluation_check_message(Pointer e, long index, int lang);
    int shifan_evaluation_missing_count(Pointer e);
    Pointer shifan_evaluation_missing(Pointer e, long index);
    int shifan_evaluation_dossier(Pointer e);
    int shifan_evaluation_missing_material_count(Pointer e);
    Pointer shifan_evaluation_missing_material(Pointer e, long index);
    int shifan_evaluation_to_json(PointerByReference out, LongByReference outLen, Pointer e, JsonOptions opts,
                                  PointerByReference err);
    int shifan_evaluation_report(PointerByReference out, LongByReference outLen, Pointer e, int lang,
                                 PointerByReference err);
    void shifan_evaluation_free(Pointer e);

    // batch
    int shifan_evaluate_batch(PointerByReference out, Pointer engine, Pointer docs, Pointer lens, long n,
                              BatchOptions opts, PointerByReference err);
    long shifan_batch_count(Pointer batch);
    int shifan_batch_summary(Pointer batch, int[] status, byte[] verdicts, byte[] functions, long n,
                             PointerByReference err);
    void shifan_batch_free(Pointer batch);

    // lifecycle
    int shifan_history_new_from_json(PointerByReference out, Pointer engine, byte[] json, long len, EvaluateOptions opts,
                                     PointerByReference err);
    int shifan_history_append_event_json(Pointer history, byte[] json, long len, PointerByReference err);
    long shifan_history_event_count(Pointer history);
    Pointer shifan_history_platform_id(Pointer history);
    int shifan_history_to_json(PointerByReference out, LongByReference outLen, Pointer history, PointerByReference err);
    void shifan_history_free(Pointer history);
    int shifan_history_status(PointerByReference out, Pointer history, byte[] on, PointerByReference err);
    Pointer shifan_status_state(Pointer status);
    Pointer shifan_status_on(Pointer status);
    int shifan_status_days_left(Pointer status, LongByReference days);
    Pointer shifan_status_valid_until(Pointer status);
    Pointer shifan_status_next_deadline(Pointer status);
    int shifan_status_may_apply_again(Pointer status);
    Pointer shifan_status_may_apply_again_reason(Pointer status, int lang);
    int shifan_status_to_json(PointerByReference out, LongByReference outLen, Pointer status, int lang,
                              PointerByReference err);
    int shifan_status_report(PointerByReference out, LongByReference outLen, Pointer status, int lang,
                             PointerByReference err);
    void shifan_status_free(Pointer status);
    int shifan_roster_new_v2(PointerByReference out, Pointer engine, Pointer[] histories, long nHistories,
                             Pointer[] filings, long[] filingsLens, long nFilings, byte[] on, EvaluateOptions opts,
                             PointerByReference err);
    int shifan_roster_to_json(PointerByReference out, LongByReference outLen, Pointer roster, int lang,
                              PointerByReference err);
    int shifan_roster_report(PointerByReference out, LongByReference outLen, Pointer roster, int lang,
                             PointerByReference err);
    int shifan_roster_html(PointerByReference out, LongByReference outLen, Pointer roster, RosterHtmlOptions opts,
                           PointerByReference err);
    void shifan_roster_free(Pointer roster);

    /** shifan_evaluate_options (version 1). */
    @Structure.FieldOrder({"version", "max_document_bytes", "max_depth", "max_array_length", "max_string_bytes"})
    final class EvaluateOptions extends Structure {
        public int version;
        public long max_document_bytes;
        public long max_depth;
        public long max_array_length;
        public long max_string_bytes;
    }

    /** shifan_json_options (version 1). */
    @Structure.FieldOrder({"version", "lang", "compact", "messages"})
    final class JsonOptions extends Structure {
        public int version;
        public int lang;
        public int compact;
        public int messages;
    }

    /** shifan_batch_options (version 1). */
    @Structure.FieldOrder({"version", "jobs", "flags", "json", "limits"})
    final class BatchOptions extends Structure {
        public int version;
        public int jobs;
        public int flags;
        public Pointer json;
        public Pointer limits;
    }

    /** shifan_roster_html_options (version 1). */
    @Structure.FieldOrder({"version", "soon_days", "subtitle"})
    final class RosterHtmlOptions extends Structure {
        public int version;
        public int soon_days;
        public Pointer subtitle;
    }

    /** A NUL-terminated UTF-8 copy of {@code s} in native memory (for struct members). */
    static Memory cString(String s) {
        byte[] b = Strings.c(s);
        Memory m = new Memory(b.length);
        m.write(0, b, 0, b.length);
        return m;
    }
}
