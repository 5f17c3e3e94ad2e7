// shifan verify CASES... — run policy test cases (`shifan.case/1`) so that policy staff can check a
// clause against the code without writing C++. See docs/policy-cases.md for the format.
//
// A case names an application (inline, a file, or a shared base plus an RFC 7386 merge patch), an
// optional rule pack and readings, and the parts of the expected `shifan.evaluation/1` result it
// cares about. Only the listed expectations are compared, and they are compared with the values
// exactly as the evaluation JSON writes them, so a case reads like the output it predicts.
#include "common.hpp"
#include "verify_status.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace shifan::cli {

/// Defined in evaluate_command.cpp: the built-in pack, or the pack in `path`.
SharedRulePack load_rule_pack_option(const std::string& path);

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

HelpText verify_help() {
    HelpText h;
    h.zh =
        "用法：shifan verify CASE|DIR ... [选项]\n"
        "  运行政策用例（shifan.case/1 JSON；目录代表其中所有的 *.json，含子目录），\n"
        "  列出每个未通过的用例，最后一行为 'N passed, N failed'。\n"
        "  --rule-pack FILE           未写 \"rule_pack\" 的用例所用的规则包（默认内置规则包）\n"
        "  --interpretation NAME=VAL  未设该解读的用例所用的解读，如 growth=non_decreasing（可重复）\n"
        "  -v, --verbose              列出每个用例，而不只是未通过的\n"
        "  --lang zh|en|both          消息的语言（默认 zh；错误信息默认两种）\n"
        "  -h, --help                 显示本帮助\n"
        "退出码：0 全部通过，1 有用例未通过，2 用例文件有误或无法读取，64 用法有误，74 输出未能写入\n";
    h.en =
        "usage: shifan verify CASE|DIR ... [options]\n"
        "  Runs policy test cases (shifan.case/1 JSON; a directory stands for all its *.json, recursively)\n"
        "  and prints each failure, then 'N passed, N failed'.\n"
        "  --rule-pack FILE           default rule pack for cases without \"rule_pack\" (default: built-in)\n"
        "  --interpretation NAME=VAL  default reading for cases that do not set it, e.g. growth=non_decreasing\n"
        "                             (repeatable)\n"
        "  -v, --verbose              print every case, not only the failures\n"
        "  --lang zh|en|both          language of the messages (default zh; errors on stderr: both)\n"
        "  -h, --help                 show this help\n"
        "exit: 0 all passed, 1 a case failed, 2 a case file is malformed or cannot be read, 64 bad usage,\n"
        "74 output not written\n";
    return h;
}

/// A case file that cannot be run as written (a typo, a missing file): exit 2, never a pass.
struct Malformed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Schemas of the fixtures that live beside the cases (base applications, packs, histories): a
/// directory walk skips them; any other document there must be a case, so a case with a mistyped
/// `schema` is reported rather than silently skipped.
const std::set<std::string>& fixture_schemas() {
    static const std::set<std::string> keys = {
        "shifan.application/1", "shifan.rulepack/1", "shifan.history/1", "shifan.calendar/1", "shifan.county-filings/1",
    };
    return keys;
}
constexpr const char* case_schema = "shifan.case/1";

const std::set<std::string>& case_keys() {
    static const std::set<std::string> keys = {
        "schema", "name", "citation", "rules", "note", "application", "application_file", "base", "patch",
        "rule_pack", "rule_pack_file", "interpretations", "expect",
    };
    return keys;
}
const std::set<std::string>& expect_keys() {
    static const std::set<std::string> keys = {
        "verdict", "qualified_functions", "checks", "reasons", "actual", "required", "shortfall", "missing",
        "dossier_complete", "missing_materials", "error",
    };
    return keys;
}

struct CaseFile {
    std::string path;
    bool from_directory = false; ///< found by walking a directory (fixtures are skipped)
};

