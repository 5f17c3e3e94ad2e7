// The workbook writer of `--xlsx FILE`: a Book (sheet.hpp) as an Excel .xlsx file, written by
// libxlsxwriter (Debian: libxlsxwriter-dev), which the CLI alone links. Every sheet has a bold
// header row that stays in view (frozen), set column widths and an autofilter; numbers are numbers
// (money "#,##0.00", percentages "0.00%"), dates are dates ("yyyy-mm-dd"). Printed, a sheet is A4
// landscape at 75% with its grid and the header row on every page.
#include "common.hpp"
#include "sheet.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace shifan::cli::sheet {

namespace {

/// Excel's limit on the characters of one cell.
constexpr std::size_t max_cell_chars = 32767;

/// `s` cut to Excel's limit of a cell, at a character boundary (UTF-8).
std::string cell_text(const std::string& s) {
    if (s.size() <= max_cell_chars) return s; // bytes >= characters
    std::size_t chars = 0, at = 0;
    while (at < s.size() && chars < max_cell_chars) {
        ++at;
        while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0u) == 0x80u) ++at;
        ++chars;
    }
    return s.substr(0, at);
}

/// Display width of a header in character cells (a CJK character takes two).
double display_width(const std::string& s) {
    double width = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0u) == 0x80u) continue;
        width += b >= 0xE0u ? 2 : 1;
    }
    return width;
}

/// A cell format of `wb`: top-aligned, with the number format `num_format` (none: General).
lxw_format* cell_format(lxw_workbook* wb, const char* num_format) {
    lxw_format* f = workbook_add_format(wb);
    if (num_format != nullptr) format_set_num_format(f, num_format);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

/// The header row's format: bold, wrapped, on a light blue ground, a line beneath.
lxw_format* header_format(lxw_workbook* wb) {
    lxw_format* f = cell_format(wb, nullptr);
    format_set_bold(f);
    format_set_text_wrap(f);
    format_set_bg_color(f, 0xE7EEF7);
    format_set_bottom(f, LXW_BORDER_THIN);
    return f;
}

/// The formats of one workbook.
struct Formats {
    explicit Formats(lxw_workbook* wb)
        : header(header_format(wb)), text(cell_format(wb, nullptr)), integer(cell_format(wb, "0")),
          money(cell_format(wb, "#,##0.00")), percent(cell_format(wb, "0.00%")), date(cell_format(wb, "yyyy-mm-dd")) {}
    lxw_format* header;
    lxw_format* text;
    lxw_format* integer;
    lxw_format* money;
    lxw_format* percent;
    lxw_format* date;
};

/// Write one cell; the libxlsxwriter error, if any.
lxw_error write_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& c, const Formats& f) {
    switch (c.kind) {
    case Kind::empty: return LXW_NO_ERROR;
    case Kind::text: return worksheet_write_string(ws, row, col, cell_text(c.text).c_str(), f.text);
    case Kind::integer: return worksheet_write_number(ws, row, col, static_cast<double>(c.value), f.integer);
    case Kind::money: return worksheet_write_number(ws, row, col, static_cast<double>(c.value) / 100.0, f.money);
    case Kind::percent: return worksheet_write_number(ws, row, col, static_cast<double>(c.value) / 10000.0, f.percent);
    case Kind::date: {
        const Date d = Date::from_serial(static_cast<long>(c.value));
        lxw_datetime dt{d.year(), static_cast<int>(d.month()), static_cast<int>(d.day()), 0, 0, 0.0};
        return worksheet_write_datetime(ws, row, col, &dt, f.date);
    }
    }
    return LXW_NO_ERROR;
}

[[noreturn]] void xlsx_failure(const std::string& path, lxw_error error) {
    const int e = errno;
    if (error == LXW_ERROR_CREATING_XLSX_FILE && e != 0) output_failure(path, e);
    const std::string shown = printable(path);
    const std::string reason = lxw_strerror(error);
    throw FileError(Text{"无法写入 " + shown + "：" + reason, "cannot write " + shown + ": " + reason}, exit_io);
}

} // namespace

void write_xlsx(const Book& book, const std::string& path) {
    // The file is opened here first, so that a path that cannot be written is reported once, in
    // the house's words (libxlsxwriter would print its own message on stderr as well).
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) output_failure(path, errno);
    (void)::close(fd); // nothing written yet: nothing to lose
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE; // rows go to a temporary file as they are written (half the memory)
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (wb == nullptr) output_failure(path, errno != 0 ? errno : ENOMEM);
    const Formats f(wb);
    std::string title = book.title, creator = "shifan " SHIFAN_VERSION_STRING;
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.comments = creator.data();
    lxw_error error = workbook_set_properties(wb, &properties);
    for (const Table& t : book.tables) {
        if (error != LXW_NO_ERROR) break;
        lxw_worksheet* ws = workbook_add_worksheet(wb, t.name.c_str());
        if (ws == nullptr) { error = LXW_ERROR_SHEETNAME_ALREADY_USED; break; }
        const auto last_col = static_cast<lxw_col_t>(t.columns.empty() ? 0 : t.columns.size() - 1);
        double lines = 1;
        for (std::size_t col = 0; col < t.columns.size() && error == LXW_NO_ERROR; ++col) {
            const Column& c = t.columns[col];
            error = worksheet_set_column(ws, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), c.width, nullptr);
            if (error == LXW_NO_ERROR)
                error = worksheet_write_string(ws, 0, static_cast<lxw_col_t>(col), cell_text(c.header).c_str(), f.header);
            lines = std::max(lines, std::ceil(display_width(c.header) / std::max(1.0, c.width - 1)));
        }
        if (error == LXW_NO_ERROR) error = worksheet_set_row(ws, 0, 15.0 * std::min(lines, 3.0), f.header);
        if (t.rows.size() + 1 > LXW_ROW_MAX) {
            (void)workbook_close(wb);
            (void)std::remove(path.c_str());
            const std::string shown = printable(path);
            throw FileError(Text{"无法写入 " + shown + "：一张工作表至多 1048575 行，而有 " + std::to_string(t.rows.size()) + " 行",
                                 "cannot write " + shown + ": a worksheet holds at most 1048575 rows, not " +
                                     std::to_string(t.rows.size())},
                            exit_io);
        }
        for (std::size_t r = 0; r < t.rows.size() && error == LXW_NO_ERROR; ++r) {
            const auto& cells = t.rows[r];
            for (std::size_t col = 0; col < cells.size() && error == LXW_NO_ERROR; ++col)
                error = write_cell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(col), cells[col], f);
        }
        if (error != LXW_NO_ERROR) break;
        worksheet_freeze_panes(ws, 1, 0);
        // Printed: A4 landscape at 75%, the header row on every page, the grid drawn.
        worksheet_set_landscape(ws);
        worksheet_set_paper(ws, 9);
        worksheet_set_print_scale(ws, 75);
        worksheet_gridlines(ws, LXW_SHOW_ALL_GRIDLINES);
        error = worksheet_repeat_rows(ws, 0, 0);
        if (error != LXW_NO_ERROR) break;
        error = worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()), last_col);
    }
    if (error != LXW_NO_ERROR) {
        (void)workbook_close(wb); // frees the workbook; the file it may leave is incomplete
        (void)std::remove(path.c_str());
        xlsx_failure(path, error);
    }
    errno = 0;
    error = workbook_close(wb);
    if (error != LXW_NO_ERROR) xlsx_failure(path, error);
}

} // namespace shifan::cli::sheet
