#include "common.hpp"

#include "json/error_json.hpp"
#include "json/writer.hpp"

#include <CLI/CLI.hpp>

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
    if (ec != std::errc() || end != value.data() + value.size() || v == 0) {
        std::string zh = name;
        zh += " 须为正整数，而不是“";
        zh += value;
        zh += "”";
        std::string en = name;
        en += " takes a positive integer, not '";
        en += value;
        en += "'";
        throw UsageError(Text{zh, en});
    }
    *slot = v;
    return true;
}

Lang parse_lang(std::string_view s) {
    if (s == "zh") return Lang::zh;
    if (s == "en") return Lang::en;
    if (s == "both") return Lang::both;
    throw UsageError(Text{"--lang 的取值为 zh、en 或 both", "--lang takes zh, en or both"});
}

Date parse_cli_date(std::string_view s) {
    auto d = parse_date(s);
    if (!d)
        throw UsageError(Text{"不是日期（YYYY-MM-DD，1900–2999 年）：" + printable(s),
                              "not a date (YYYY-MM-DD, years 1900-2999): " + printable(s)});
    return *d;
}

Date today() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return make_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

CliLang scan_lang(int argc, char** argv, int first) {
    CliLang out;
    for (int i = first; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--") break;
        std::string_view value;
        if (a == "--lang" && i + 1 < argc) value = argv[i + 1];
        else if (a.rfind("--lang=", 0) == 0) value = a.substr(7);
        else continue;
        if (value == "zh" || value == "en" || value == "both") {
            out.lang = parse_lang(value);
            out.given = true;
        }
    }
    return out;
}

void print_help(const HelpText& help, Lang lang) {
    if (lang == Lang::en) std::cout << help.en;
    else if (lang == Lang::zh) std::cout << help.zh;
    else std::cout << help.zh << "\n" << help.en;
}

namespace {

/// The usage error of a CLI11 parse error.
UsageError usage_error_of(const CLI::ParseError& e, const CLI::App& app) {
    if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
        const std::vector<std::string> rest = app.remaining();
        const std::string first = printable(rest.empty() ? std::string() : rest.front());
        if (first.size() > 1 && first[0] == '-') return UsageError(Text{"未知选项 " + first, "unknown option " + first});
        return UsageError(Text{"多余的参数 " + first, "unexpected argument " + first});
    }
    const std::string what = printable(e.what());
    // "--lang: 1 required TEXT missing": an option at the end without its value
    const auto colon = what.find(':');
    if (colon != std::string::npos && what.rfind("--", 0) == 0 && what.find("required") != std::string::npos &&
        what.find("missing") != std::string::npos) {
        const std::string name = what.substr(0, colon);
        return UsageError(Text{name + " 缺少取值", name + " needs a value"});
    }
    // "json was given a disallowed flag override": a value given to a flag (--json=yes)
    const auto override_at = what.find(" was given a disallowed flag override");
    if (override_at != std::string::npos) {
        const std::string name = "--" + what.substr(0, override_at);
        return UsageError(Text{name + " 不带取值", name + " takes no value"});
    }
    return UsageError(Text{"命令行有误：" + what, what});
}

} // namespace

struct Parser::Impl {
    CLI::App app;
    bool help = false;
};

Parser::Parser() : impl_(std::make_unique<Impl>()) {
    CLI::App& app = impl_->app;
    app.set_help_flag();
    app.allow_extras(false);
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)->disable_flag_override();
    app.add_flag("-h,--help", impl_->help);
}

Parser::~Parser() = default;

void Parser::option(const std::string& name, std::string& value) { impl_->app.add_option(name, value); }

void Parser::flag(const std::string& names, bool& value) { impl_->app.add_flag(names, value); }

void Parser::list(const std::string& name, std::vector<std::string>& values) {
    CLI::Option* o = impl_->app.add_option(name, values)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    if (name.rfind("--", 0) == 0) o->allow_extra_args(false); // one value per occurrence
}

bool Parser::given(const std::string& name) const {
    const CLI::Option* o = impl_->app.get_option_no_throw(name);
    return o != nullptr && o->count() > 0;
}

bool Parser::parse(int argc, char** argv, const HelpText& help) {
    try {
        impl_->app.parse(argc - 1, argv + 1); // argv[1], the command, stands where CLI11 expects the program
    } catch (const CLI::ParseError& e) {
        // `--help` wins over every other mistake on the line, as a user who asks for help expects.
        for (int i = 2; i < argc && std::string_view(argv[i]) != "--"; ++i)
            if (std::string_view(argv[i]) == "--help" || std::string_view(argv[i]) == "-h") {
                print_help(help, scan_lang(argc, argv).lang);
                return false;
            }
        throw usage_error_of(e, impl_->app);
    }
    if (impl_->help) {
        print_help(help, scan_lang(argc, argv).lang);
        return false;
    }
    return true;
}

void CommonOptions::add_to(Parser& parser, bool with_limits) {
    parser.option("--rule-pack", pack_path);
    parser.list("--interpretation", interpretations);
    parser.option("--lang", lang_text);
    if (with_limits)
        for (std::size_t i = 0; i < limit_options.size(); ++i) parser.option(std::string(limit_options[i]), limit_values[i]);
}

void CommonOptions::settle(const Parser& parser) {
    lang_given = parser.given("--lang");
    for (std::size_t i = 0; i < limit_options.size(); ++i)
        if (parser.given(std::string(limit_options[i]))) set_limit_option(std::string(limit_options[i]), limit_values[i], limits);
}

Lang CommonOptions::lang(Lang fallback) const { return lang_given ? parse_lang(lang_text) : fallback; }

void print_message(const std::string& who, const Text& message, Lang lang) {
    if (lang != Lang::en) std::cerr << who << ": " << message.zh << "\n";
    if (lang != Lang::zh) std::cerr << who << ": " << message.en << "\n";
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
