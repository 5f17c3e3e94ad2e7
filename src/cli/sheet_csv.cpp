// The CSV writer of `--csv-out FILE`: the main table of a Book (sheet.hpp) as CSV that Excel opens
// as it is meant: UTF-8 with a byte order mark, RFC 4180 quoting, CRLF line ends.
#include "common.hpp"
#include "sheet.hpp"

#include "shifan/io/csv.hpp"

#include "format.hpp"

#include <iostream>
#include <string>

namespace shifan::cli::sheet {

namespace {

/// A cell as CSV text: numbers plain, money with two decimals, percentages with "%", dates
/// YYYY-MM-DD; a text a spreadsheet would read as a formula gets a leading apostrophe.
std::string field_of(const Cell& c) {
    std::string s;
    switch (c.kind) {
    case Kind::empty: break;
    case Kind::text:
        if (!c.text.empty() && (c.text[0] == '=' || c.text[0] == '+' || c.text[0] == '-' || c.text[0] == '@' ||
                                c.text[0] == '\t' || c.text[0] == '\r'))
            s += '\'';
        s += c.text;
        break;
    case Kind::integer: format::append_count(s, c.value); break;
    case Kind::money: append_hundredths(s, c.value); break;
    case Kind::percent: append_hundredths(s, c.value); s += '%'; break;
    case Kind::date: format::append_date(s, Date::from_serial(static_cast<long>(c.value))); break;
    }
    return s;
}

} // namespace

std::string csv_of(const Table& table) {
    std::string out = "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (i) out += ',';
        append_csv_field(out, table.columns[i].header);
    }
    out += "\r\n";
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out += ',';
            append_csv_field(out, field_of(row[i]));
        }
        out += "\r\n";
    }
    return out;
}

void write_csv(const Book& book, const std::string& path) {
    const std::string text = book.tables.empty() ? std::string("\xEF\xBB\xBF") : csv_of(book.tables.front());
    if (path == "-") std::cout << text;
    else write_file(path, text);
}

} // namespace shifan::cli::sheet
