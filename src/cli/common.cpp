#include "common.hpp"

#include <algorithm>
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
