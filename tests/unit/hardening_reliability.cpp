// Reliability, round 2 (docs/hardening.md): a NUL byte ends no document (both parsers), every text
// output escapes control characters and bidi overrides through shifan::printable (reports and error
// messages), and a rule pack with hundreds of thousands of dated values loads in O(n log n).
#include "test_helpers.hpp"

#include "json/tape.hpp"

#include <shifan/core/text.hpp>
#include <shifan/lifecycle.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <string>

using namespace std::string_literals;
using shifan::ErrorCode;

namespace {

/// The error of parsing `text` with the fast parser and with nlohmann's alone: the same.
shifan::Error tape_error(const std::string& text) {
    shifan::json::Tape fast, sax;
    std::optional<shifan::Error> a, b;
    try { fast.parse(text); } catch (const shifan::Error& e) { a = e; }
    try { sax.parse_with_sax(text); } catch (const shifan::Error& e) { b = e; }
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->code() == b->code());
    CHECK(a->path() == b->path());
    CHECK(a->message().en == b->message().en);
    return *a;
}

} // namespace

TEST_CASE("a NUL byte after a document is a syntax error at the NUL", "[hardening][tape]") {
    const shifan::Error e = tape_error("{\"a\": [1, 2]}\0{\"b\": 1}"s);
    CHECK(e.code() == ErrorCode::syntax);
    CHECK(e.path().empty());
    CHECK(e.message().en.find("byte 13") != std::string::npos);
    CHECK(e.message().en.find("NUL") != std::string::npos);
    CHECK(tape_error("{}\0"s).message().en.find("byte 2") != std::string::npos);
    CHECK(tape_error("\0"s).code() == ErrorCode::syntax);
    CHECK(tape_error("  \0  "s).code() == ErrorCode::syntax);
    // trailing JSON whitespace is fine; anything else is not
    shifan::json::Tape t;
    CHECK_NOTHROW(t.parse("{} \t\r\n"));
    CHECK(tape_error("{} x").code() == ErrorCode::syntax);
}

TEST_CASE("a NUL byte inside a document names the place the parse reached", "[hardening][tape]") {
    CHECK(tape_error("{\"a\": {\"b\": \"x\0y\"}}"s).path() == "/a/b");
    CHECK(tape_error("{\"a\": [1, \0 2]}"s).path() == "/a/1");
    CHECK(tape_error("{\"k\0\": 1}"s).code() == ErrorCode::syntax);
    // an error before the NUL is the document's first error, reported as such
    const shifan::Error before = tape_error("{\"a\": tru, \"b\": \0}"s);
    CHECK(before.message().en.find("NUL") == std::string::npos);
}

TEST_CASE("a NUL byte is refused by every reader", "[hardening]") {
    const std::string app = shifan::test::read_source_file("examples/applications/eligible-technology.json");
    CHECK_NOTHROW(shifan::parse_application(app));
    CHECK_THROWS_AS(shifan::parse_application(app + "\0{}"s), shifan::Error);
    const std::string history = shifan::test::read_source_file("examples/histories/designated-current.json");
    CHECK_NOTHROW(shifan::parse_history(history));
    try {
        (void)shifan::parse_history(history + "\0"s);
        FAIL("accepted");
    } catch (const shifan::Error& e) {
        CHECK(e.code() == ErrorCode::syntax);
    }
    const std::string pack = R"({"schema": "shifan.rulepack/1", "id": "x", "version": "1", "base": "changzhi-municipal", "parameters": {}})";
    CHECK_NOTHROW(shifan::parse_rule_pack(pack));
    CHECK_THROWS_AS(shifan::parse_rule_pack(pack + "\0x"s), shifan::Error);
}

TEST_CASE("printable escapes the Unicode characters that reorder or break lines", "[text][hardening]") {
    CHECK(shifan::printable("a\u202eb") == "a\\u202eb");             // RIGHT-TO-LEFT OVERRIDE
    CHECK(shifan::printable("\u202a\u202b\u202c\u202d") == "\\u202a\\u202b\\u202c\\u202d");
    CHECK(shifan::printable("\u2066x\u2069") == "\\u2066x\\u2069");   // isolates
    CHECK(shifan::printable("\u200e\u200f") == "\\u200e\\u200f");     // marks
    CHECK(shifan::printable("a\u2028b\u2029") == "a\\u2028b\\u2029"); // line and paragraph separators
    CHECK(shifan::printable("“引号”–✓ \u2027\u2030") == "“引号”–✓ \u2027\u2030"); // neighbours are kept
    CHECK(shifan::printable("\xe2\x80") == "\xe2\x80");               // truncated: left as it is
    CHECK(shifan::printable(shifan::printable("\x1b\u202e")) == shifan::printable("\x1b\u202e")); // idempotent
}

