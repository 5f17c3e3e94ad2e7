// Tape::parse: the fast scanner (tape_fast.hpp) and, where it declines, nlohmann/json's SAX
// parser. This is the only translation unit that includes nlohmann/json.
#include "json/tape.hpp"

#include "json/pointer.hpp"
#include "json/tape_fast.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <clocale>
#include <cstring>
#include <optional>

namespace shifan::json {

namespace detail {
namespace {

/// `s` with every byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF), and every ASCII control character, written as "\\xHH".
std::string printable_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = byte(i);
        std::size_t len = 0;
        if (c >= 0x20 && c < 0x7F) len = 1;
        else if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) len = 3;
        else if (c >= 0xF0 && c <= 0xF4) len = 4;
        bool ok = len != 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k) ok = (byte(i + k) & 0xC0) == 0x80;
        if (ok && len >= 3) {
            const unsigned char c1 = byte(i + 1);
            ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 > 0x9F) && !(c == 0xF0 && c1 < 0x90) &&
                 !(c == 0xF4 && c1 > 0x8F);
        }
        if (ok) {
            out.append(s.substr(i, len));
            i += len;
        } else {
            static constexpr char hex[] = "0123456789ABCDEF";
            out += "\\x";
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 0xF]);
            ++i;
        }
    }
    return out;
}

/// JSON Pointer of the place the tokens recorded so far have reached: where a parse stopped.
std::string pointer_after(const std::vector<Token>& tokens, const std::string& arena) {
    struct Frame { bool is_array; std::size_t index; std::string_view key; bool value_pending; };
    std::vector<Frame> stack;
    auto value_done = [&] {
        if (stack.empty()) return;
        Frame& f = stack.back();
        if (f.is_array) ++f.index;
        else f.value_pending = false;
    };
    for (const Token& t : tokens) {
        switch (t.kind) {
        case Kind::object_begin: stack.push_back({false, 0, {}, false}); break;
        case Kind::array_begin: stack.push_back({true, 0, {}, false}); break;
        case Kind::object_end:
        case Kind::array_end: stack.pop_back(); value_done(); break;
        case Kind::key:
            stack.back().key = std::string_view(arena).substr(static_cast<std::size_t>(t.payload), t.size);
            stack.back().value_pending = true;
            break;
        default: value_done(); break;
        }
    }
    std::string out;
    for (const Frame& f : stack) {
        if (f.is_array) append_pointer_index(out, f.index);
        else if (f.value_pending) append_pointer_token(out, f.key);
    }
    return out;
}

/// The message of an exceeded input limit: what is limited, to what, and the option that sets it,
/// named as in json::Limits, shifan_evaluate_options and Python's `limits=` (`max_depth`) and as the
/// CLI spells it (`--max-depth`), so that a host knows what to raise.
Text limit_text(const char* what_en, const char* what_zh, const char* option, std::size_t limit,
                       const char* unit_en = "", const char* unit_zh = "") {
    std::string cli = std::string("--") + option;
    for (char& c : cli)
        if (c == '_') c = '-';
    const std::string value = std::to_string(limit);
    return Text{std::string("超过输入限制：") + what_zh + "上限为 " + value + unit_zh + "（选项 " + option + "，命令行 " +
                    cli + "）",
                std::string("input limit exceeded: ") + what_en + " is limited to " + value + unit_en + " (option " +
                    option + ", " + cli + ")"};
}

} // namespace
} // namespace detail

/// SAX handler that fills a Tape and enforces the limits.
class TapeBuilder final : public nlohmann::json_sax<nlohmann::json> {
public:
    /// Fill `tape` (borrowed) under `limits` (borrowed).
    TapeBuilder(Tape& tape, const Limits& limits) : tape_(tape), limits_(limits) {}

    /// @name SAX callbacks of nlohmann::json_sax
    /// Each records one event; returning false stops the parse with #error set.
    //@{

