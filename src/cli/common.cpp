#include "common.hpp"

#include "json/error_json.hpp"
#include "json/writer.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace shifan::cli {

std::string read_input(const std::string& path) {
    if (path == "-") {
        std::string s((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
        return s;
    }
    std::ifstream f(path, std::ios::binary);
    if (!f)
        throw Error(ErrorCode::usage, "", Text{"无法读取文件 " + path, "cannot read file " + path});
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string read_input(const std::string& path, std::size_t max_bytes) {
    const std::size_t want = max_bytes == SIZE_MAX ? max_bytes : max_bytes + 1;
    std::string s;
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
        file.open(path, std::ios::binary);
        if (!file) throw Error(ErrorCode::usage, "", Text{"无法读取文件 " + path, "cannot read file " + path});
        in = &file;
    }
    char buf[65536];
    while (s.size() < want && *in) {
        in->read(buf, static_cast<std::streamsize>(std::min(sizeof buf, want - s.size())));
        s.append(buf, static_cast<std::size_t>(in->gcount()));
    }
    if (in->bad()) throw Error(ErrorCode::usage, "", Text{"无法读取文件 " + path, "cannot read file " + path});
    return s;
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
    std::cerr << "shifan: " << source << ": " << error_code_name(e.code()) << ": ";
    if (e.event_index >= 0) std::cerr << "event " << e.event_index << ": ";
    std::cerr << e.describe(lang) << "\n";
}

void print_error_json(const Error& e) {
    std::string s;
    json::write_error(s, e);
    std::cerr << s << "\n";
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
    std::vector<std::string> out;
    for (const std::string& p : paths) {
        std::error_code ec;
        if (p != "-" && std::filesystem::is_directory(p, ec)) {
            std::vector<std::string> files;
            for (const auto& entry : std::filesystem::directory_iterator(p, ec))
                if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path().string());
            std::sort(files.begin(), files.end());
            out.insert(out.end(), files.begin(), files.end());
        } else {
            out.push_back(p);
        }
    }
    return out;
}

} // namespace shifan::cli
