// Shared pieces of the CLI: exit codes, reading inputs, option parsing.
#pragma once

#include "shifan/shifan.hpp"

// Internal headers of shifan::io (src/core) the CLI reads documents with.
#include "application_json.hpp"
#include "json/tape.hpp"

#include <array>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace shifan::cli {

/// Exit codes (sysexits-style for usage).
enum Exit : int {
    exit_ok = 0,        ///< ran (whatever the verdict)
    exit_failed = 1,    ///< `verify`: a case failed
    exit_bad_input = 2, ///< bad input: the error is on stderr
    exit_usage = 64,    ///< bad usage
};

/// A usage error: printed with the command's usage, exit 64.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Read a file ("-" = standard input) as bytes.
/// @throws Error (usage) if it cannot be read.
std::string read_input(const std::string& path);

/// Read at most `max_bytes` + 1 bytes of a file ("-" = standard input): enough for the parser to
/// report a document over `json::Limits::max_document_bytes` without reading all of a huge file.
/// @throws Error (usage) if it cannot be read.
std::string read_input(const std::string& path, std::size_t max_bytes);

/// The options that set input limits (`json::Limits`), each taking a positive integer:
/// --max-document-bytes, --max-depth, --max-array-length, --max-string-bytes.
inline constexpr std::array<std::string_view, 4> limit_options = {"--max-document-bytes", "--max-depth",
                                                                  "--max-array-length", "--max-string-bytes"};

/// Apply one of `limit_options`; false when `name` is not one of them.
/// @throws UsageError when the value is not a positive integer.
bool set_limit_option(const std::string& name, const std::string& value, json::Limits& limits);

/// Parse "zh", "en" or "both".
Lang parse_lang(std::string_view s);

/// Parse a YYYY-MM-DD date given on the command line.
Date parse_cli_date(std::string_view s);

/// Today's date in the local calendar: the only place the system clock enters shifan.
Date today();

/// A small command-line parser: flags with and without values, and positional arguments.
class Args {
public:
    Args(int argc, char** argv, int first);
    /// Next option or positional; false when done. `name` is "--x" for options, "" for positionals.
    bool next(std::string& name, std::string& value, const std::vector<std::string>& with_value);

private:
    std::vector<std::string> args_;
    std::size_t i_ = 0;
    bool only_positional_ = false;
};

/// Print an error in the chosen language to stderr.
void print_error(const Error& e, Lang lang, const std::string& source);

/// With --json: the error as one line `{"error": {...}}` on stderr (the object of the C ABI's
/// shifan_error_to_json, the batch lines and Python's Error.to_dict()).
void print_error_json(const Error& e);

/// `{"file": "...", "error": {...}}`: a failed document's entry in the array of several files (and
/// its line on stderr).
std::string error_entry_json(const std::string& file, const Error& e);

/// Whether the command line asks for JSON output (`--json` before any `--`).
bool wants_json(int argc, char** argv);

/// Files named on the command line; a directory stands for its *.json files (sorted).
std::vector<std::string> expand_paths(const std::vector<std::string>& paths);

int run_evaluate(int argc, char** argv);

} // namespace shifan::cli