    bool null() override { return push(Kind::null); }
    bool boolean(bool v) override { Token t{Kind::boolean, v, 0, 0}; return push(t); }
    bool number_integer(number_integer_t v) override {
        // nlohmann reports every non-negative integer through number_unsigned; this one had a '-'
        // (this is how "-0" is told apart from "0").
        Token t{Kind::negative_integer, false, 0, static_cast<std::uint64_t>(v)};
        return push(t);
    }
    bool number_unsigned(number_unsigned_t v) override {
        Token t{Kind::unsigned_integer, false, 0, v};
        return push(t);
    }
    bool number_float(number_float_t, const string_t& s) override {
        // nlohmann writes the C locale's decimal point into a number's text (the text it hands to
        // strtod): in a host that set LC_NUMERIC to de_DE, 2350000.5 arrives as "2350000,5". Put
        // the '.' back, so that what a document means never depends on the process's locale.
        const std::lconv* conv = std::localeconv();
        const char point = (conv == nullptr || conv->decimal_point == nullptr) ? '.' : *conv->decimal_point;
        if (point == '.' || s.find(point) == string_t::npos) return text(Kind::floating, s);
        string_t normalised = s;
        std::replace(normalised.begin(), normalised.end(), point, '.');
        return text(Kind::floating, normalised);
    }
    bool string(string_t& s) override { return text(Kind::string, s); }
    bool binary(binary_t&) override { return fail_syntax("binary values are not JSON", "二进制值不是 JSON"); }
    bool start_object(std::size_t) override { return open(Kind::object_begin); }
    bool key(string_t& s) override { return text(Kind::key, s); }
    bool end_object() override { --depth_; return push(Kind::object_end); }
    bool start_array(std::size_t) override { return open(Kind::array_begin); }
    bool end_array() override { --depth_; return push(Kind::array_end); }
    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& ex) override;
    //@}

    /// Error recorded by a callback that stopped the parse (nlohmann then returns false).
    std::optional<Error> error;
    /// Byte offset nlohmann reported with a syntax error (SIZE_MAX: none).
    std::size_t error_position = SIZE_MAX;

private:
    bool push(Kind k) { return push(Token{k, false, 0, 0}); }
    bool push(const Token& t);
    bool open(Kind k);
    bool text(Kind k, const std::string& s);
    bool fail_syntax(const char* en, const char* zh);
    bool fail_limit(const char* what_en, const char* what_zh, const char* option, std::size_t limit);

    Tape& tape_;
    const Limits& limits_;
    std::size_t depth_ = 0;
    // Element counters of the open arrays (depth is bounded by limits_.max_depth).
    std::vector<std::size_t> array_counts_;
};

bool TapeBuilder::push(const Token& t) {
    if (!array_counts_.empty() && array_counts_.back() != SIZE_MAX && t.kind != Kind::key &&
        t.kind != Kind::object_end && t.kind != Kind::array_end) {
        if (++array_counts_.back() > limits_.max_array_length)
            return fail_limit("array length", "数组长度", "max_array_length", limits_.max_array_length);
    }
    if (t.kind == Kind::object_end || t.kind == Kind::array_end) array_counts_.pop_back();
    tape_.tokens_.push_back(t);
    return true;
}

bool TapeBuilder::open(Kind k) {
    // The container counts as one element of its parent array.
    if (!push(Token{k, false, 0, 0})) return false;
    if (++depth_ > limits_.max_depth) {
        tape_.tokens_.pop_back();
        return fail_limit("nesting depth", "嵌套深度", "max_depth", limits_.max_depth);
    }
    array_counts_.push_back(k == Kind::array_begin ? 0 : SIZE_MAX);
    return true;
}

bool TapeBuilder::text(Kind k, const std::string& s) {
    if (s.size() > limits_.max_string_bytes)
        return fail_limit("string length (bytes)", "字符串长度（字节）", "max_string_bytes", limits_.max_string_bytes);
    Token t{k, false, static_cast<std::uint32_t>(s.size()), tape_.arena_.size()};
    tape_.arena_.append(s);
    return push(t);
}

bool TapeBuilder::fail_syntax(const char* en, const char* zh) {
    error.emplace(ErrorCode::syntax, detail::pointer_after(tape_.tokens_, tape_.arena_),
                  Text{std::string("JSON 语法错误：") + zh, std::string("invalid JSON: ") + en});
    return false;
}

bool TapeBuilder::fail_limit(const char* what_en, const char* what_zh, const char* option,
                                    std::size_t limit) {
    error.emplace(ErrorCode::limit_exceeded, detail::pointer_after(tape_.tokens_, tape_.arena_),
                  detail::limit_text(what_en, what_zh, option, limit));
    return false;
}

