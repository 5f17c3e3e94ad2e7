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

#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace shifan::cli {

namespace {

constexpr std::size_t window_lines = 512;
constexpr std::size_t window_bytes = 4u << 20;
constexpr std::size_t read_block = 1u << 20;

/// Lines held for evaluation: their bytes, views into them, their line numbers, their results.
struct Window {
    std::string bytes;
    std::vector<std::size_t> offsets, sizes; // into bytes (views are made once the window is full)
    std::vector<std::string_view> docs;
    std::vector<std::size_t> line_numbers;
    std::vector<BatchItem> items;

    void clear() {
        bytes.clear();
        offsets.clear();
        sizes.clear();
        docs.clear();
        line_numbers.clear();
    }
    [[nodiscard]] bool empty() const { return offsets.empty(); }
    void seal() {
        docs.resize(offsets.size());
        for (std::size_t i = 0; i < offsets.size(); ++i) docs[i] = std::string_view(bytes).substr(offsets[i], sizes[i]);
        items.resize(docs.size()); // the items' strings keep their capacity from window to window
    }
};

/// Reads lines from a FILE in blocks. A line longer than `max_line` keeps only its first
/// `max_line` bytes (enough for the document-size limit to reject it) and the rest is skipped,
/// so one huge line cannot exhaust memory.
class LineSource {
public:
    LineSource(std::FILE* f, std::size_t max_line) : f_(f), max_line_(max_line) { block_.resize(read_block); }

    /// Fill `w` with up to window_lines non-blank lines; false at the end of the input (w empty).
    bool fill(Window& w) {
        w.clear();
        while (w.offsets.size() < window_lines && w.bytes.size() < window_bytes) {
            if (pos_ == len_ && !refill()) {
                if (!line_.empty() || in_line_) finish_line(w);
                break;
            }
            const char* start = block_.data() + pos_;
            const void* nl = std::memchr(start, '\n', len_ - pos_);
            const std::size_t take = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : len_ - pos_;
            if (line_.size() < max_line_) line_.append(start, std::min(take, max_line_ - line_.size()));
            in_line_ = true;
            pos_ += take;
            if (nl) {
                ++pos_;
                finish_line(w);
            }
        }
        w.seal();
        return !w.empty();
    }

    [[nodiscard]] bool read_error() const { return std::ferror(f_) != 0; }

private:
    bool refill() {
        if (eof_) return false;
        len_ = std::fread(block_.data(), 1, block_.size(), f_);
        pos_ = 0;
        if (len_ == 0) eof_ = true;
        return len_ != 0;
    }
    void finish_line(Window& w) {
        ++line_number_;
        in_line_ = false;
        std::string_view l = line_;
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        bool blank = true;
        for (char c : l)
            if (c != ' ' && c != '\t' && c != '\r') { blank = false; break; }
        if (!blank) {
            w.offsets.push_back(w.bytes.size());
            w.sizes.push_back(l.size());
            w.bytes.append(l);
            w.line_numbers.push_back(line_number_);
        }
        line_.clear();
    }

    std::FILE* f_;
    std::size_t max_line_;
    std::vector<char> block_;
    std::size_t pos_ = 0, len_ = 0;
    bool eof_ = false, in_line_ = false;
    std::string line_;
    std::size_t line_number_ = 0;
};

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

void write_window(const Window& w, Summary& summary) {
    for (std::size_t i = 0; i < w.docs.size(); ++i) {
        const BatchItem& item = w.items[i];
        summary.add(item);
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
    std::size_t cur = 0;
    source.fill(windows[cur]);
    if (!windows[cur].empty()) pool.start(windows[cur].docs, windows[cur].items);
    while (!windows[cur].empty()) {
        const Window& current = windows[cur];
        Window& next = windows[1 - cur];
        source.fill(next);  // read while the pool evaluates `current`
        pool.wait();        // then help finish it
        if (!next.empty()) pool.start(next.docs, next.items);
        write_window(current, summary); // write while the pool evaluates `next`
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

} // namespace shifan::cli