/// Settings given on the command line: defaults for cases that do not set their own.
struct Defaults {
    SharedRulePack pack;
    Interpretations readings;
    Lang lang = Lang::zh;
};

std::string tr(Lang lang, const std::string& zh, const std::string& en) {
    return lang == Lang::zh ? zh : lang == Lang::en ? en : zh + " / " + en;
}

std::vector<CaseFile> collect(const std::vector<std::string>& args) {
    std::vector<CaseFile> out;
    for (const std::string& a : args) {
        std::error_code ec;
        const fs::file_status st = fs::status(a, ec);
        if (ec && ec != std::errc::no_such_file_or_directory) input_failure(a, ec.value());
        if (fs::is_directory(st)) {
            std::vector<std::string> found;
            std::string where = a;
            for (auto it = fs::recursive_directory_iterator(a, fs::directory_options::follow_directory_symlink, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                where = it->path().string();
                if (it->path().extension() != ".json") continue;
                const fs::file_status entry = fs::status(it->path(), ec); // a broken link or a loop: an error
                if (ec) break;
                if (fs::is_regular_file(entry)) found.push_back(it->path().string());
            }
            if (ec) input_failure(where, ec.value(), "无法读取目录", "cannot read directory");
            std::sort(found.begin(), found.end());
            for (std::string& f : found) out.push_back({std::move(f), true});
        } else if (fs::is_regular_file(st)) {
            out.push_back({a, false});
        } else {
            input_failure(a, fs::exists(st) ? EINVAL : ENOENT); // an input that cannot be read: exit 2
        }
    }
    return out;
}

/// Read a file a case refers to, relative to the case's own folder.
std::string read_relative(const fs::path& case_dir, const json& member, const char* key) {
    if (!member.is_string()) throw Malformed(std::string("\"") + key + "\" must be a relative path (a string)");
    const fs::path p = case_dir / member.get<std::string>();
    try {
        return read_input(p.string());
    } catch (const FileError&) {
        throw Malformed(std::string("\"") + key + "\": cannot read " + p.string());
    }
}

json parse_fixture(const std::string& text, const std::string& what) {
    try {
        return json::parse(text);
    } catch (const json::exception& e) {
        throw Malformed(what + " is not valid JSON: " + e.what());
    }
}

bool is_known_id(const std::string& id) {
    if (rule_by_id(id)) return true;
    return std::any_of(dossier_catalog.begin(), dossier_catalog.end(), [&](const DossierInfo& d) { return d.id == id; });
}

/// The text of the application a case describes.
std::string application_text(const json& c, const fs::path& dir) {
    const int sources = int(c.contains("application")) + int(c.contains("application_file")) + int(c.contains("base"));
    if (sources != 1)
        throw Malformed("give exactly one of \"application\", \"application_file\" or \"base\" (+ \"patch\")");
    if (c.contains("patch") && !c.contains("base")) throw Malformed("\"patch\" goes with \"base\"");
    if (c.contains("application")) {
        if (!c["application"].is_object()) throw Malformed("\"application\" must be an object");
        return c["application"].dump();
    }
    // The file is passed on byte for byte: the way to test BOMs, duplicate keys, -0 or 1e400,
    // which a JSON DOM cannot carry.
    if (c.contains("application_file")) return read_relative(dir, c["application_file"], "application_file");
    json doc = parse_fixture(read_relative(dir, c["base"], "base"), "\"base\"");
    if (c.contains("patch")) doc.merge_patch(c["patch"]); // RFC 7386: null deletes a member
    return doc.dump();
}

SharedRulePack case_rule_pack(const json& c, const fs::path& dir, const Defaults& d) {
    if (c.contains("rule_pack") && c.contains("rule_pack_file"))
        throw Malformed("give \"rule_pack\" or \"rule_pack_file\", not both");
    std::string text;
    if (c.contains("rule_pack")) {
        if (!c["rule_pack"].is_object()) throw Malformed("\"rule_pack\" must be a shifan.rulepack/1 object");
        text = c["rule_pack"].dump();
    } else if (c.contains("rule_pack_file")) {
        text = read_relative(dir, c["rule_pack_file"], "rule_pack_file");
    } else {
        return d.pack;
    }
    // A case's pack may build on the command line's default pack as well as the built-in one.
    const RulePack* fallback = d.pack.get();
    return SharedRulePack::make(parse_rule_pack(
        text, [fallback](std::string_view id) { return fallback && fallback->id == id ? fallback : nullptr; }));
}

Interpretations case_readings(const json& c, const Defaults& d) {
    Interpretations readings = d.readings;
    if (!c.contains("interpretations")) return readings;
    if (!c["interpretations"].is_object()) throw Malformed("\"interpretations\" must be an object such as {\"growth\": \"strict\"}");
    for (const auto& [name, value] : c["interpretations"].items()) {
        if (!value.is_string()) throw Malformed("interpretation " + name + " must be a string");
        try {
            set_interpretation(readings, name, value.get<std::string>());
        } catch (const Error& e) {
            throw Malformed(e.message().en);
        }
    }
    return readings;
}

/// Check the shape of `expect` before anything runs, so that a typo is a malformed case and
/// never a silently skipped comparison.
void validate_expect(const json& exp) {
    if (!exp.is_object() || exp.empty()) throw Malformed("\"expect\" must be a non-empty object");
    for (const auto& [key, value] : exp.items()) {
        if (!expect_keys().count(key)) throw Malformed("unknown key \"expect." + key + "\"");
        (void)value;
    }
    if (exp.contains("error") && exp.size() != 1)
        throw Malformed("\"expect.error\" stands alone: an application that is refused has no verdict or checks");
    static const std::set<std::string> verdicts = {"eligible", "ineligible", "undetermined"};
    static const std::set<std::string> outcomes = {"pass", "fail", "undetermined", "not_applicable"};
    if (exp.contains("verdict") && !(exp["verdict"].is_string() && verdicts.count(exp["verdict"].get<std::string>())))
        throw Malformed("\"expect.verdict\" must be eligible, ineligible or undetermined");
    for (const char* key : {"checks", "reasons", "actual", "required", "shortfall"}) {
        if (!exp.contains(key)) continue;
        if (!exp[key].is_object() || exp[key].empty())
            throw Malformed(std::string("\"expect.") + key + "\" must be a non-empty object keyed by rule id");
        for (const auto& [id, value] : exp[key].items()) {
            std::string rule = id;
            if (std::string_view(key) != "checks" && std::string_view(key) != "reasons" && id.size() > 11 &&
                id.compare(id.size() - 11, 11, ".activities") == 0)
                rule = id.substr(0, id.size() - 11);
            if (!rule_by_id(rule)) throw Malformed(std::string("\"expect.") + key + "\": unknown rule id \"" + id + "\"");
            if (std::string_view(key) == "checks" && !(value.is_string() && outcomes.count(value.get<std::string>())))
                throw Malformed("\"expect.checks." + id + "\" must be pass, fail, undetermined or not_applicable");
            if (std::string_view(key) == "reasons" &&
                !(value.is_string() && shifan::json::enum_from_name<Reason>(value.get<std::string>())))
                throw Malformed("\"expect.reasons." + id + "\" must be a reason name such as \"not_claimed\" (see docs/policy-cases.md)");
        }
    }
    // Names are checked against the library's own lists, so that a misspelt one is a malformed
    // case rather than a difference that sends the reader looking for a bug in the rules.
    auto known = [](const char* key, const std::string& v) {
        if (std::string_view(key) == "qualified_functions") return shifan::json::enum_from_name<Function>(v).has_value();
        if (std::string_view(key) == "missing") return !v.empty() && v[0] == '/';
        return std::any_of(dossier_catalog.begin(), dossier_catalog.end(), [&](const DossierInfo& d) { return d.id == v; });
    };
    for (const char* key : {"qualified_functions", "missing", "missing_materials"})
        if (exp.contains(key)) {
            if (!exp[key].is_array()) throw Malformed(std::string("\"expect.") + key + "\" must be an array of strings");
            for (const json& v : exp[key])
                if (!v.is_string() || !known(key, v.get<std::string>()))
                    throw Malformed(std::string("\"expect.") + key + "\": " + v.dump() +
                                    (std::string_view(key) == "missing" ? " is not a JSON Pointer"
                                     : std::string_view(key) == "qualified_functions" ? " is not a function of art7"
                                                                                     : " is not a dossier item id"));
        }
    if (exp.contains("dossier_complete") && !exp["dossier_complete"].is_boolean() && !exp["dossier_complete"].is_null())
        throw Malformed("\"expect.dossier_complete\" must be true, false or null");
    if (exp.contains("error")) {
        const json& e = exp["error"];
        if (!e.is_object() || e.empty()) throw Malformed("\"expect.error\" must be an object {\"code\": …, \"path\": …}");
        for (const auto& [k, v] : e.items()) {
            if (k != "code" && k != "path") throw Malformed("unknown key \"expect.error." + k + "\" (allowed: code, path)");
            if (!v.is_string()) throw Malformed("\"expect.error." + k + "\" must be a string");
        }
        if (e.contains("code")) {
            bool found = false;
            for (int code = 1; code < 256; ++code) // codes are only ever appended; unknown ones name "internal"
                found |= e["code"] == error_code_name(static_cast<ErrorCode>(code));
            if (!found) throw Malformed("\"expect.error.code\": unknown error code " + e["code"].dump());
        }
    }
}

std::vector<std::string> sorted_strings(const json& array) {
    std::vector<std::string> out;
    for (const json& v : array) out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    std::sort(out.begin(), out.end());
    return out;
}

std::string show(const json& v) { return v.dump(); }

/// Compare the evaluation with what the case expects; each difference becomes one line.
void compare(const json& exp, const json& out, Lang lang, std::vector<std::string>& diffs) {
    auto differ = [&](const std::string& what, const json& want, const json& got) {
        diffs.push_back(what + ": " + tr(lang, "预期 " + show(want) + "，实际 " + show(got),
                                         "expected " + show(want) + ", got " + show(got)));
    };
    std::map<std::string, const json*> checks;
    for (const json& c : out.at("checks")) checks[c.at("id").get<std::string>()] = &c;

    if (exp.contains("verdict") && exp["verdict"] != out.at("verdict")) differ("verdict", exp["verdict"], out.at("verdict"));
    // Sets, not sequences: the output's order (art7 order, input order) is a property of the format
    // that unit tests pin down; a case states which ones.
    for (const char* key : {"qualified_functions", "missing"})
        if (exp.contains(key) && sorted_strings(exp[key]) != sorted_strings(out.at(key))) differ(key, exp[key], out.at(key));
    if (exp.contains("dossier_complete") && exp["dossier_complete"] != out.at("dossier").at("complete"))
        differ("dossier_complete", exp["dossier_complete"], out.at("dossier").at("complete"));
    if (exp.contains("missing_materials") &&
        sorted_strings(exp["missing_materials"]) != sorted_strings(out.at("dossier").at("missing_materials")))
        differ("missing_materials", exp["missing_materials"], out.at("dossier").at("missing_materials"));

    auto field = [&](const char* key, const char* member) {
        if (!exp.contains(key)) return;
        for (const auto& [id, want] : exp[key].items()) {
            std::string rule = id;
            const json* holder = nullptr;
            if (checks.count(id)) holder = checks[id];
            else {
                rule = id.substr(0, id.size() - 11); // validated: "<rule>.activities"
                if (checks.count(rule) && checks[rule]->contains("activities")) holder = &checks[rule]->at("activities");
            }
            if (!holder) throw Malformed(std::string("\"expect.") + key + "." + id + "\": the evaluation reports no such numbers");
            if (!holder->contains(member)) {
                const std::string where = std::string("\"expect.") + key + "." + id + "\": rule ";
                throw Malformed(where + rule + " reports no " + member);
            }
            if (holder->at(member) != want) differ(std::string(key) + "." + id, want, holder->at(member));
        }
    };
    if (exp.contains("checks"))
        for (const auto& [id, want] : exp["checks"].items())
            if (checks.at(id)->at("outcome") != want) differ("checks." + id, want, checks.at(id)->at("outcome"));
    if (exp.contains("reasons"))
        for (const auto& [id, want] : exp["reasons"].items())
            if (checks.at(id)->at("reason") != want) differ("reasons." + id, want, checks.at(id)->at("reason"));
    field("actual", "actual");
    field("required", "required");
    field("shortfall", "shortfall");
}

enum class Result { pass, fail, malformed, skipped };

/// Run one case file. `name` receives the case's name; `diffs` what differed (or why it is malformed).
Result run_case(const CaseFile& file, const Defaults& d, std::string& name, std::vector<std::string>& diffs) {
    std::string text;
    try {
        text = read_input(file.path);
    } catch (const FileError& e) {
        diffs.push_back(e.message.en);
        return Result::malformed;
    }
    json c;
    try {
        c = json::parse(text);
    } catch (const json::exception& e) {
        diffs.push_back(std::string("not valid JSON: ") + e.what());
        return Result::malformed;
    }
    if (!c.is_object()) { diffs.push_back("a case is a JSON object"); return Result::malformed; }
    const std::string schema = c.contains("schema") && c["schema"].is_string() ? c["schema"].get<std::string>() : "";
    if (file.from_directory && fixture_schemas().count(schema)) return Result::skipped;
    name = c.contains("name") && c["name"].is_string() ? c["name"].get<std::string>() : "";

    if (c.contains("history")) {
        std::string failure;
        try {
            if (verify_status_case(c, failure)) return Result::pass;
        } catch (const std::exception& e) {
            diffs.push_back(e.what());
            return Result::malformed;
        }
        diffs.push_back(failure);
        return Result::fail;
    }

    try {
        if (schema != case_schema) throw Malformed(std::string("\"schema\" must be \"") + case_schema + "\"");
        for (const auto& [key, value] : c.items()) {
            (void)value;
            if (!case_keys().count(key)) throw Malformed("unknown key \"" + key + "\"");
        }
        if (name.empty()) throw Malformed("\"name\" (a non-empty string) is required");
        if (!c.contains("citation") || !c["citation"].is_string() || c["citation"].get<std::string>().empty())
            throw Malformed("\"citation\" (e.g. \"第六条第（二）项\") is required");
        if (!c.contains("rules") || !c["rules"].is_array() || c["rules"].empty())
            throw Malformed("\"rules\" (the rule ids the case is about) is required");
        for (const json& r : c["rules"])
            if (!r.is_string() || !is_known_id(r.get<std::string>()))
                throw Malformed("\"rules\": unknown rule id " + r.dump() + " (see 'shifan rules')");
        if (!c.contains("expect")) throw Malformed("\"expect\" is required");
        const json& exp = c["expect"];
        validate_expect(exp);

        const fs::path dir = fs::path(file.path).parent_path();
        const std::string app_text = application_text(c, dir);
        const Interpretations readings = case_readings(c, d);

        json out;
        try {
            const Engine engine(case_rule_pack(c, dir, d), readings);
            const Application app = parse_application(app_text);
            const Evaluation ev = engine.evaluate(app);
            WriteOptions options;
            options.messages = false;
            std::string written;
            write_evaluation(written, ev, app.id, options);
            out = json::parse(written);
        } catch (const Error& e) {
            if (!exp.contains("error")) {
                diffs.push_back(tr(d.lang, "输入被拒绝：", "the input was refused: ") + error_code_name(e.code()) + ": " +
                                e.describe(d.lang));
                return Result::fail;
            }
            const json& want = exp["error"];
            if (want.contains("code") && want["code"] != error_code_name(e.code()))
                diffs.push_back("error.code: " + tr(d.lang, "预期 ", "expected ") + want["code"].dump() +
                                tr(d.lang, "，实际 ", ", got ") + "\"" + error_code_name(e.code()) + "\" (" +
                                e.describe(d.lang) + ")");
            if (want.contains("path") && want["path"] != e.path())
                diffs.push_back("error.path: " + tr(d.lang, "预期 ", "expected ") + want["path"].dump() +
                                tr(d.lang, "，实际 ", ", got ") + json(e.path()).dump() + " (" + e.describe(d.lang) + ")");
            return diffs.empty() ? Result::pass : Result::fail;
        }
        if (exp.contains("error")) {
            diffs.push_back(tr(d.lang, "预期输入被拒绝（", "expected the input to be refused (") + exp["error"].dump() +
                            tr(d.lang, "），但已完成评估，结论 ", "), but it was evaluated: verdict ") +
                            out.at("verdict").get<std::string>());
            return Result::fail;
        }
        compare(exp, out, d.lang, diffs);
        return diffs.empty() ? Result::pass : Result::fail;
    } catch (const Malformed& e) {
        diffs.push_back(e.what());
        return Result::malformed;
    }
}

} // namespace

