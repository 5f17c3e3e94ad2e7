// CSV application sheets in the CLI: what csv_command.cpp (template, convert) and
// batch_command.cpp (evaluate --csv) share.
#pragma once

#include "batch_cli.hpp"
#include "common.hpp"

#include "shifan/io/csv.hpp"

#include <string>
#include <vector>

namespace shifan::cli {

/// Parse the value of --encoding (detect, utf-8, gb18030).
/// @throws UsageError for any other value
CsvEncoding parse_encoding(const std::string& value);

/// Read a CSV application sheet ("-" = standard input) into its rows.
/// @throws FileError when the file cannot be read; Error (naming the file) for a fault of the whole file
std::vector<CsvRow> read_csv_option(const std::string& path, CsvEncoding encoding, const json::Limits& limits);

/// Every bad cell of `rows` on stderr, one line per cell and language: "WHO: row 7: C7 (header): reason [pointer]".
void report_bad_rows(const std::string& who, const std::vector<CsvRow>& rows, Lang lang);

/// `shifan evaluate --csv FILE`: one result per row, as --batch writes them (a bad row gives its
/// {"row": N, "errors": [...]} line), the summary on stderr.
/// @return exit_ok, or exit_bad_input when a row was not a valid application.
int run_evaluate_csv(const BatchRun& run, CsvEncoding encoding);

int run_template(int argc, char** argv);
int run_convert(int argc, char** argv);

} // namespace shifan::cli
