// shifan evaluate --batch FILE.ndjson|- : streaming NDJSON evaluation on all cores.
//
// Not a subcommand of its own: `shifan evaluate` hands over here when --batch is given. Reads one
// shifan.application/1 document per line and writes one result per line, in input order:
// the shifan.evaluation/1 object, or {"line": N, "error": {...}} for a line that is not a valid
// application (the others go on). Blank lines are skipped (their numbers still count). Memory is
// flat whatever the input size: lines are read in windows (at most 1024 lines or 4 MiB), a
// window is evaluated by the BatchEvaluator pool while the previous window's results are written
// and the next window is read, and only two windows are ever held. A summary (counts by verdict,
// by qualified function, errors) goes to stderr at the end, and a progress line while stderr is
// a terminal.
#include "batch_cli.hpp"
#include "csv_cli.hpp"
#include "ndjson_lines.hpp"

#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace shifan::cli {

namespace {

struct Summary {
    std::size_t total = 0, errors = 0;
    std::array<std::size_t, 3> by_verdict{};
    std::array<std::size_t, function_count> by_function{};
    std::array<std::size_t, 32> by_error{};

    void add(const BatchItem& item) {
        ++total;
        if (item.status != 0) {
            ++errors;
            ++by_error[static_cast<std::size_t>(item.status) % by_error.size()];
            return;
        }
        ++by_verdict[static_cast<std::size_t>(item.verdict)];
        for (std::size_t f = 0; f < function_count; ++f)
            if ((item.qualified_functions >> f) & 1u) ++by_function[f];
    }

    void print(std::ostream& os, Lang lang) const {
        const auto n = [](std::size_t v) { return std::to_string(v); };
        if (lang != Lang::en) {
            os << "批量评审：共 " << n(total) << " 份申请，符合认定条件 " << n(by_verdict[0]) << " 份，不符合 "
               << n(by_verdict[1]) << " 份，暂无法判定 " << n(by_verdict[2]) << " 份，输入错误 " << n(errors) << " 份";
            os << "；满足的功能：";
            for (std::size_t f = 0; f < function_count; ++f)
                os << (f ? "、" : "") << function_name(static_cast<Function>(f)).zh << " " << n(by_function[f]);
            print_errors(os);
            os << "\n";
        }
        if (lang != Lang::zh) {
            os << "batch: " << n(total) << (total == 1 ? " application: " : " applications: ") << n(by_verdict[0])
               << " eligible, " << n(by_verdict[1]) << " ineligible, " << n(by_verdict[2]) << " undetermined, "
               << n(errors) << (errors == 1 ? " error" : " errors");
            os << "; qualified functions:";
            for (std::size_t f = 0; f < function_count; ++f)
                os << (f ? ", " : " ") << json::enum_name(static_cast<Function>(f)) << " " << n(by_function[f]);
            print_errors(os);
            os << "\n";
        }
    }

private:
    void print_errors(std::ostream& os) const {
        if (!errors) return;
        os << " (";
        bool first = true;
        for (std::size_t c = 0; c < by_error.size(); ++c)
            if (by_error[c]) {
                os << (first ? "" : ", ") << error_code_name(static_cast<ErrorCode>(c)) << " " << by_error[c];
                first = false;
            }
        os << ")";
    }
};

/// A progress line on a terminal, every 8192 applications (no clock: the CLI reads none but
/// today()).
class Progress {
public:
    Progress() : enabled_(::isatty(STDERR_FILENO) == 1) {}
    void update(std::size_t done) {
        if (!enabled_ || done / 8192 == shown_ / 8192) return;
        shown_ = done;
        // A progress line that fails to show is no reason to stop.
        (void)std::fprintf(stderr, "\rshifan: %zu applications", done);
        (void)std::fflush(stderr);
    }
    void finish() {
        if (enabled_ && shown_) (void)std::fputs("\r\033[K", stderr);
    }

private:
    bool enabled_;
    std::size_t shown_ = 0;
};

/// --xlsx/--csv-out: the window's lines into the tables, read and evaluated again here (the pool
/// gives JSON text; evaluating once more costs far less than reading the line did).
void add_to_tables(const Window& w, const BatchRun& run, json::Tape& tape, Application& app, Evaluation& evaluation) {
    for (std::size_t i = 0; i < w.docs.size(); ++i) {
        const std::string n = std::to_string(w.line_numbers[i]);
        const Text source{"第 " + n + " 行", "line " + n};
        try {
            parse_application(tape, w.docs[i], app, run.limits);
            run.engine.evaluate(app, evaluation);
            run.tables->add(app, evaluation, source);
        } catch (const Error& e) {
            run.tables->add_error(source, e);
        }
    }
}

void write_window(const Window& w, Summary& summary, bool quiet) {
    for (std::size_t i = 0; i < w.docs.size(); ++i) {
        const BatchItem& item = w.items[i];
        summary.add(item);
        if (quiet) continue;
        if (item.status == 0) {
            (void)std::fwrite(item.json.data(), 1, item.json.size(), stdout); // failures: ferror(stdout), checked at the end
        } else {
            // {"error": {...}} becomes {"line": N, "error": {...}}
            const std::string head = "{\"line\":" + std::to_string(w.line_numbers[i]) + ",";
            (void)std::fwrite(head.data(), 1, head.size(), stdout);
            (void)std::fwrite(item.json.data() + 1, 1, item.json.size() - 1, stdout);
        }
        (void)std::fputc('\n', stdout);
    }
}

} // namespace

