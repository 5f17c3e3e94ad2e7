// Spreadsheets out (`--xlsx FILE`, `--csv-out FILE`): the tables of evaluations, rosters and
// comparisons as rows of typed cells, built in one place (sheet_tables.cpp), and two thin writers
// over them: an Excel workbook through libxlsxwriter (sheet_xlsx.cpp) and CSV (sheet_csv.cpp).
// The writers know no rule, no evaluation and no roster: only tables, columns and cells.
#pragma once

#include "common.hpp"
#include "shifan/shifan.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shifan::cli::sheet {

/// What a cell holds. Numbers stay numbers: money and percentages are exact integers here and
/// become a number with a format in the workbook ("0.00", "0.00%"), dates a date.
enum class Kind : std::uint8_t {
    empty,   ///< nothing
    text,    ///< `text`
    integer, ///< `value`: a count, a year, a number of days
    money,   ///< `value`: fen (shown as yuan with two decimals)
    percent, ///< `value`: hundredths of a percent (85.83% is 8583)
    date,    ///< `value`: the day number of shifan::Date (days since 1970-01-01)
};

/// One cell.
struct Cell {
    Kind kind = Kind::empty; ///< what it holds
    std::int64_t value = 0;  ///< the number (see Kind)
    std::string text;        ///< the text (Kind::text)

    static Cell of_text(std::string s) { return Cell{Kind::text, 0, std::move(s)}; }
    static Cell of_integer(std::int64_t v) { return Cell{Kind::integer, v, {}}; }
    static Cell of_money(std::int64_t fen) { return Cell{Kind::money, fen, {}}; }
    static Cell of_percent(std::int64_t hundredths) { return Cell{Kind::percent, hundredths, {}}; }
    static Cell of_date(Date d) { return Cell{Kind::date, d.serial(), {}}; }
    /// A check's figure: count and days as integers, money, percent and dates typed; absent empty.
    static Cell of_quantity(const Quantity& q);
};

/// A column: its header and its width in characters.
struct Column {
    std::string header; ///< the header cell (row 1)
    double width = 12;  ///< width in characters (a CJK character counts about two)
};

/// One sheet: a header row, then the rows (each as long as `columns`).
struct Table {
    std::string name;                   ///< sheet name (at most 31 characters, none of []:*?/\)
    std::vector<Column> columns;        ///< the header row
    std::vector<std::vector<Cell>> rows; ///< the rows
};

/// A workbook: its sheets in order. The first one is the main table (what --csv-out writes).
struct Book {
    std::string title;         ///< the workbook's title (document properties)
    std::vector<Table> tables; ///< the sheets
};

/// The results of `shifan evaluate`, gathered application by application, then laid out as the
/// results workbook: one row per application (or per input that could not be evaluated), the
/// failing or undetermined checks as columns, and a sheet with the rule pack and the readings.
class EvaluationTables {
public:
    /// Add one evaluated application; `source` names where it came from (a file, "第 3 行" / "line 3").
    void add(const Application& app, const Evaluation& e, const Text& source);
    /// Add an input that could not be evaluated: its row says so, with the error.
    void add_error(const Text& source, const Error& e);
    /// Add an input that could not be read or evaluated, with what is wrong (a file's error, a
    /// CSV row's bad cells).
    void add_error(const Text& source, const Text& message);
    /// Rows gathered so far.
    [[nodiscard]] std::size_t size() const { return rows_.size(); }
    /// The workbook in `lang` (Lang::en: English; otherwise Chinese), with the rule pack and the
    /// readings of the engine that evaluated.
    [[nodiscard]] Book book(Lang lang, const RulePack& pack, const Interpretations& readings) const;

private:
    struct Row {
        Text source;
        std::string id, name, county;
        bool error = false;
        Text error_message;
        int review_year = 0;
        Date reference_date{};
        Verdict verdict = Verdict::undetermined;
        std::uint8_t functions = 0;
        InputSet missing = 0;
        bool dossier_known = false;
        std::uint16_t missing_materials = 0;
        Text summary;
        std::vector<std::uint8_t> states;     ///< every rule's Outcome, or 4 when not claimed; registry order
        std::vector<std::pair<RuleId, Check>> open; ///< the leaf checks that failed or are undetermined
    };
    std::vector<Row> rows_;
};

/// The roster workbook: platforms, terms, obligations and overdue filings.
[[nodiscard]] Book roster_book(const Roster& r, Lang lang);

/// The comparison workbook: what differs, counts, rules and the changed applications.
[[nodiscard]] Book comparison_book(const Comparison& c, Lang lang);

/// Write `book` as an Excel workbook (.xlsx) to `path`.
/// @throws FileError (exit_io) when it cannot be written
void write_xlsx(const Book& book, const std::string& path);

/// The table as CSV: UTF-8 with a byte order mark, RFC 4180 (CRLF, fields with a comma, quote or
/// line break quoted, quotes doubled); numbers plain, money with two decimals, percentages with
/// "%", dates YYYY-MM-DD. A text that a spreadsheet would take for a formula (=, +, -, @ first)
/// is written with a leading apostrophe.
[[nodiscard]] std::string csv_of(const Table& table);

/// Write the main table (`book.tables.front()`) as CSV to `path` ("-": standard output).
/// @throws FileError (exit_io) when it cannot be written
void write_csv(const Book& book, const std::string& path);

/// A command's --xlsx FILE and --csv-out FILE: what was asked for, and writing both from one Book.
struct Outputs {
    std::string xlsx; ///< --xlsx (empty: none)
    std::string csv;  ///< --csv-out (empty: none; "-": standard output, instead of the usual output)
    Lang lang = Lang::zh; ///< the words of the sheets (Lang::en: English, else Chinese)

    /// Add the two options to `parser`.
    void add_to(Parser& parser) {
        parser.option("--xlsx", xlsx);
        parser.option("--csv-out", csv);
    }
    /// After parsing: a workbook is no text for a terminal, so --xlsx takes a file name.
    /// @throws UsageError for `--xlsx -` or an option given an empty name
    void check(const Parser& parser) const {
        if (xlsx == "-")
            throw UsageError(Text{"--xlsx 须给出文件名（工作簿不能写到标准输出）",
                                  "--xlsx takes a file name (a workbook is not written to standard output)"});
        for (const char* name : {"--xlsx", "--csv-out"})
            if (parser.given(name) && (std::string_view(name) == "--xlsx" ? xlsx : csv).empty())
                throw UsageError(Text{std::string(name) + " 须给出文件名", std::string(name) + " takes a file name"});
    }
    /// Whether a spreadsheet is asked for.
    [[nodiscard]] bool wanted() const { return !xlsx.empty() || !csv.empty(); }
    /// Whether the CSV goes to standard output (which then carries nothing else).
    [[nodiscard]] bool csv_on_stdout() const { return csv == "-"; }
    /// Write what was asked for.
    /// @throws FileError (exit_io) when a file cannot be written
    void write(const Book& book) const {
        if (!xlsx.empty()) write_xlsx(book, xlsx);
        if (!csv.empty()) write_csv(book, csv);
    }
};

} // namespace shifan::cli::sheet