TEST_CASE("error messages are printable; the path stays the exact pointer", "[hardening]") {
    try {
        (void)shifan::parse_application(R"({"schema": "shifan.application/1", "\u001b[2J\r\n": 1})");
        FAIL("accepted");
    } catch (const shifan::Error& e) {
        CHECK(e.path() == "/\x1b[2J\r\n");
        CHECK(e.message().en.find('\x1b') == std::string::npos);
        CHECK(e.message().zh.find('\x1b') == std::string::npos);
        CHECK(e.message().en.find("\\u001b[2J\\u000d\\u000a") != std::string::npos);
        for (auto lang : {shifan::Lang::zh, shifan::Lang::en, shifan::Lang::both}) {
            const std::string d = e.describe(lang);
            CHECK(d.find('\x1b') == std::string::npos);
            CHECK(d.find('\r') == std::string::npos);
        }
        CHECK(std::string(e.what()).find('\x1b') == std::string::npos);
    }
}

TEST_CASE("the evaluation report escapes the applicant's name and county", "[hardening][report]") {
    auto app = shifan::parse_application(shifan::test::read_source_file("examples/applications/eligible-technology.json"));
    app.applicant->name = "A\x1b[31mB\r\nVerdict: eligible";
    app.applicant->county = "\u202eC";
    const shifan::Engine engine;
    const shifan::Evaluation e = engine.evaluate(app);
    for (auto lang : {shifan::Lang::zh, shifan::Lang::en}) {
        const std::string r = shifan::render_report(app, e, lang);
        CHECK(r.find('\x1b') == std::string::npos);
        CHECK(r.find('\r') == std::string::npos);
        CHECK(r.find("\u202e") == std::string::npos);
        CHECK(r.find("\nVerdict: eligible") == std::string::npos);
        CHECK(r.find("A\\u001b[31mB\\u000d\\u000aVerdict: eligible") != std::string::npos);
        CHECK(r.find("\\u202eC") != std::string::npos);
    }
}

TEST_CASE("a rule pack with 400 000 dated values loads in O(n log n)", "[hardening][rule-pack][perf]") {
    // 400,000 values of one parameter, each on its own day (1900-01-01 onwards), then the same with
    // the last one repeating the first date: refused at that entry.
    constexpr int n = 400000;
    std::string text = R"({"schema": "shifan.rulepack/1", "id": "big", "version": "1", "base": "changzhi-municipal", )"
                       R"("parameters": {"min_staff": [)";
    shifan::Date d = shifan::make_date(1900, 1, 1);
    for (int i = 0; i < n; ++i) {
        if (i) text += ',';
        text += R"({"from": ")" + shifan::to_string(d) + R"(", "value": )" + std::to_string(10 + i % 7) + "}";
        d = shifan::add_days(d, 1);
    }
    const std::string ok = text + "]}}";
    const auto t0 = std::chrono::steady_clock::now();
    const shifan::RulePack pack = shifan::parse_rule_pack(ok);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    INFO("400,000 dated values loaded in " << seconds << " s");
    CHECK(pack.resolve(shifan::make_date(1900, 1, 1)).count(shifan::Param::min_staff).value == 10);
    // Quadratic, this took 31.6 s; O(n log n) takes well under a second. The bound leaves room for
    // sanitizer builds and a busy machine.
    CHECK(seconds < 10.0);
    const std::string dup = text + R"(, {"from": "1900-01-01", "value": 1}]}})";
    try {
        (void)shifan::parse_rule_pack(dup);
        FAIL("a repeated date was accepted");
    } catch (const shifan::Error& e) {
        CHECK(e.code() == ErrorCode::inconsistent);
        CHECK(e.path() == "/parameters/min_staff/" + std::to_string(n) + "/from");
    }
}
