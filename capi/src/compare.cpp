// Policy simulation through the C ABI: a comparator over two engines, fed documents in pieces,
// read as shifan.comparison/1 JSON, a text report or counts.
#include "internal.hpp"

using namespace shifan;
using namespace shifan::capi;

namespace {

/// Feed `views` to the comparator under its lock.
void add_views(shifan_comparator* c, std::span<const std::string_view> views) {
    std::lock_guard<std::mutex> lock(c->mutex);
    c->comparator->add(views);
}

/// `make(result)` of a live comparator, under its lock, given to the caller as a string.
template <class F>
int give_result(char** out, std::size_t* out_len, const shifan_comparator* h, shifan_error** err, F&& make) {
    return give_text(out, out_len, h, "comparator", err, [&](const shifan_comparator& c) {
        std::lock_guard<std::mutex> lock(c.mutex);
        return make(c.comparator->result());
    });
}

} // namespace

extern "C" {

SHIFAN_API int shifan_compare_options_init(shifan_compare_options* opts, unsigned int version) {
    const shifan_compare_options init = SHIFAN_COMPARE_OPTIONS_INIT;
    return init_options(opts, version, SHIFAN_COMPARE_OPTIONS_VERSION, init, "shifan_compare_options");
}

SHIFAN_API int shifan_comparator_new(shifan_comparator** out, const shifan_engine* baseline_h,
                                     const shifan_engine* alternative_h, const shifan_compare_options* opts,
                                     shifan_error** err) {
    return guard(err, [&] {
        require_arg(out, "out");
        *out = nullptr;
        const auto* baseline = require_handle(baseline_h, "baseline");
        const auto* alternative = require_handle(alternative_h, "alternative");
        shifan_compare_options o = SHIFAN_COMPARE_OPTIONS_INIT;
        if (opts) {
            require_version(opts->version, SHIFAN_COMPARE_OPTIONS_VERSION, "shifan_compare_options");
            o = *opts;
        }
        CompareOptions co;
        co.jobs = o.jobs;
        co.max_changed = static_cast<std::size_t>(o.max_changed);
        co.limits = to_limits(o.limits);
        auto c = std::make_unique<shifan_comparator>();
        c->baseline = baseline->engine;
        c->alternative = alternative->engine;
        c->comparator = std::make_unique<Comparator>(*c->baseline, *c->alternative, co);
        *out = adopt(std::move(c));
    });
}

SHIFAN_API int shifan_comparator_add(shifan_comparator* c_h, const char* const* docs, const size_t* lens, size_t n,
                                     shifan_error** err) {
    return guard(err, [&] {
        auto* c = require_handle(c_h, "comparator");
        add_views(c, document_views(docs, lens, n));
    });
}

SHIFAN_API int shifan_comparator_add_buffer(shifan_comparator* c_h, const char* buffer, size_t buffer_len,
                                            const size_t* offsets, size_t n, shifan_error** err) {
    return guard(err, [&] {
        auto* c = require_handle(c_h, "comparator");
        add_views(c, buffer_views(buffer, buffer_len, offsets, n));
    });
}

SHIFAN_API int shifan_comparator_counts(const shifan_comparator* c_h, uint64_t* applications, uint64_t* changed,
                                        uint64_t* transitions, shifan_error** err) {
    return guard(err, [&] {
        const auto* c = require_handle(c_h, "comparator");
        std::lock_guard<std::mutex> lock(c->mutex);
        const Comparison& r = c->comparator->result();
        if (applications) *applications = r.applications;
        if (changed) *changed = r.changed;
        if (transitions)
            for (std::size_t i = 0; i < result_count; ++i)
                for (std::size_t j = 0; j < result_count; ++j) transitions[i * result_count + j] = r.transitions[i][j];
    });
}

SHIFAN_API int shifan_comparator_to_json(char** out, size_t* out_len, const shifan_comparator* c_h, int32_t lang,
                                         shifan_error** err) {
    return give_result(out, out_len, c_h, err, [&](const Comparison& r) {
        std::string s;
        write_comparison(s, r, to_lang(lang));
        return s;
    });
}

SHIFAN_API int shifan_comparator_report(char** out, size_t* out_len, const shifan_comparator* c_h, int32_t lang,
                                        shifan_error** err) {
    return give_result(out, out_len, c_h, err, [&](const Comparison& r) { return render_comparison(r, to_lang(lang)); });
}

SHIFAN_API void shifan_comparator_free(shifan_comparator* c) { release(c); }

} // extern "C"
