// Reading NDJSON in windows of lines, with flat memory whatever the input size: the reader
// under `shifan evaluate --batch` and `shifan compare`.
#pragma once

#include "common.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace shifan::cli {

constexpr std::size_t window_lines = 512;
constexpr std::size_t window_bytes = 4u << 20;
constexpr std::size_t read_block = 1u << 20;

/// Lines held for evaluation: their bytes, views into them, their line numbers, and (for the
/// batch) their results.
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

} // namespace shifan::cli
