/// @file
/// @ingroup core
/// @brief Errors for bad input: a stable code, the JSON Pointer of the offending value, and the
/// reason in Chinese and English. Bad input is an error, never a verdict (docs/specification.md §5.4).
#pragma once

#include "shifan/core/text.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace shifan {

/// Stable error categories. Values are part of the C ABI (`SHIFAN_E*`): never renumber, only append.
enum class ErrorCode : int {
    syntax = 1,            ///< not well-formed JSON (also: BOM, trailing garbage, empty input, bad UTF-8)
    wrong_type = 2,        ///< a value of the wrong JSON type (including `null`)
    out_of_range = 3,      ///< a number outside its allowed range (negative count, percent > 100, ...)
    unknown_key = 4,       ///< a key the format does not define (typos must not become "absent")
    duplicate_key = 5,     ///< the same key twice in one object
    unknown_value = 6,     ///< a string outside an enumeration
    invalid_date = 7,      ///< not `YYYY-MM-DD` or a day that does not exist
    invalid_amount = 8,    ///< money/percent with more than two decimals, or not a decimal
    inconsistent = 9,      ///< a part larger than its whole, two exclusive forms given together
    missing_required = 10, ///< a required member is absent (`schema`, `reference_date`, ...)
    wrong_schema = 11,     ///< the `schema` member names another format or version
    limit_exceeded = 12,   ///< a configured input limit (size, depth, length) was exceeded
    rule_pack = 13,        ///< a rule pack is invalid or has no value in force on the date
    history = 14,          ///< a lifecycle event the rules forbid (carries the event index and article)
    usage = 15,            ///< an API misuse (bad argument, NULL handle)
    internal = 16,         ///< a bug in shifan: please report it
};

/// Machine name of an error code, e.g. "unknown_key".
inline const char* error_code_name(ErrorCode code) noexcept {
    switch (code) {
    case ErrorCode::syntax: return "syntax";
    case ErrorCode::wrong_type: return "wrong_type";
    case ErrorCode::out_of_range: return "out_of_range";
    case ErrorCode::unknown_key: return "unknown_key";
    case ErrorCode::duplicate_key: return "duplicate_key";
    case ErrorCode::unknown_value: return "unknown_value";
    case ErrorCode::invalid_date: return "invalid_date";
    case ErrorCode::invalid_amount: return "invalid_amount";
    case ErrorCode::inconsistent: return "inconsistent";
    case ErrorCode::missing_required: return "missing_required";
    case ErrorCode::wrong_schema: return "wrong_schema";
    case ErrorCode::limit_exceeded: return "limit_exceeded";
    case ErrorCode::rule_pack: return "rule_pack";
    case ErrorCode::history: return "history";
    case ErrorCode::usage: return "usage";
    case ErrorCode::internal: return "internal";
    }
    return "internal";
}

/// The one exception type of the core. The C ABI turns it into a status code and an error object.
class Error : public std::runtime_error {
public:
    /// @param code  category
    /// @param path  JSON Pointer (RFC 6901) of the offending value; "" for the whole document
    /// @param message reason in zh and en (without the path; `what()` adds it). It may quote
    ///        values and keys of the input: it is kept `printable` (no control characters).
    Error(ErrorCode code, std::string path, const Text& message)
        : std::runtime_error(compose(path, printable(message.en))), code_(code), path_(std::move(path)),
          message_(printable(message)) {}

    /// The stable category of the error (its number is the C ABI's status code).
    [[nodiscard]] ErrorCode code() const noexcept { return code_; }
    /// JSON Pointer of the offending value ("" = the document itself).
    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    /// The reason, without the path.
    [[nodiscard]] const Text& message() const noexcept { return message_; }
    /// "path: reason" in the language asked for.
    [[nodiscard]] std::string describe(Lang lang) const {
        if (lang == Lang::both)
            return compose(path_, message_.zh) + "\n" + compose(path_, message_.en);
        return compose(path_, message_.in(lang));
    }

    /// Index of the lifecycle event at fault, or -1: set on every error of a history's event (a
    /// forbidden transition, or bad data under `/events/<i>/`).
    long event_index = -1;
    /// The type of the event a forbidden transition refused ("designated"), or "" for other errors.
    std::string event_type;
    /// The articles a forbidden transition breaks ("art8", "art9"; none for dates running backwards).
    std::vector<std::string> articles;

    /// When the path lies under `/events/<i>` and no event index is set yet, set it to `i`.
    void index_event_from_path() noexcept {
        constexpr std::string_view prefix = "/events/";
        if (event_index >= 0 || path_.compare(0, prefix.size(), prefix) != 0) return;
        long i = 0;
        std::size_t k = prefix.size();
        if (k >= path_.size()) return;
        for (; k < path_.size() && path_[k] != '/'; ++k) {
            if (path_[k] < '0' || path_[k] > '9' || i > 100000000L) return;
            i = i * 10 + (path_[k] - '0');
        }
        event_index = i;
    }

private:
    // The path is the exact JSON Pointer (path()); shown to a person, its keys are made printable.
    static std::string compose(const std::string& path, const std::string& msg) {
        return (path.empty() ? std::string("(document)") : printable(path)) + ": " + msg;
    }
    ErrorCode code_;
    std::string path_;
    Text message_;
};

} // namespace shifan