int run_evaluate_batch(const BatchRun& run) {
    std::FILE* in = stdin;
    if (run.input != "-") {
        in = std::fopen(run.input.c_str(), "rb");
        if (!in) input_failure(run.input, errno);
    }
    BatchOptions options;
    options.jobs = run.jobs;
    options.write = run.write;
    options.limits = run.limits;
    BatchEvaluator pool(run.engine, options);
    static char out_buffer[1 << 16];
    (void)std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer); // on failure: the default buffer, only slower
    // Enough of an over-long line to be rejected by the document-size limit, and no more.
    LineSource source(in, run.limits.max_document_bytes + 1);
    Summary summary;
    Progress progress;
    // Two windows, used in turn (never moved: the pool holds views into them).
    std::array<Window, 2> windows;
    json::Tape tape;
    auto app = std::make_unique<Application>();
    auto evaluation = std::make_unique<Evaluation>();
    std::size_t cur = 0;
    source.fill(windows[cur]);
    if (!windows[cur].empty()) pool.start(windows[cur].docs, windows[cur].items);
    while (!windows[cur].empty()) {
        const Window& current = windows[cur];
        Window& next = windows[1 - cur];
        source.fill(next);  // read while the pool evaluates `current`
        pool.wait();        // then help finish it
        if (!next.empty()) pool.start(next.docs, next.items);
        if (run.tables) add_to_tables(current, run, tape, *app, *evaluation);
        write_window(current, summary, run.quiet); // write while the pool evaluates `next`
        progress.update(summary.total);
        cur = 1 - cur;
    }
    progress.finish();
    const bool read_failed = source.read_error();
    const int read_errno = errno;
    if (in != stdin) (void)std::fclose(in); // read-only: nothing to lose
    errno = 0;
    const bool write_failed = std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
    const int write_errno = errno;
    summary.print(std::cerr, run.lang);
    if (read_failed) input_failure(run.input, read_errno);
    if (write_failed) output_failure("standard output", write_errno);
    return summary.errors ? exit_bad_input : exit_ok;
}

namespace {

/// --xlsx/--csv-out: the sheet's rows into the tables, in sheet order: each good row read and
/// evaluated once more (as under --batch), a bad row with its bad cells.
void add_csv_rows(const std::vector<CsvRow>& rows, const BatchRun& run) {
    json::Tape tape;
    auto app = std::make_unique<Application>();
    auto evaluation = std::make_unique<Evaluation>();
    for (const CsvRow& row : rows) {
        const std::string n = std::to_string(row.row);
        const Text source{"表格第 " + n + " 行", "sheet row " + n};
        if (!row.ok()) {
            Text cells;
            for (const CsvCellError& e : row.errors) {
                if (!cells.zh.empty()) { cells.zh += "；"; cells.en += "; "; }
                cells.zh += describe(e, Lang::zh);
                cells.en += describe(e, Lang::en);
            }
            run.tables->add_error(source, cells);
            continue;
        }
        try {
            parse_application(tape, row.document, *app, run.limits);
            run.engine.evaluate(*app, *evaluation);
            run.tables->add(*app, *evaluation, source);
        } catch (const Error& e) {
            run.tables->add_error(source, e);
        }
    }
}

} // namespace

int run_evaluate_csv(const BatchRun& run, CsvEncoding encoding) {
    const std::vector<CsvRow> rows = read_csv_option(run.input, encoding, run.limits);
    std::vector<std::string_view> docs;
    for (const CsvRow& row : rows)
        if (row.ok()) docs.emplace_back(row.document);
    BatchOptions options;
    options.jobs = run.jobs;
    options.write = run.write;
    options.limits = run.limits;
    const std::vector<BatchItem> items = evaluate_batch(run.engine, docs, options);
    Summary summary;
    std::string line;
    std::size_t next = 0;
    for (const CsvRow& row : rows) {
        line.clear();
        if (row.ok()) {
            const BatchItem& item = items[next++];
            summary.add(item);
            if (item.status == 0) {
                line = item.json;
            } else { // a row the reader took but the evaluation refused: {"row": N, "error": {...}}
                line = "{\"row\":" + std::to_string(row.row) + ",";
                line.append(item.json, 1);
            }
        } else {
            BatchItem failed;
            failed.status = static_cast<int>(row.errors.front().error.code());
            summary.add(failed);
            write_csv_row(line, row);
        }
        line += '\n';
        if (!run.quiet) (void)std::fwrite(line.data(), 1, line.size(), stdout); // failures: ferror(stdout), checked by main
    }
    if (run.tables) add_csv_rows(rows, run);
    report_bad_rows("shifan evaluate", rows, run.lang);
    summary.print(std::cerr, run.lang);
    return summary.errors ? exit_bad_input : exit_ok;
}

} // namespace shifan::cli