bool TapeBuilder::parse_error(std::size_t position, const std::string&,
                                     const nlohmann::detail::exception& ex) {
    if (error) return false; // a limit already stopped the parse
    error_position = position;
    const int id = ex.id;
    std::string at = " (byte " + std::to_string(position) + ")";
    if (id == 406) { // number overflow (1e400)
        error.emplace(ErrorCode::out_of_range, detail::pointer_after(tape_.tokens_, tape_.arena_),
                      Text{"数值超出可表示范围" + at, "number out of range" + at});
        return false;
    }
    // nlohmann's message names the token it expected; keep it for the English text.
    std::string what = ex.what();
    if (auto p = what.find("syntax error while parsing value - "); p != std::string::npos)
        what = what.substr(p + 35);
    else if (auto q = what.find("] "); q != std::string::npos)
        what = what.substr(q + 2);
    // Its "last read" quotes the input's raw bytes: keep the message valid UTF-8 for JSON output
    // and for hosts that decode it (the bad bytes are the very reason for the error).
    what = detail::printable_utf8(what);
    error.emplace(ErrorCode::syntax, detail::pointer_after(tape_.tokens_, tape_.arena_),
                  Text{"JSON 语法错误" + at + "：" + what, "invalid JSON" + at + ": " + what});
    return false;
}

void Tape::parse(std::string_view text, const Limits& limits) { parse_impl(text, limits, true); }

void Tape::parse_with_sax(std::string_view text, const Limits& limits) { parse_impl(text, limits, false); }

void Tape::parse_impl(std::string_view text, const Limits& limits, bool fast) {
    tokens_.clear();
    arena_.clear();
    if (text.size() > limits.max_document_bytes)
        throw Error(ErrorCode::limit_exceeded, "",
                    detail::limit_text("document size", "文档大小", "max_document_bytes", limits.max_document_bytes,
                                       " bytes", " 字节"));
    if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0)
        throw Error(ErrorCode::syntax, "",
                    Text{"JSON 语法错误：文档以字节顺序标记（BOM）开头，请保存为无 BOM 的 UTF-8",
                         "invalid JSON: the document starts with a byte order mark (BOM); save it as UTF-8 without BOM"});
    bool blank = true;
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') { blank = false; break; }
    if (blank)
        throw Error(ErrorCode::syntax, "", Text{"JSON 语法错误：输入为空", "invalid JSON: the input is empty"});
    // JSON has no place for a raw NUL byte (inside a string it must be written \u0000), but
    // nlohmann's lexer takes one for the end of the input: find it first, so that a document
    // followed by a NUL and anything at all is refused rather than read up to the NUL.
    if (const void* nul = std::memchr(text.data(), '\0', text.size()))
        reject_nul(text, static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()), limits);
    tokens_.reserve(text.size() / 8 + 16);
    arena_.reserve(text.size());
    if (fast) {
        if (detail::FastTapeScanner(text, limits, tokens_, arena_).run()) return;
        tokens_.clear();
        arena_.clear();
    }
    TapeBuilder builder(*this, limits);
    const bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &builder,
                                              nlohmann::json::input_format_t::json, true, false);
    if (!ok) {
        if (builder.error) throw Error(std::move(*builder.error));
        throw Error(ErrorCode::syntax, "", Text{"JSON 语法错误", "invalid JSON"});
    }
}

void Tape::reject_nul(std::string_view text, std::size_t at, const Limits& limits) {
    // Parse what precedes the NUL: an error before it is the first error of the document and is
    // reported as such; otherwise the NUL is, at the place the parse reached.
    TapeBuilder builder(*this, limits);
    const std::string_view before = text.substr(0, at);
    const bool ok = nlohmann::json::sax_parse(before.begin(), before.end(), &builder,
                                              nlohmann::json::input_format_t::json, true, false);
    if (!ok && builder.error && builder.error_position <= at) throw Error(std::move(*builder.error));
    if (!ok && builder.error && builder.error->code() != ErrorCode::syntax) throw Error(std::move(*builder.error));
    std::string path = ok ? std::string() : detail::pointer_after(tokens_, arena_);
    tokens_.clear();
    arena_.clear();
    const std::string where = " (byte " + std::to_string(at) + ")";
    throw Error(ErrorCode::syntax, std::move(path),
                Text{"JSON 语法错误" + where + "：不允许出现 NUL 字节（U+0000 须写作 \\u0000）",
                     "invalid JSON" + where + ": a NUL byte is not allowed (write U+0000 as \\u0000)"});
}

} // namespace shifan::json
