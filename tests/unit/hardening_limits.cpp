// Input limits (json::Limits): each one is enforced where outside data enters, exceeding it is a
// limit_exceeded error that names the limit, a host can raise or lower it, and no recursion that
// input depth controls is unbounded.
#include "test_helpers.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

using namespace shifan;

namespace {

/// The error `f` throws (fails the test when it throws none).
template <class F>
Error error_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error was thrown");
    throw std::logic_error("unreachable");
}

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string application_with(std::string_view members) {
    return std::string(R"({"schema":"shifan.application/1","reference_date":"2025-04-15")") +
           (members.empty() ? "" : ",") + std::string(members) + "}";
}

void require_limit(const Error& e, std::string_view path, std::string_view limit_en, std::string_view limit_zh) {
    CHECK(e.code() == ErrorCode::limit_exceeded);
    CHECK(e.path() == path);
    CHECK(e.message().en.find(limit_en) != std::string::npos);
    CHECK(e.message().zh.find(limit_zh) != std::string::npos);
}

} // namespace

TEST_CASE("hardening: the default limits are far above any real document", "[hardening][limits]") {
    const json::Limits d;
    CHECK(d.max_document_bytes == 16u * 1024u * 1024u);
    CHECK(d.max_depth == 64);
    CHECK(d.max_array_length == 1'000'000);
    CHECK(d.max_string_bytes == 64u * 1024u);
    // The largest real document: every example parses with a tenth of each limit.
    json::Limits tenth{d.max_document_bytes / 10, 6, d.max_array_length / 10, d.max_string_bytes / 10};
    for (const char* f : {"eligible-technology", "eligible-several", "eligible-guarantee", "ineligible-shortfalls",
                          "ineligible-not-established", "undetermined-missing"}) {
        INFO(f);
        CHECK_NOTHROW(parse_application(test::read_source_file(std::string("examples/applications/") + f + ".json"), tenth));
    }
    CHECK_NOTHROW(parse_rule_pack(test::read_source_file("rules/changzhi-municipal.rulepack.json"), {}, tenth));
}

TEST_CASE("hardening: max_depth counts objects and arrays, and the limit itself is allowed", "[hardening][limits]") {
    json::Tape tape;
    CHECK_NOTHROW(tape.parse(nested_arrays(64)));
    std::string where; // the 65th array sits inside 64 others
    for (int i = 0; i < 64; ++i) where += "/0";
    require_limit(error_of([&] { tape.parse(nested_arrays(65)); }), where, "nesting depth", "嵌套深度");
    json::Limits l;
    l.max_depth = 3;
    const Error e = error_of([&] {
        parse_application(application_with(R"("performance":{"satisfaction":{"percent":{"x":1}}})"), l);
    });
    require_limit(e, "/performance/satisfaction/percent", "nesting depth", "嵌套深度");
    CHECK(e.message().en.find("limited to 3") != std::string::npos);
}

