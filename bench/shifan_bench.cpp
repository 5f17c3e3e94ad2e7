// shifan benchmarks: per application, on a deterministic generated corpus (shifan/io/generator.hpp).
// Run: build/bench/bench/shifan_bench [--benchmark_repetitions=5 --benchmark_report_aggregates_only=true]

#include "shifan/shifan.hpp"

// Internal headers of shifan::io (src/core): parsing onto one reused tape.
#include "application_json.hpp"
#include "json/tape.hpp"

#include <benchmark/benchmark.h>

#if SHIFAN_BENCH_CAPI
#include <shifan/shifan.h>
#endif
#if SHIFAN_BENCH_LIFECYCLE
#include "shifan/io/lifecycle.hpp"
#include "shifan/lifecycle/status.hpp"
#endif

#include <filesystem>
#include <fstream>
#include <sstream>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace shifan;

constexpr std::uint64_t corpus_seed = 42;
constexpr std::size_t corpus_size = 1024;

const std::vector<std::string>& corpus() {
    static const std::vector<std::string> docs = corpus::generate(corpus_seed, corpus_size);
    return docs;
}

const Engine& engine() {
    static const Engine e;
    return e;
}

/// The corpus parsed once (for the benchmarks that start from parsed applications).
const std::vector<Application>& parsed() {
    static const std::vector<Application> apps = [] {
        std::vector<Application> v;
        v.reserve(corpus().size());
        for (const std::string& d : corpus()) v.push_back(parse_application(d));
        return v;
    }();
    return apps;
}

const std::vector<Evaluation>& evaluated() {
    static const std::vector<Evaluation> evs = [] {
        std::vector<Evaluation> v;
        v.reserve(parsed().size());
        for (const Application& a : parsed()) v.push_back(engine().evaluate(a));
        return v;
    }();
    return evs;
}

std::size_t corpus_bytes() {
    std::size_t n = 0;
    for (const std::string& d : corpus()) n += d.size();
    return n;
}

void BM_Parse(benchmark::State& state) {
    const auto& docs = corpus();
    json::Tape tape;
    auto app = std::make_unique<Application>();
    std::size_t i = 0;
    for (auto _ : state) {
        parse_application(tape, docs[i], *app);
        benchmark::DoNotOptimize(app.get());
        if (++i == docs.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus_bytes() / docs.size()));
}
BENCHMARK(BM_Parse);

