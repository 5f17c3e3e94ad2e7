// Tape::parse's fast path (tape_fast.hpp) records exactly the tape nlohmann's SAX parser records,
// and where it declines, the error is nlohmann's: compared token by token, and error by error, on
// the generated corpus and on mutated documents (bytes changed, cut short, escapes, exponents,
// big numbers, bad UTF-8, limits).
#include "test_helpers.hpp"

#include <catch2/catch.hpp>

#include <optional>

using namespace shifan;

namespace {

struct TapeOutcome {
    std::vector<json::Token> tokens;
    std::vector<std::string> texts;
    std::optional<Error> error;
};

TapeOutcome run(bool fast, std::string_view text, const json::Limits& limits) {
    json::Tape tape;
    TapeOutcome o;
    try {
        if (fast) tape.parse(text, limits);
        else tape.parse_with_sax(text, limits);
    } catch (const Error& e) {
        o.error = e;
        return o;
    }
    o.tokens = tape.tokens();
    for (const json::Token& t : o.tokens)
        o.texts.emplace_back(t.kind == json::Kind::key || t.kind == json::Kind::string || t.kind == json::Kind::floating
                                 ? std::string(tape.text(t)) : std::string());
    return o;
}

void require_same(std::string_view text, const json::Limits& limits = {}) {
    const TapeOutcome a = run(true, text, limits), b = run(false, text, limits);
    INFO("document: " << text);
    REQUIRE(a.error.has_value() == b.error.has_value());
    if (a.error) {
        CHECK(a.error->code() == b.error->code());
        CHECK(a.error->path() == b.error->path());
        CHECK(a.error->message().zh == b.error->message().zh);
        CHECK(a.error->message().en == b.error->message().en);
        return;
    }
    REQUIRE(a.tokens.size() == b.tokens.size());
    for (std::size_t i = 0; i < a.tokens.size(); ++i) {
        INFO("token " << i);
        CHECK(a.tokens[i].kind == b.tokens[i].kind);
        CHECK(a.tokens[i].flag == b.tokens[i].flag);
        CHECK(a.tokens[i].size == b.tokens[i].size);
        if (a.tokens[i].kind != json::Kind::key && a.tokens[i].kind != json::Kind::string &&
            a.tokens[i].kind != json::Kind::floating)
            CHECK(a.tokens[i].payload == b.tokens[i].payload);
        CHECK(a.texts[i] == b.texts[i]);
    }
}

} // namespace

TEST_CASE("fast tape equals nlohmann's tape on the generated corpus", "[perf][tape]") {
    const corpus::Generator gen(3);
    for (std::size_t i = 0; i < 500; ++i) require_same(gen(i));
}

TEST_CASE("fast tape equals nlohmann's tape or error on mutated documents", "[perf][tape]") {
    const corpus::Generator gen(11);
    corpus::Rng rng(5);
    static const char* const inserts[] = {"\\n", "\\u00e9", "\\\"", "1e3", "1E-2", "-0", "-0.0", "01", "1.",
                                          ".5", "-", "+1", "123456789012345678", "1234567890123456789",
                                          "-1234567890123456789", "18446744073709551616", "\xC3", "\xC3\xA9",
                                          "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF0\x9F\x98\x80",
                                          "\x7F", "\x01", "\t", " ", "{", "}", "[", "]", ",", ":", "\"", "true",
                                          "nul", "null", "tru", "/*x*/", "\xEF\xBB\xBF", "1.5e400", "1e400"};
    for (std::size_t i = 0; i < 4000; ++i) {
        std::string doc = gen(i % 200);
        const std::size_t pos = rng.next() % (doc.size() + 1);
        switch (rng.next() % 4) {
        case 0: doc.resize(pos); break;
        case 1: if (pos < doc.size()) doc[pos] = static_cast<char>(rng.next() & 0xFF); break;
        case 2: doc.insert(pos, inserts[rng.next() % (sizeof(inserts) / sizeof(inserts[0]))]); break;
        default: if (pos < doc.size()) doc.erase(pos, 1 + rng.next() % 8); break;
        }
        require_same(doc);
    }
}

TEST_CASE("fast tape equals nlohmann's tape on edge cases and at the limits", "[perf][tape]") {
    for (const char* doc : {"{}", "[]", "  {\"a\" : [ ] , \"b\":{ }}\n", "0", "-0", "\"x\"", "true", "null", "[1,]",
                            "{\"a\":1,}", "{\"a\" 1}", "[1 2]", "{}x", "{} {}", "[-0.0, 0.5, 12.250, -3]",
                            "[123456789012345678, -123456789012345678]", "{\"\":\"\"}", "[\"\xC2\x80\xDF\xBF\"]",
                            "\n\r\t[\n\r\t]\n\r\t", "[1e5]", "[\"\\/\"]"})
        require_same(doc);
    json::Limits small;
    small.max_depth = 3;
    small.max_array_length = 3;
    small.max_string_bytes = 4;
    for (const char* doc : {"[[[1]]]", "[[[[1]]]]", "[1,2,3]", "[1,2,3,4]", "[[],[],[]]", "[[],[],[],[]]",
                            "{\"abcd\":\"abcd\"}", "{\"abcde\":1}", "[\"abcde\"]", "[1.234]", "[1.2345]",
                            "{\"a\":[1,2,3],\"b\":[1,2,3,4]}"})
        require_same(doc, small);
}
