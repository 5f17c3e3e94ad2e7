// Names and ids from documents reach the text reports through shifan::printable: control characters
// become visible escapes so that a report can neither be cut short (U+0000) nor drive the reader's
// terminal (ESC), while Chinese text and ordinary punctuation are kept as they are.
#include <shifan/core/text.hpp>
#include <shifan/lifecycle.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace std::string_literals;

TEST_CASE("printable keeps ordinary and Chinese text unchanged", "[text][hardening]") {
    CHECK(shifan::printable("长治市中小企业服务平台 (Platform-01)") == "长治市中小企业服务平台 (Platform-01)");
    CHECK(shifan::printable("") == "");
    CHECK(shifan::printable("é ü ¡ ¿") == "é ü ¡ ¿"); // U+00A0.. are printable (0xC2 0xA1, 0xC2 0xBF)
}

TEST_CASE("printable escapes C0, DEL and C1 control characters", "[text][hardening]") {
    CHECK(shifan::printable("a\0b"s) == "a\\u0000b");
    CHECK(shifan::printable("\x1b[31mred") == "\\u001b[31mred");
    CHECK(shifan::printable("line\nbreak\ttab") == "line\\u000abreak\\u0009tab");
    CHECK(shifan::printable("x\x7fy") == "x\\u007fy");
    CHECK(shifan::printable("x\xc2\x85y") == "x\\u0085y");       // NEL, U+0085
    CHECK(shifan::printable("x\xc2\x9f") == "x\\u009f");         // last C1
    CHECK(shifan::printable("x\xc2") == "x\xc2");                // a lone lead byte is left to the reader's checks
}

TEST_CASE("the status report shows a platform name with a U+0000 in it whole", "[text][hardening][lifecycle]") {
    const std::string history = R"({"schema":"shifan.history/1","platform":{"id":"P-1","name":"平台\u0000\u001b[2J名","county":"潞\u0085州区"},)"
                                R"("events":[{"date":"2025-01-10","type":"applied","review_year":2025}]})";
    const shifan::History h = shifan::parse_history(history);
    const std::string report =
        shifan::render_status(shifan::status_of(h, shifan::make_date(2025, 2, 1)), shifan::Lang::en);
    CHECK(report.find('\0') == std::string::npos);
    CHECK(report.find('\x1b') == std::string::npos);
    CHECK(report.find("平台\\u0000\\u001b[2J名") != std::string::npos);
    CHECK(report.find("潞\\u0085州区") != std::string::npos);
}