void BM_EvaluateFull(benchmark::State& state) {
    const auto& apps = parsed();
    auto out = std::make_unique<Evaluation>();
    std::size_t i = 0;
    for (auto _ : state) {
        engine().evaluate(apps[i], *out);
        benchmark::DoNotOptimize(out.get());
        benchmark::ClobberMemory();
        if (++i == apps.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EvaluateFull);

void BM_EvaluateVerdictOnly(benchmark::State& state) {
    const auto& apps = parsed();
    std::size_t i = 0;
    for (auto _ : state) {
        Verdict v = engine().verdict(apps[i]);
        benchmark::DoNotOptimize(v);
        if (++i == apps.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EvaluateVerdictOnly);

WriteOptions options_for(int kind) {
    WriteOptions o;
    switch (kind) {
    case 0: o.lang = Lang::zh; break;                        // full, one language
    case 1: o.lang = Lang::both; break;                      // full, both languages
    case 2: o.lang = Lang::zh; o.compact = true; break;      // compact
    default: o.messages = false; o.compact = true; break;    // compact, no messages
    }
    return o;
}
const char* option_label(int kind) {
    switch (kind) {
    case 0: return "full_zh";
    case 1: return "full_both";
    case 2: return "compact_zh";
    default: return "compact_no_messages";
    }
}

void BM_Serialize(benchmark::State& state) {
    const auto& apps = parsed();
    const auto& evs = evaluated();
    const WriteOptions o = options_for(static_cast<int>(state.range(0)));
    state.SetLabel(option_label(static_cast<int>(state.range(0))));
    std::string out;
    std::size_t i = 0, bytes = 0;
    for (auto _ : state) {
        out.clear();
        write_evaluation(out, evs[i], apps[i].id, o);
        bytes += out.size();
        benchmark::DoNotOptimize(out.data());
        if (++i == apps.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_Serialize)->DenseRange(0, 3);

/// JSON text in, evaluation JSON text out, reusing the tape, the application and the output
/// buffer as a host would (the core path the C ABI wraps).
void BM_EndToEnd(benchmark::State& state) {
    const auto& docs = corpus();
    const WriteOptions o = options_for(static_cast<int>(state.range(0)));
    state.SetLabel(option_label(static_cast<int>(state.range(0))));
    json::Tape tape;
    auto app = std::make_unique<Application>();
    auto ev = std::make_unique<Evaluation>();
    std::string out;
    std::size_t i = 0;
    for (auto _ : state) {
        parse_application(tape, docs[i], *app);
        engine().evaluate(*app, *ev);
        out.clear();
        write_evaluation(out, *ev, app->id, o);
        benchmark::DoNotOptimize(out.data());
        if (++i == docs.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EndToEnd)->DenseRange(0, 3);

/// evaluate_batch over 4096 documents, full explanation in both languages, with 1 and 2 jobs.
void BM_Batch(benchmark::State& state) {
    std::vector<std::string_view> docs;
    for (int rep = 0; rep < 4; ++rep)
        for (const std::string& d : corpus()) docs.emplace_back(d);
    BatchOptions o;
    o.jobs = static_cast<unsigned>(state.range(0));
    for (auto _ : state) {
        auto items = evaluate_batch(engine(), docs, o);
        benchmark::DoNotOptimize(items.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * docs.size()));
}
BENCHMARK(BM_Batch)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

#if SHIFAN_BENCH_CAPI
/// JSON text in, JSON text out through libshifan's C ABI (shifan_evaluate_to_json): what a host in
/// C, C#, Java or Python pays per application, including the returned string's allocation and free.
void BM_EndToEndCApi(benchmark::State& state) {
    const auto& docs = corpus();
    shifan_engine* engine = nullptr;
    if (shifan_engine_new(&engine, nullptr) != SHIFAN_OK) { state.SkipWithError("shifan_engine_new"); return; }
    shifan_json_options jo = SHIFAN_JSON_OPTIONS_INIT;
    const int kind = static_cast<int>(state.range(0));
    state.SetLabel(option_label(kind));
    jo.lang = kind == 1 ? SHIFAN_LANG_BOTH : SHIFAN_LANG_ZH;
    jo.compact = kind >= 2;
    jo.messages = kind != 3;
    std::size_t i = 0;
    for (auto _ : state) {
        char* out = nullptr;
        std::size_t len = 0;
        if (shifan_evaluate_to_json(&out, &len, engine, docs[i].data(), docs[i].size(), nullptr, &jo, nullptr) != SHIFAN_OK) {
            state.SkipWithError("shifan_evaluate_to_json");
            break;
        }
        benchmark::DoNotOptimize(out);
        shifan_string_free(out);
        if (++i == docs.size()) i = 0;
    }
    shifan_engine_free(engine);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EndToEndCApi)->DenseRange(0, 3);

/// shifan_evaluate_batch_buffer over 4096 documents (one crossing), as Python's evaluate_many.
void BM_BatchCApi(benchmark::State& state) {
    std::string buffer;
    std::vector<std::size_t> offsets{0};
    for (int rep = 0; rep < 4; ++rep)
        for (const std::string& d : corpus()) { buffer += d; offsets.push_back(buffer.size()); }
    const std::size_t n = offsets.size() - 1;
    shifan_engine* engine = nullptr;
    shifan_engine_new(&engine, nullptr);
    shifan_batch_options bo = SHIFAN_BATCH_OPTIONS_INIT;
    bo.jobs = static_cast<std::uint32_t>(state.range(0));
    bo.flags = state.range(1) ? SHIFAN_BATCH_ITEM_JSON : 0u;
    std::vector<std::uint8_t> verdicts(n);
    for (auto _ : state) {
        shifan_batch* batch = nullptr;
        shifan_evaluate_batch_buffer(&batch, engine, buffer.data(), buffer.size(), offsets.data(), n, &bo, nullptr);
        shifan_batch_summary(batch, nullptr, verdicts.data(), nullptr, n, nullptr);
        benchmark::DoNotOptimize(verdicts.data());
        shifan_batch_free(batch);
    }
    shifan_engine_free(engine);
    state.SetLabel(state.range(1) ? "with item JSON" : "verdicts only");
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}
BENCHMARK(BM_BatchCApi)->Args({1, 0})->Args({2, 0})->Args({1, 1})->Args({2, 1})->UseRealTime()->Unit(benchmark::kMillisecond);
#endif

#if SHIFAN_BENCH_LIFECYCLE
std::string read_example(const char* relative) {
    std::ifstream f(std::filesystem::path(SHIFAN_BENCH_SOURCE_DIR) / relative, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

/// A 10-event history (examples/histories/renewal.json: two designations, filings on time and
/// late, a renewal): replay + status on a date, from the parsed history.
void BM_HistoryStatus(benchmark::State& state) {
    const std::string text = read_example("examples/histories/renewal.json");
    const History history = parse_history(text);
    const Date on = make_date(2026, 11, 28);
    for (auto _ : state) {
        Status s = status_of(history, on);
        benchmark::DoNotOptimize(s);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_HistoryStatus);

/// The same from JSON text to status JSON text.
void BM_HistoryStatusEndToEnd(benchmark::State& state) {
    const std::string text = read_example("examples/histories/renewal.json");
    const Date on = make_date(2026, 11, 28);
    std::string out;
    for (auto _ : state) {
        const History history = parse_history(text);
        out.clear();
        write_status(out, status_of(history, on), Lang::zh);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_HistoryStatusEndToEnd);
#endif

} // namespace

BENCHMARK_MAIN();