TEST_CASE("hardening: a host may raise max_depth far beyond the stack: parsing is not recursive", "[hardening][limits]") {
    json::Limits l;
    l.max_depth = 1'000'000;
    json::Tape tape;
    CHECK_NOTHROW(tape.parse(nested_arrays(200'000), l));
    // The typed reader recurses by type only: a deep value where a string belongs is a wrong type,
    // and skipping it (the look-ahead for "schema") is iterative.
    const std::string deep = nested_arrays(200'000);
    Error e = error_of([&] { parse_application(application_with("\"id\":" + deep), l); });
    CHECK(e.code() == ErrorCode::wrong_type);
    CHECK(e.path() == "/id");
    e = error_of([&] { parse_application(application_with("\"applicant\":{\"x\":" + deep + "}"), l); });
    CHECK(e.code() == ErrorCode::unknown_key);
    CHECK(e.path() == "/applicant/x");
    e = error_of([&] { parse_rule_pack(R"({"schema":"shifan.rulepack/1","parameters":{"min_staff":)" + deep + "}}", {}, l); });
    CHECK(e.code() == ErrorCode::wrong_type);
    CHECK(e.path() == "/parameters/min_staff/0");
    // An unclosed deep document is a syntax error, not a crash.
    e = error_of([&] { tape.parse(std::string(200'000, '['), l); });
    CHECK(e.code() == ErrorCode::syntax);
}

TEST_CASE("hardening: max_string_bytes applies to strings and keys, in bytes", "[hardening][limits]") {
    const json::Limits d;
    const std::string at_limit(d.max_string_bytes, 'x');
    const std::string over(d.max_string_bytes + 1, 'x');
    CHECK_NOTHROW(parse_application(application_with(R"("applicant":{"name":")" + at_limit + "\"}")));
    require_limit(error_of([&] { parse_application(application_with(R"("applicant":{"name":")" + over + "\"}")); }),
                  "/applicant/name", "string length", "字符串长度");
    require_limit(error_of([&] { parse_application(application_with(R"("applicant":{")" + over + "\":1}")); }),
                  "/applicant", "string length", "字符串长度");
    // Multi-byte characters count in bytes: 3 bytes each.
    json::Limits l;
    l.max_string_bytes = 30;
    CHECK_NOTHROW(parse_application(application_with(R"("applicant":{"name":"长治市某科技服务有限"})"), l)); // 30 bytes
    require_limit(error_of([&] { parse_application(application_with(R"("applicant":{"name":"长治市某科技服务有限公"})"), l); }),
                  "/applicant/name", "string length", "字符串长度"); // 33 bytes
}

TEST_CASE("hardening: max_array_length counts the elements of each array", "[hardening][limits]") {
    json::Limits l;
    l.max_array_length = 3;
    CHECK_NOTHROW(parse_application(application_with(R"("materials":["premises_proof","qualifications","service_evidence"])"), l));
    require_limit(error_of([&] {
                      parse_application(application_with(R"("materials":["premises_proof","qualifications","service_evidence","qualifications"])"), l);
                  }),
                  "/materials/3", "array length", "数组长度");
    // Nested arrays count separately; a container counts as one element of its parent.
    json::Tape tape;
    CHECK_NOTHROW(tape.parse("[[1,2,3],[1,2,3],[1,2,3]]", l));
    require_limit(error_of([&] { tape.parse("[[1,2,3],[1,2,3],[1,2,3],[]]", l); }), "/3", "array length", "数组长度");
    // The default: a million elements.
    const json::Limits d;
    std::string big = "[0";
    for (std::size_t i = 1; i < d.max_array_length; ++i) big += ",0";
    CHECK_NOTHROW(tape.parse(big + "]"));
    require_limit(error_of([&] { tape.parse(big + ",0]"); }), "/1000000", "array length", "数组长度");
}

TEST_CASE("hardening: max_document_bytes is checked before parsing", "[hardening][limits]") {
    const std::string doc = test::read_source_file("examples/applications/eligible-technology.json");
    json::Limits l;
    l.max_document_bytes = doc.size();
    CHECK_NOTHROW(parse_application(doc, l));
    l.max_document_bytes = doc.size() - 1;
    require_limit(error_of([&] { parse_application(doc, l); }), "", "document size", "文档大小");
    const std::string pack = test::read_source_file("rules/changzhi-municipal.rulepack.json");
    l.max_document_bytes = pack.size() - 1;
    require_limit(error_of([&] { parse_rule_pack(pack, {}, l); }), "", "document size", "文档大小");
    // The default: 16 MiB (padding with whitespace keeps it valid JSON).
    std::string huge = application_with("");
    huge.resize(json::Limits{}.max_document_bytes, ' ');
    CHECK_NOTHROW(parse_application(huge));
    huge.push_back(' ');
    require_limit(error_of([&] { parse_application(huge); }), "", "document size", "文档大小");
}

TEST_CASE("hardening: batch runs apply the host's limits to each document", "[hardening][limits]") {
    const Engine engine;
    const std::string good = test::read_source_file("examples/applications/eligible-technology.json");
    const std::string deep = application_with(R"("performance":{"satisfaction":{"percent":1}})");
    const std::vector<std::string_view> docs{good, deep};
    BatchOptions options;
    options.limits.max_depth = 2;
    const auto items = evaluate_batch(engine, docs, options);
    REQUIRE(items.size() == 2);
    CHECK(items[0].status == static_cast<int>(ErrorCode::limit_exceeded)); // good has depth 3
    CHECK(items[1].status == static_cast<int>(ErrorCode::limit_exceeded));
    CHECK(items[1].json.find("\"/performance/satisfaction\"") != std::string::npos);
    options.limits = {};
    const auto ok = evaluate_batch(engine, docs, options);
    CHECK(ok[0].status == 0);
    CHECK(ok[1].status == 0);
}

TEST_CASE("hardening: a tape is reusable after a refused document", "[hardening][limits]") {
    json::Tape tape;
    Application app;
    json::Limits l;
    l.max_string_bytes = 8;
    CHECK_THROWS_AS(parse_application(tape, application_with(R"("id":"123456789")"), app, l), Error);
    CHECK_THROWS_AS(parse_application(tape, "{\"schema\":", app), Error);
    parse_application(tape, application_with(R"("id":"CZ-1")"), app);
    CHECK(app.id == std::optional<std::string>("CZ-1"));
}

TEST_CASE("hardening: integers beyond 64 bits are out of range, not a wrong type", "[hardening][numbers]") {
    // Regression: 2^64 reached the reader as a floating token and was reported as "80.0"-style wrong type.
    Error e = error_of([] { parse_application(application_with(R"("resources":{"partner_institutions":18446744073709551616})")); });
    CHECK(e.code() == ErrorCode::out_of_range);
    CHECK(e.path() == "/resources/partner_institutions");
    e = error_of([] { parse_application(application_with(R"("review_year":18446744073709551616)")); });
    CHECK(e.code() == ErrorCode::out_of_range);
    e = error_of([] { parse_application(application_with(R"("resources":{"partner_institutions":-18446744073709551616})")); });
    CHECK(e.code() == ErrorCode::out_of_range);
    e = error_of([] { parse_application(application_with(R"("resources":{"partner_institutions":80.0})")); });
    CHECK(e.code() == ErrorCode::wrong_type);
}
