// evaluate_batch and BatchEvaluator (docs/performance.md): the parallel path gives, for every number of
// threads, exactly the sequential results in input order; a bad document in the middle gets its
// own error and the others go on; a pool is reusable across batches and with start()/wait().
#include "test_helpers.hpp"

#include <catch2/catch.hpp>

#include <memory>

using namespace shifan;

namespace {

/// The reference: one document after another, as the first (sequential) version did.
std::vector<BatchItem> sequential(const Engine& engine, const std::vector<std::string_view>& docs, const BatchOptions& o) {
    std::vector<BatchItem> items(docs.size());
    json::Tape tape;
    auto app = std::make_unique<Application>();
    auto ev = std::make_unique<Evaluation>();
    for (std::size_t i = 0; i < docs.size(); ++i) {
        try {
            parse_application(tape, docs[i], *app, o.limits);
            engine.evaluate(*app, *ev);
            items[i].verdict = ev->verdict;
            items[i].qualified_functions = ev->qualified_functions;
            if (o.produce_json) write_evaluation(items[i].json, *ev, app->id, o.write);
        } catch (const Error& e) {
            items[i].status = static_cast<int>(e.code());
            if (o.produce_json) json::write_error(items[i].json, e);
        }
    }
    return items;
}

void require_equal(const std::vector<BatchItem>& a, const std::vector<BatchItem>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO("document " << i);
        REQUIRE(a[i].status == b[i].status);
        REQUIRE(a[i].verdict == b[i].verdict);
        REQUIRE(a[i].qualified_functions == b[i].qualified_functions);
        REQUIRE(a[i].json == b[i].json);
    }
}

/// 700 generated documents with bad ones at 3, 350 (middle) and the end.
std::vector<std::string> documents() {
    std::vector<std::string> docs = corpus::generate(2024, 700);
    docs[3] = "{\"schema\":\"shifan.application/1\",\"reference_date\":\"2025-02-30\"}";
    docs[350] = "not json";
    docs[699] = "{\"schema\":\"shifan.application/1\",\"reference_date\":\"2025-04-01\",\"staff\":{\"serving_smes\":-1}}";
    return docs;
}

} // namespace

TEST_CASE("evaluate_batch equals the sequential evaluation for every number of jobs", "[perf][batch]") {
    const std::vector<std::string> owned = documents();
    const std::vector<std::string_view> docs(owned.begin(), owned.end());
    const Engine engine;
    for (bool compact : {false, true}) {
        BatchOptions o;
        o.write.compact = compact;
        o.write.lang = compact ? Lang::zh : Lang::both;
        const auto expected = sequential(engine, docs, o);
        CHECK(expected[3].status == static_cast<int>(ErrorCode::invalid_date));
        CHECK(expected[350].status == static_cast<int>(ErrorCode::syntax));
        CHECK(expected[699].status == static_cast<int>(ErrorCode::out_of_range));
        CHECK(expected[351].status == 0);
        for (unsigned jobs : {0u, 1u, 2u, 3u, 4u, 7u, 16u}) {
            INFO("jobs " << jobs << " compact " << compact);
            o.jobs = jobs;
            require_equal(evaluate_batch(engine, docs, o), expected);
        }
    }
}

TEST_CASE("evaluate_batch without JSON still gives verdicts and statuses", "[perf][batch]") {
    const std::vector<std::string> owned = documents();
    const std::vector<std::string_view> docs(owned.begin(), owned.end());
    const Engine engine;
    BatchOptions o;
    o.produce_json = false;
    o.jobs = 2;
    require_equal(evaluate_batch(engine, docs, o), sequential(engine, docs, o));
}

TEST_CASE("a BatchEvaluator is reusable, with run() and with start()/wait()", "[perf][batch]") {
    const std::vector<std::string> owned = documents();
    const std::vector<std::string_view> docs(owned.begin(), owned.end());
    const Engine engine;
    BatchOptions o;
    o.jobs = 3;
    const auto expected = sequential(engine, docs, o);
    BatchEvaluator pool(engine, o);
    CHECK(pool.jobs() == 3);
    std::vector<BatchItem> items(docs.size());
    for (int round = 0; round < 3; ++round) {
        pool.run(docs, items);
        require_equal(items, expected);
    }
    // Windows of different sizes, overlapped with other work, items reused.
    std::vector<BatchItem> window(100);
    for (std::size_t begin = 0; begin < docs.size(); begin += 100) {
        const std::size_t n = std::min<std::size_t>(100, docs.size() - begin);
        std::span<const std::string_view> part(docs.data() + begin, n);
        pool.start(part, std::span<BatchItem>(window.data(), n));
        pool.wait();
        for (std::size_t i = 0; i < n; ++i) {
            INFO("document " << begin + i);
            REQUIRE(window[i].json == expected[begin + i].json);
            REQUIRE(window[i].status == expected[begin + i].status);
        }
    }
    std::vector<BatchItem> empty;
    pool.run({}, empty);
    CHECK(evaluate_batch(engine, {}, o).empty());
}

TEST_CASE("verdict_only writes the id, the verdict and the qualified functions, nothing else", "[perf][batch]") {
    const std::vector<std::string> owned = documents();
    const std::vector<std::string_view> docs(owned.begin(), owned.end());
    const Engine engine;
    BatchOptions full;
    full.jobs = 2;
    BatchOptions verdict = full;
    verdict.write.verdict_only = true;
    verdict.write.compact = true; // verdict_only wins
    const auto expected = evaluate_batch(engine, docs, full);
    const auto items = evaluate_batch(engine, docs, verdict);
    require_equal(items, sequential(engine, docs, verdict));
    REQUIRE(items.size() == expected.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        INFO("document " << i);
        const nlohmann::json got = nlohmann::json::parse(items[i].json);
        const nlohmann::json want = nlohmann::json::parse(expected[i].json);
        if (expected[i].status != 0) {
            CHECK(got == want); // an error stays the whole error object
            continue;
        }
        REQUIRE(got.size() == 3);
        CHECK(got.at("application_id") == want.at("application_id"));
        CHECK(got.at("verdict") == want.at("verdict"));
        CHECK(got.at("qualified_functions") == want.at("qualified_functions"));
    }
    // one document by hand: the exact bytes
    const Application app = parse_application(owned[0]);
    const Evaluation ev = engine.evaluate(app);
    WriteOptions w;
    w.verdict_only = true;
    std::string functions;
    for (std::size_t f = 0; f < function_count; ++f)
        if (ev.qualifies(static_cast<Function>(f))) {
            functions += functions.empty() ? "\"" : ",\"";
            functions += json::enum_name(static_cast<Function>(f));
            functions += "\"";
        }
    std::string want = "{\"application_id\":\"";
    want += *app.id;
    want += "\",\"verdict\":\"";
    want += json::enum_name(ev.verdict);
    want += "\",\"qualified_functions\":[";
    want += functions;
    want += "]}";
    CHECK(to_json(ev, app.id, w) == want);
}
