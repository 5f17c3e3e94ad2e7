/// @file
/// @ingroup io
/// @brief Applications as spreadsheet rows (compiled in shifan::io): the CSV application template
/// generated from the registry's input table, and the reader that turns a CSV sheet into
/// `shifan.application/1` documents, one per row, every bad cell an error naming the cell
/// (docs/specification.md, "Applications as CSV").
///
/// The reader uses libcsv (RFC 4180) for the records and iconv for GB18030; a row's values are
/// checked by the very reader of `shifan.application/1`, so a cell is accepted exactly when the
/// same value in JSON would be.
#pragma once

#include "shifan/core/error.hpp"
#include "shifan/core/limits.hpp"
#include "shifan/core/text.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shifan {

/// What a column of the application sheet holds, and so how its cells are read.
enum class CsvKind : std::uint8_t {
    text,              ///< free text (id, name, credit code, county)
    year,              ///< a year (the review year)
    date,              ///< a date: 2025-04-15, 2025/4/15 or 2025年4月15日
    boolean,           ///< 是/否, yes/no, true/false, 1/0
    count,             ///< a non-negative integer
    money,             ///< an amount in yuan, at most two decimals
    percent,           ///< a percentage 0–100, at most two decimals ("88.5" or "88.5%")
    organization_type, ///< a kind of organisation: its name in `shifan.application/1` or the measures' words (社会中介机构)
    functions,         ///< the functions claimed, a list (信息服务、培训服务 or information;training)
    materials,         ///< the materials submitted, a list of their names ("无" / "none": none)
};

/// One column of the application sheet.
struct CsvColumn {
    /// Its field id: the JSON Pointer of the value in `shifan.application/1`. A count keyed by
    /// year reads `/performance/smes_served/2024`, or `/performance/smes_served/{Y-1}` for the
    /// year before each row's review year.
    std::string id;
    Text header;                  ///< its header in words, with its unit: "资产总额（元）" / "total assets (CNY)"
    CsvKind kind = CsvKind::text; ///< what its cells hold
    bool input = false;           ///< an input of the registry (else one of the application's own fields)
};

/// The columns of the application sheet: the application's own fields (id, review year,
/// reference date, name, credit code, county, functions claimed, materials), then every input of
/// the registry in the registry's order; a count keyed by year gets one column per year the
/// rules read.
/// @param review_year the review year whose years the year-keyed columns name; none: the columns
///        name years relative to each row's review year (`{Y-1}`)
/// @returns the columns, in sheet order
std::vector<CsvColumn> csv_columns(std::optional<int> review_year = std::nullopt);

/// The empty application sheet as CSV text: UTF-8 with a byte order mark (so that spreadsheet
/// programs read it as UTF-8), CRLF line ends, row 1 the headers in words (`lang`: zh or en; both
/// gives zh), row 2 the field ids.
/// @param lang        the language of the headers
/// @param review_year as for csv_columns()
/// @returns the CSV text
std::string csv_template(Lang lang, std::optional<int> review_year = std::nullopt);

/// The character encoding of a CSV file.
enum class CsvEncoding : std::uint8_t {
    detect,  ///< UTF-8 (with or without a byte order mark) when the bytes are valid UTF-8, else GB18030
    utf8,    ///< UTF-8, with or without a byte order mark
    gb18030, ///< GB18030 (and so GBK and GB2312): what spreadsheet programs write on Chinese Windows
};

/// Options of import_csv().
struct CsvImportOptions {
    CsvEncoding encoding = CsvEncoding::detect; ///< the file's encoding
    json::Limits limits{};                     ///< limits: the file's size (max_document_bytes) and each row's document
};

/// A bad cell of a row (or, with an empty `cell`, a fault of the row as a whole).
struct CsvCellError {
    std::string cell;     ///< the cell's name as a spreadsheet shows it ("C7"); empty for the row
    std::size_t column = 0; ///< the column's number (1 = A); 0 for the row
    Text header;          ///< the column's header in words (zh, en); empty for the row
    Error error;          ///< the code, the JSON Pointer of the field and the reason in zh and en
};

/// One application row of a sheet.
struct CsvRow {
    std::size_t row = 0;              ///< the row's number as a spreadsheet shows it (1 = the first line)
    std::string document;             ///< the application as `shifan.application/1` JSON (when `errors` is empty)
    std::vector<CsvCellError> errors; ///< every bad cell of the row; empty when the row is good
    /// Whether the row is a valid application.
    [[nodiscard]] bool ok() const { return errors.empty(); }
};

/// Read a CSV application sheet: the header rows (the template's words row and id row, or only
/// one of them), then one application per row; rows whose cells are all empty are skipped. An
/// empty cell is an absent input. A bad row never stops the others: its cells' errors are in its
/// CsvRow.
/// @param text    the file's bytes
/// @param options encoding and limits
/// @returns one CsvRow per non-empty data row, in sheet order
/// @throws Error for a fault of the file as a whole: bytes that are not text in the encoding,
///         malformed CSV (a quote left open), no header row, a column that is not an input of the
///         sheet or appears twice, a file over the size limit.
std::vector<CsvRow> import_csv(std::string_view text, const CsvImportOptions& options = {});

/// Append one CSV field (RFC 4180): as it is, or in double quotes (inner quotes doubled) when it
/// holds a comma, a quote or a line break.
/// @param out   the string appended to
/// @param field the field's text
void append_csv_field(std::string& out, std::string_view field);

/// Append one row as an NDJSON line (without the newline): its document, or
/// `{"row": 7, "errors": [{"cell": "C7", "column": 3, "header": {"zh", "en"}, "code", "code_number",
/// "path", "message": {"zh", "en"}}]}` for a bad row.
/// @param out the string appended to
/// @param row the row
void write_csv_row(std::string& out, const CsvRow& row);

/// A bad cell for a person: "C7（资产总额（元））：reason" in `lang` (both: zh, a newline, en).
/// @param e    the error
/// @param lang the language
/// @returns the text (made printable)
std::string describe(const CsvCellError& e, Lang lang);

} // namespace shifan
