// Batches: many applications in one call, through the core's batch path (parallel when the core
// is), results in input order; one bad document never stops the others.
#include "internal.hpp"

using namespace shifan;
using namespace shifan::capi;

namespace {

shifan_batch* run_batch(const shifan_engine* engine, std::span<const std::string_view> docs,
                        const shifan_batch_options* opts) {
    shifan_batch_options o = SHIFAN_BATCH_OPTIONS_INIT;
    if (opts) {
        require_version(opts->version, SHIFAN_BATCH_OPTIONS_VERSION, "shifan_batch_options");
        o = *opts;
    }
    if (o.flags & ~(SHIFAN_BATCH_ITEM_JSON | SHIFAN_BATCH_KEEP_INPUT))
        usage("shifan_batch_options.flags 含有未知的标志位", "shifan_batch_options.flags has unknown bits");

    auto h = std::make_unique<shifan_batch>();
    h->engine = engine->engine;
    h->flags = o.flags;
    h->write = to_write_options(o.json);
    h->limits = to_limits(o.limits);

    BatchOptions bo;
    bo.jobs = o.jobs;
    bo.produce_json = (o.flags & SHIFAN_BATCH_ITEM_JSON) != 0;
    bo.write = h->write;
    bo.limits = h->limits;
    h->items = evaluate_batch(*h->engine, docs, bo);

    // Keep each failure's full error (code, path, messages): failures are rare, so the failing
    // documents are simply read again.
    h->errors.resize(docs.size());
    Scratch& s = scratch();
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (h->items[i].status == 0) continue;
        try {
            parse_application(s.tape, docs[i], *s.app, h->limits);
            h->engine->evaluate(*s.app, *s.evaluation);
            // Not expected: the core failed where this path succeeds. Keep the code it gave.
            h->errors[i] = std::make_unique<Error>(static_cast<ErrorCode>(h->items[i].status), "",
                                                   Text{"批量评估失败", "batch evaluation failed"});
        } catch (const Error& e) {
            h->errors[i] = std::make_unique<Error>(e);
        }
    }
    if (o.flags & SHIFAN_BATCH_KEEP_INPUT) {
        std::size_t total = 0;
        for (std::string_view d : docs) total += d.size();
        h->input.reserve(total);
        h->offsets.reserve(docs.size() + 1);
        h->offsets.push_back(0);
        for (std::string_view d : docs) {
            h->input.append(d);
            h->offsets.push_back(h->input.size());
        }
    }
    return adopt(std::move(h));
}

void require_index(const shifan_batch* b, std::size_t index) {
    if (index >= b->items.size())
        usage("批量结果序号 " + std::to_string(index) + " 超出范围（共 " + std::to_string(b->items.size()) + " 项）",
              "batch item index " + std::to_string(index) + " is out of range (" + std::to_string(b->items.size()) + " items)");
}

std::string_view kept_input(const shifan_batch* b, std::size_t index) {
    return std::string_view(b->input).substr(b->offsets[index], b->offsets[index + 1] - b->offsets[index]);
}

} // namespace

extern "C" {

SHIFAN_API int shifan_evaluate_batch(shifan_batch** out, const shifan_engine* engine_h, const char* const* docs,
                                     const size_t* lens, size_t n, const shifan_batch_options* opts,
                                     shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        auto* engine = require_handle(engine_h, "engine");
        const std::vector<std::string_view> views = document_views(docs, lens, n);
        *out = run_batch(engine, views, opts);
    });
}

SHIFAN_API int shifan_evaluate_batch_buffer(shifan_batch** out, const shifan_engine* engine_h, const char* buffer,
                                            size_t buffer_len, const size_t* offsets, size_t n,
                                            const shifan_batch_options* opts, shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        auto* engine = require_handle(engine_h, "engine");
        const std::vector<std::string_view> views = buffer_views(buffer, buffer_len, offsets, n);
        *out = run_batch(engine, views, opts);
    });
}

SHIFAN_API int64_t shifan_batch_count(const shifan_batch* b_h) {
    return read_handle<int64_t>(b_h, "batch", [&](const auto* b) { return static_cast<int64_t>(b->items.size()); });
}

SHIFAN_API int shifan_batch_summary(const shifan_batch* b_h, int32_t* status, uint8_t* verdicts, uint8_t* functions,
                                    size_t n, shifan_error** err) {
    return guard(err, [&] {
        auto* b = require_handle(b_h, "batch");
        if (n != b->items.size())
            usage("n（" + std::to_string(n) + "）应等于批量结果数（" + std::to_string(b->items.size()) + "）",
                  "n (" + std::to_string(n) + ") must equal the number of items (" + std::to_string(b->items.size()) + ")");
        for (std::size_t i = 0; i < n; ++i) {
            const BatchItem& item = b->items[i];
            if (status) status[i] = -item.status;
            if (verdicts) verdicts[i] = item.status ? SHIFAN_VERDICT_NONE : static_cast<uint8_t>(item.verdict);
            if (functions) functions[i] = item.status ? 0 : item.qualified_functions;
        }
    });
}

SHIFAN_API int shifan_batch_item_json(char** out, size_t* out_len, const shifan_batch* b_h, size_t index,
                                      shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        auto* b = require_handle(b_h, "batch");
        require_index(b, index);
        if (b->flags & SHIFAN_BATCH_ITEM_JSON) {
            give_string(out, out_len, b->items[index].json);
            return;
        }
        if (!(b->flags & SHIFAN_BATCH_KEEP_INPUT))
            usage("此批量结果未保留 JSON：请在选项中设置 SHIFAN_BATCH_ITEM_JSON 或 SHIFAN_BATCH_KEEP_INPUT",
                  "this batch kept no JSON: set SHIFAN_BATCH_ITEM_JSON or SHIFAN_BATCH_KEEP_INPUT in its options");
        std::string s;
        if (const auto& e = b->errors[index]) {
            json::write_error(s, *e);
        } else {
            Scratch& sc = scratch();
            parse_application(sc.tape, kept_input(b, index), *sc.app, b->limits);
            b->engine->evaluate(*sc.app, *sc.evaluation);
            write_evaluation(s, *sc.evaluation, sc.app->id, b->write);
        }
        give_string(out, out_len, s);
    });
}

SHIFAN_API int shifan_batch_item_error(shifan_error** out, const shifan_batch* b_h, size_t index, shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        auto* b = require_handle(b_h, "batch");
        require_index(b, index);
        const auto& e = b->errors[index];
        if (!e) return;
        auto h = std::make_unique<shifan_error>();
        h->code = -static_cast<int32_t>(e->code());
        h->path = e->path();
        h->zh = e->message().zh;
        h->en = e->message().en;
        h->both = h->zh + " / " + h->en;
        h->event_index = e->event_index;
        h->event_type = e->event_type;
        h->articles = e->articles;
        *out = adopt(std::move(h));
    });
}

SHIFAN_API int shifan_batch_item_evaluation(shifan_evaluation** out, const shifan_batch* b_h, size_t index,
                                            shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        auto* b = require_handle(b_h, "batch");
        require_index(b, index);
        if (!(b->flags & SHIFAN_BATCH_KEEP_INPUT))
            usage("此批量结果未保留输入：请在选项中设置 SHIFAN_BATCH_KEEP_INPUT",
                  "this batch kept no input: set SHIFAN_BATCH_KEEP_INPUT in its options");
        *out = make_evaluation(b->engine, kept_input(b, index), b->limits);
    });
}

SHIFAN_API void shifan_batch_free(shifan_batch* b) { release(b); }

} // extern "C"
