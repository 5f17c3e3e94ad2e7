// Concurrency: one Engine (and the built-in rule pack) shared by many threads gives each thread
// the same bytes as a sequential run. Run under ThreadSanitizer by scripts/test.d/20-sanitizers.slow.sh
// (the tsan preset runs every test whose name contains "concurrency").
#include "test_helpers.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using namespace shifan;

namespace {

const char* const example_names[] = {"eligible-technology", "eligible-several", "eligible-guarantee",
                                     "ineligible-shortfalls", "ineligible-not-established", "undetermined-missing"};

std::vector<std::string> example_documents() {
    std::vector<std::string> docs;
    for (const char* n : example_names)
        docs.push_back(test::read_source_file(std::string("examples/applications/") + n + ".json"));
    // One bad document, so that the error path runs concurrently too.
    docs.emplace_back(R"({"schema":"shifan.application/1","reference_date":"2025-04-15","applicant":{"foo":1}})");
    return docs;
}

/// Evaluate one document the way a host thread would: its own tape, application and result.
std::string evaluate_to_json(const Engine& engine, std::string_view doc) {
    json::Tape tape;
    auto app = std::make_unique<Application>();
    auto evaluation = std::make_unique<Evaluation>();
    std::string out;
    try {
        parse_application(tape, doc, *app);
        engine.evaluate(*app, *evaluation);
        write_evaluation(out, *evaluation, app->id, WriteOptions{});
    } catch (const Error& e) {
        json::write_error(out, e);
    }
    return out;
}

} // namespace

TEST_CASE("hardening concurrency: threads sharing one engine get the sequential bytes", "[hardening][concurrency]") {
    const auto docs = example_documents();
    // The first use of the built-in pack happens on many threads at once (a function-local static).
    constexpr int thread_count = 8;
    constexpr int rounds = 20;
    std::vector<std::unique_ptr<const Engine>> engines(thread_count);
    {
        std::vector<std::thread> threads;
        for (int t = 0; t < thread_count; ++t)
            threads.emplace_back([&engines, t] { engines[static_cast<std::size_t>(t)] = std::make_unique<const Engine>(); });
        for (auto& th : threads) th.join();
    }
    const Engine& engine = *engines[0];
    std::vector<std::string> reference;
    for (const auto& d : docs) reference.push_back(evaluate_to_json(engine, d));

    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t)
        threads.emplace_back([&, t] {
            for (int r = 0; r < rounds; ++r)
                for (std::size_t i = 0; i < docs.size(); ++i) {
                    // Alternate between the shared engine and the thread's own.
                    const Engine& e = (r % 2 == 0) ? engine : *engines[static_cast<std::size_t>(t)];
                    const std::size_t k = (i + static_cast<std::size_t>(t)) % docs.size();
                    if (evaluate_to_json(e, docs[k]) != reference[k]) ++mismatches;
                }
        });
    for (auto& th : threads) th.join();
    CHECK(mismatches.load() == 0);
}

TEST_CASE("hardening concurrency: batch runs on a shared engine, from several threads, keep input order", "[hardening][concurrency]") {
    const auto texts = example_documents();
    std::vector<std::string_view> docs;
    for (int copy = 0; copy < 8; ++copy)
        for (const auto& t : texts) docs.emplace_back(t);
    const Engine engine;
    BatchOptions sequential;
    sequential.jobs = 1;
    const auto reference = evaluate_batch(engine, docs, sequential);
    REQUIRE(reference.size() == docs.size());

    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (unsigned jobs : {0u, 2u, 3u, 8u})
        threads.emplace_back([&, jobs] {
            BatchOptions o;
            o.jobs = jobs;
            const auto items = evaluate_batch(engine, docs, o);
            if (items.size() != reference.size()) { ++mismatches; return; }
            for (std::size_t i = 0; i < items.size(); ++i)
                if (items[i].json != reference[i].json || items[i].status != reference[i].status) ++mismatches;
        });
    for (auto& th : threads) th.join();
    CHECK(mismatches.load() == 0);
}
