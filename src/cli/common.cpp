#include "common.hpp"

#include "json/error_json.hpp"
#include "json/writer.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <charconv>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shifan::cli {

void input_failure(const std::string& path, int errno_value, const char* what_zh, const char* what_en) {
    const std::string shown = printable(path == "-" ? std::string("standard input") : path);
    const std::string reason = std::strerror(errno_value);
    throw FileError(Text{std::string(what_zh) + " " + shown + "：" + reason, std::string(what_en) + " " + shown + ": " + reason},
                    exit_bad_input);
}

void output_failure(const std::string& what, int errno_value) {
    const std::string shown = printable(what);
    const std::string reason = errno_value ? std::strerror(errno_value) : "write error";
    throw FileError(Text{"无法写入 " + shown + "：" + reason, "cannot write " + shown + ": " + reason}, exit_io);
}

std::string read_input(const std::string& path) { return read_input(path, SIZE_MAX - 1); }

namespace {

/// Up to `want` bytes of the open file `fd` (`path` names it in errors).
std::string read_fd(int fd, const std::string& path, std::size_t want) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) input_failure(path, errno);
    if (S_ISDIR(st.st_mode)) input_failure(path, EISDIR);
    std::string s;
    std::array<char, 65536> buf{};
    while (s.size() < want) {
        const ssize_t n = ::read(fd, buf.data(), std::min(buf.size(), want - s.size()));
        if (n < 0) {
            if (errno == EINTR) continue;
            input_failure(path, errno);
        }
        if (n == 0) break;
        s.append(buf.data(), static_cast<std::size_t>(n));
    }
    return s;
}

} // namespace

std::string read_input(const std::string& path, std::size_t max_bytes) {
    const std::size_t want = max_bytes == SIZE_MAX ? max_bytes : max_bytes + 1;
    if (path == "-") return read_fd(0, path, want);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) input_failure(path, errno);
    std::string s;
    try {
        s = read_fd(fd, path, want);
    } catch (...) {
        (void)::close(fd);
        throw;
    }
    (void)::close(fd); // read-only: nothing to lose
    return s;
}

void write_file(const std::string& path, std::string_view data) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) output_failure(path, errno);
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int e = n < 0 ? errno : ENOSPC;
            (void)::close(fd);
            output_failure(path, e);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) output_failure(path, errno);
}

void finish_output() {
    errno = 0;
    std::cout.flush(); // a bad stream skips this: its failure was recorded when the write failed
    const int stream_errno = errno;
    errno = 0;
    const bool flush_failed = std::fflush(stdout) != 0;
    const int flush_errno = errno;
    if (!std::cout || flush_failed || std::ferror(stdout) != 0)
        output_failure("standard output", flush_errno ? flush_errno : stream_errno);
}

bool set_limit_option(const std::string& name, const std::string& value, json::Limits& limits) {
    std::size_t* slot = name == "--max-document-bytes" ? &limits.max_document_bytes
                        : name == "--max-depth"        ? &limits.max_depth
                        : name == "--max-array-length" ? &limits.max_array_length
                        : name == "--max-string-bytes" ? &limits.max_string_bytes
                                                       : nullptr;
    if (!slot) return false;
    std::size_t v = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size() || v == 0)
        throw UsageError(name + " takes a positive integer, not '" + value + "'");
    *slot = v;
    return true;
}

Lang parse_lang(std::string_view s) {
    if (s == "zh") return Lang::zh;
    if (s == "en") return Lang::en;
    if (s == "both") return Lang::both;
    throw UsageError("--lang takes zh, en or both");
}

Date parse_cli_date(std::string_view s) {
    auto d = parse_date(s);
    if (!d) throw UsageError("not a date (YYYY-MM-DD, years 1900-2999): " + std::string(s));
    return *d;
}

Date today() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return make_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

Args::Args(int argc, char** argv, int first) {
    for (int k = first; k < argc; ++k) args_.emplace_back(argv[k]);
}

bool Args::next(std::string& name, std::string& value, const std::vector<std::string>& with_value) {
    if (i_ >= args_.size()) return false;
    const std::string a = args_[i_++];
    value.clear();
    if (only_positional_ || a == "-" || a.rfind("--", 0) != 0) {
        name.clear();
        value = a;
        return true;
    }
    if (a == "--") {
        only_positional_ = true;
        return next(name, value, with_value);
    }
    const auto eq = a.find('=');
    name = a.substr(0, eq);
    const bool takes = std::find(with_value.begin(), with_value.end(), name) != with_value.end();
    if (eq != std::string::npos) {
        if (!takes) throw UsageError(name + " takes no value");
        value = a.substr(eq + 1);
    } else if (takes) {
        if (i_ >= args_.size()) throw UsageError(name + " needs a value");
        value = args_[i_++];
    }
    return true;
}

void print_error(const Error& e, Lang lang, const std::string& source) {
    std::cerr << "shifan: " << printable(source) << ": " << error_code_name(e.code()) << ": ";
    if (e.event_index >= 0) std::cerr << "event " << e.event_index << ": ";
    std::cerr << e.describe(lang) << "\n";
}

void print_error_json(const Error& e) {
    std::string s;
    json::write_error(s, e);
    std::cerr << s << "\n";
}

void report_failed_document(const Error& e, const std::string& file, Lang lang, bool as_json, bool several,
                            bool& first) {
    if (!as_json) {
        print_error(e, lang, file);
    } else if (!several) {
        print_error_json(e); // nothing on stdout for this document
    } else {
        const std::string entry = error_entry_json(file, e);
        std::cerr << entry << "\n";
        if (!first) std::cout << ",\n";
        std::cout << entry;
        first = false;
    }
}

std::string error_entry_json(const std::string& file, const Error& e) {
    std::string s;
    json::Writer w(s);
    w.begin_object().member("file", std::string_view(file)).key("error").begin_object();
    json::write_error_members(w, e);
    w.end_object().end_object();
    return s;
}

bool wants_json(int argc, char** argv) {
    for (int i = 2; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--") return false;
        if (a == "--json") return true;
    }
    return false;
}

std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    for (const std::string& p : paths) {
        std::error_code ec;
        if (p == "-") { out.push_back(p); continue; }
        const fs::file_status st = fs::status(p, ec);
        if (ec && ec != std::errc::no_such_file_or_directory) input_failure(p, ec.value());
        if (!fs::is_directory(st)) { out.push_back(p); continue; } // read_input names a missing file
        std::vector<std::string> files;
        fs::directory_iterator it(p, ec);
        if (ec) input_failure(p, ec.value(), "无法列出目录", "cannot list directory");
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            if (it->path().extension() != ".json") continue;
            const std::string name = it->path().string();
            const fs::file_status entry = fs::status(it->path(), ec); // follows symlinks
            if (ec) input_failure(name, ec.value());                 // broken symlink, loop, no access
            if (fs::is_regular_file(entry)) files.push_back(name);
        }
        if (ec) input_failure(p, ec.value(), "无法列出目录", "cannot list directory");
        std::sort(files.begin(), files.end());
        out.insert(out.end(), files.begin(), files.end());
    }
    return out;
}

} // namespace shifan::cli