int run_verify(int argc, char** argv) {
    std::vector<std::string> paths;
    Defaults d;
    bool verbose = false;
    CommonOptions common;
    Parser parser;
    parser.list("cases", paths);
    parser.flag("-v,--verbose", verbose);
    common.add_to(parser, false);
    if (!parser.parse(argc, argv, verify_help())) return exit_ok;
    common.settle(parser);
    d.lang = common.lang();
    const std::string& pack_path = common.pack_path;
    for (const std::string& value : common.interpretations) {
        try {
            set_interpretation(d.readings, value);
        } catch (const Error& e) {
            throw UsageError(e.message());
        }
    }
    if (paths.empty())
        throw UsageError(Text{"未给出用例（用例文件或用例目录）", "no case given (a case file or a directory of cases)"});
    if (std::find(paths.begin(), paths.end(), "-") != paths.end())
        throw UsageError(Text{"用例是文件（其中的相对路径相对于用例所在目录），不能从标准输入读取",
                              "cases are files (their relative paths are resolved from their folder), not standard input"});
    d.pack = load_rule_pack_option(pack_path);

    int passed = 0, failed = 0, malformed = 0;
    for (const CaseFile& file : collect(paths)) {
        std::string case_name;
        std::vector<std::string> diffs;
        const Result r = run_case(file, d, case_name, diffs);
        const std::string label = file.path + (case_name.empty() ? "" : ": " + case_name);
        switch (r) {
        case Result::skipped: break;
        case Result::pass:
            ++passed;
            if (verbose) std::cout << "ok   " << label << "\n";
            break;
        case Result::fail:
            ++failed;
            std::cout << tr(d.lang, "失败 ", "FAIL ") << label << "\n";
            for (const std::string& line : diffs) std::cout << "    " << line << "\n";
            break;
        case Result::malformed:
            ++malformed;
            std::cerr << tr(d.lang, "用例有误 ", "BAD CASE ") << label << "\n";
            for (const std::string& line : diffs) std::cerr << "    " << line << "\n";
            break;
        }
    }
    std::cout.flush();
    if (passed + failed + malformed == 0)
        std::cerr << tr(d.lang, "没有找到用例", "no cases found") << "\n";
    std::cout << passed << " passed, " << failed + malformed << " failed\n";
    if (malformed) return exit_bad_input;
    if (failed || passed == 0) return exit_failed;
    return exit_ok;
}

} // namespace shifan::cli
