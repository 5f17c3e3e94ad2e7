// Shared pieces of the CLI: exit codes, reading inputs, option parsing.
#pragma once

#include "shifan/shifan.hpp"

// Internal headers of shifan::io (src/core) the CLI reads documents with.
#include "application_json.hpp"
#include "json/tape.hpp"

#include <array>
#include <functional>
#include <memory>
#include <stdexcept>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

namespace shifan::cli {

/// Exit codes (sysexits-style for usage).
enum Exit : int {
    exit_ok = 0,        ///< ran (whatever the verdict)
    exit_failed = 1,    ///< `verify`: a case failed
    exit_bad_input = 2, ///< bad input, or an input that cannot be read: the error is on stderr
    exit_usage = 64,    ///< bad usage
    exit_io = 74,       ///< the output could not be written (disk full, closed pipe, ...)
};

/// A file that cannot be read (exit 2) or an output that cannot be written (exit 74): the
/// message names the path and the system's reason.
struct FileError : std::runtime_error {
    FileError(Text text, int exit_code)
        : std::runtime_error(text.en), message(std::move(text)), exit(exit_code) {}
    Text message; ///< "cannot read PATH: reason" in both languages
    int exit;     ///< exit_bad_input or exit_io
};

/// The FileError of an input `path` that cannot be read, with the reason `errno_value`.
[[noreturn]] void input_failure(const std::string& path, int errno_value, const char* what_zh = "无法读取",
                                const char* what_en = "cannot read");

/// The FileError of an output (`what`: a path, or "standard output") that could not be written.
[[noreturn]] void output_failure(const std::string& what, int errno_value);

/// Write `data` to the file `path` (replacing it), checking every write and the final close.
/// @throws FileError (exit_io) when any of it fails
void write_file(const std::string& path, std::string_view data);

/// Flush standard output and check that everything written to it arrived.
/// @throws FileError (exit_io) when some write or the flush failed
void finish_output();

/// A usage error: printed in the chosen language(s) with a pointer to the command's --help, exit 64.
struct UsageError : std::runtime_error {
    explicit UsageError(Text text) : std::runtime_error(text.en), message(std::move(text)) {}
    Text message; ///< what is wrong, in both languages
};

/// A command's help in both languages (the English one is what the man pages are made from).
struct HelpText {
    std::string zh; ///< 中文
    std::string en; ///< English
};

/// The language chosen on the command line, read before the options are parsed so that even a
/// usage error follows it.
struct CliLang {
    Lang lang = Lang::zh; ///< --lang, or zh
    bool given = false;   ///< --lang was given (with a valid value)
    /// Language of messages on stderr: the one asked for, else both.
    [[nodiscard]] Lang errors() const { return given ? lang : Lang::both; }
};

/// The --lang of a command line (`--lang X` or `--lang=X` before any `--`), from argv[first].
CliLang scan_lang(int argc, char** argv, int first = 2);

/// Print `help` on standard output in `lang` (zh by default; both: zh, a blank line, en).
void print_help(const HelpText& help, Lang lang);

/// A command's option parser (CLI11, compiled in common.cpp only) with the house conventions:
/// GNU-style long options (`--x v`, `--x=v`), `--` ends the options, an option given twice keeps its
/// last value, a flag takes no value, no built-in help (each command prints its own, in zh or en),
/// and an unknown option or a stray argument is a usage error.
class Parser {
public:
    Parser();
    ~Parser();
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
    /// An option with one value ("--name").
    void option(const std::string& name, std::string& value);
    /// A flag without a value ("--json", or "-v,--verbose").
    void flag(const std::string& names, bool& value);
    /// The positional arguments ("files"), or a repeatable option ("--interpretation"): every value
    /// kept, one per occurrence.
    void list(const std::string& name, std::vector<std::string>& values);
    /// Whether the option `name` was given (after `parse`).
    [[nodiscard]] bool given(const std::string& name) const;
    /// Parse argv[2..] (the command's own arguments). CLI11's errors become a UsageError.
    /// @return false when -h/--help was asked for: `help` has then been printed in the --lang given
    bool parse(int argc, char** argv, const HelpText& help);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// --rule-pack FILE, --interpretation NAME=VAL (repeatable), --lang and (unless `with_limits` is
/// false) the input limits: the options evaluate, verify and the lifecycle commands share.
struct CommonOptions {
    std::string pack_path;                     ///< --rule-pack
    std::vector<std::string> interpretations;  ///< --interpretation, in order
    std::string lang_text;                     ///< --lang as written
    bool lang_given = false;                   ///< --lang was given (set by `settle`)
    std::array<std::string, 4> limit_values;   ///< the input limits as written (`limit_options` order)
    json::Limits limits;                       ///< the input limits (set by `settle`)
    /// Add the options to `parser`.
    void add_to(Parser& parser, bool with_limits = true);
    /// After parsing: note which were given and check the limits.
    /// @throws UsageError when a limit is not a positive integer
    void settle(const Parser& parser);
    /// --lang, parsed (`fallback` when not given).
    /// @throws UsageError when it is not zh, en or both
    [[nodiscard]] Lang lang(Lang fallback = Lang::zh) const;
};



/// Read a file ("-" = standard input) as bytes.
/// @throws FileError (exit_bad_input) if it cannot be read (missing, unreadable, a directory, ...).
std::string read_input(const std::string& path);

/// Read at most `max_bytes` + 1 bytes of a file ("-" = standard input): enough for the parser to
/// report a document over `json::Limits::max_document_bytes` without reading all of a huge file.
/// @throws FileError (exit_bad_input) if it cannot be read (missing, unreadable, a directory, ...).
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

/// A message on stderr in the chosen language(s), Chinese first: "WHO: message" per language.
void print_message(const std::string& who, const Text& message, Lang lang);

/// Print an error in the chosen language to stderr.
void print_error(const Error& e, Lang lang, const std::string& source);

/// With --json: the error as one line `{"error": {...}}` on stderr (the object of the C ABI's
/// shifan_error_to_json, the batch lines and Python's Error.to_dict()).
void print_error_json(const Error& e);

/// `{"file": "...", "error": {...}}`: a failed document's entry in the array of several files (and
/// its line on stderr).
std::string error_entry_json(const std::string& file, const Error& e);

/// Report a document that failed: text on stderr; with --json one `{"error": ...}` line on stderr
/// and nothing on stdout, or, among several files, its `{"file", "error"}` entry in the array on
/// stdout (in input order, so no file is silently left out) and on stderr. `first` is the array's
/// "nothing written yet" flag.
void report_failed_document(const Error& e, const std::string& file, Lang lang, bool as_json, bool several,
                            bool& first);

/// Whether the command line asks for JSON output (`--json` before any `--`).
bool wants_json(int argc, char** argv);

/// Files named on the command line; a directory stands for its *.json files (sorted).
/// @throws FileError (exit_bad_input) for a directory that cannot be listed and for a *.json entry
///         that cannot be followed (a broken symlink, a symlink loop): never a silent empty list.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths);

int run_evaluate(int argc, char** argv);

} // namespace shifan::cli
