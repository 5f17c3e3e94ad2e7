// shifan compare — policy simulation: the same applications under a baseline (the built-in pack
// and default readings, or --baseline-*) and an alternative (--rule-pack, --interpretation), one
// pass over the input on all cores, and what changes, rule by rule. NDJSON is read in windows
// (ndjson_lines.hpp), so a million-line file is compared with flat memory.
#include "batch_cli.hpp"
#include "common.hpp"
#include "ndjson_lines.hpp"
#include "sheet.hpp"

#include <cerrno>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace shifan::cli {

SharedRulePack load_rule_pack_option(const std::string& path, const json::Limits& limits);

namespace {

HelpText compare_help() {
    HelpText h;
    h.zh =
        "用法：shifan compare FILE.ndjson|DIR|- ... [选项]\n"
        "  政策比较：同一批申请分别按基线和备选（各为一个规则包和一组解读）评审，一次读入、使用全部\n"
        "  核心，列出两方的差异、结论转移表、第七条功能、每条规则的结果变化和结论改变的申请。\n"
        "  输入：NDJSON 文件（每行一份申请）或 - 表示标准输入；*.json 文件为一份申请；目录表示其中的\n"
        "  *.json 文件。\n"
        "  --rule-pack FILE                    备选的规则包（默认为内置的 changzhi-municipal）\n"
        "  --interpretation NAME=VAL           备选的解读，如 growth=non_decreasing（可重复）\n"
        "  --baseline-rule-pack FILE           基线的规则包（默认为内置的 changzhi-municipal）\n"
        "  --baseline-interpretation NAME=VAL  基线的解读（可重复；默认为各项的默认解读）\n"
        "  --json                              输出 shifan.comparison/1 JSON\n"
        "  --html FILE                         另把比较写成一页自包含的 HTML（- 表示只把该页写到标准输出）\n"
        "  --xlsx FILE                         另把比较写成 Excel 工作簿：结论改变的申请、差异、结论转移、\n"
        "                                      第七条功能、各条规则（--lang en 为英文）\n"
        "  --csv-out FILE                      另把结论改变的申请写成 CSV（UTF-8 带 BOM；- 表示只写到标准输出）\n"
        "  --max-changed N                     详细列出的结论改变的申请数上限（默认 1000；计数总是完整的）\n"
        "  --jobs N                            线程数（默认为核心数；任何 N 输出都相同）\n"
        "  --lang zh|en|both                   报告与消息的语言（默认 zh；JSON 默认两种；错误信息默认两种）\n"
        "  --max-document-bytes N, --max-depth N, --max-array-length N, --max-string-bytes N\n"
        "                                      输入限制（默认 16 MiB、64、1000000、64 KiB）\n"
        "  -h, --help                          显示本帮助\n"
        "退出码：0 已比较，2 有无法读取的申请（两方均记为输入错误）、规则包有误或输入无法读取，\n"
        "64 用法有误，74 输出未能写入\n";
    h.en =
        "usage: shifan compare FILE.ndjson|DIR|- ... [options]\n"
        "  Policy simulation: evaluates the same applications under a baseline and an alternative (each\n"
        "  a rule pack and a set of readings) in one pass on all cores, and reports what differs, the\n"
        "  verdict transitions, the art7 functions, each rule's changes and the changed applications.\n"
        "  Input: an NDJSON file (one application per line) or - for standard input; a *.json file is one\n"
        "  application; a directory stands for its *.json files.\n"
        "  --rule-pack FILE                    the alternative's rule pack (default: built-in changzhi-municipal)\n"
        "  --interpretation NAME=VAL           a reading of the alternative, e.g. growth=non_decreasing\n"
        "                                      (repeatable)\n"
        "  --baseline-rule-pack FILE           the baseline's rule pack (default: built-in changzhi-municipal)\n"
        "  --baseline-interpretation NAME=VAL  a reading of the baseline (repeatable; default: the defaults)\n"
        "  --json                              print shifan.comparison/1 JSON\n"
        "  --html FILE                         also write the comparison as a self-contained HTML page\n"
        "                                      (- writes only the page, to standard output)\n"
        "  --xlsx FILE                         also write the comparison as an Excel workbook: the changed\n"
        "                                      applications, differences, transitions, art7 functions and\n"
        "                                      rules (in Chinese; --lang en: English)\n"
        "  --csv-out FILE                      also write the changed applications as CSV (UTF-8 with BOM;\n"
        "                                      - writes only the CSV, to standard output)\n"
        "  --max-changed N                     changed applications listed in detail (default 1000; the\n"
        "                                      counts always cover all)\n"
        "  --jobs N                            threads (default: the core count; the same output for any N)\n"
        "  --lang zh|en|both                   language of the report and messages (default zh; JSON: both;\n"
        "                                      errors on stderr: both)\n"
        "  --max-document-bytes N, --max-depth N, --max-array-length N, --max-string-bytes N\n"
        "                                      input limits (defaults: 16 MiB, 64, 1000000, 64 KiB)\n"
        "  -h, --help                          show this help\n"
        "exit: 0 compared, 2 some application could not be read (an error on both sides), a bad rule pack\n"
        "or an input that cannot be read, 64 bad usage, 74 output not written\n";
    return h;
}

/// --max-changed: a count of applications (0 lists none).
std::size_t parse_max_changed(const std::string& value) {
    const Text wrong{"--max-changed 的取值为申请数（0 表示不列出）", "--max-changed takes a number of applications (0 = none)"};
    if (value.empty() || value.size() > 9) throw UsageError(wrong);
    std::size_t v = 0;
    for (char c : value) {
        if (c < '0' || c > '9') throw UsageError(wrong);
        v = v * 10 + static_cast<std::size_t>(c - '0');
    }
    return v;
}

/// Feed one NDJSON input (a file or "-") to the comparator window by window.
void compare_ndjson(Comparator& comparator, const std::string& input, const json::Limits& limits) {
    std::FILE* in = stdin;
    if (input != "-") {
        in = std::fopen(input.c_str(), "rb");
        if (!in) input_failure(input, errno);
    }
    LineSource source(in, limits.max_document_bytes + 1);
    Window window;
    while (source.fill(window)) comparator.add(window.docs);
    const bool failed = source.read_error();
    const int read_errno = errno;
    if (in != stdin) (void)std::fclose(in); // read-only: nothing to lose
    if (failed) input_failure(input, read_errno);
}

/// Feed the *.json files of a directory (one application each), in name order, a window at a time.
void compare_files(Comparator& comparator, const std::vector<std::string>& files, const json::Limits& limits) {
    std::vector<std::string> texts;
    std::vector<std::string_view> docs;
    for (std::size_t at = 0; at < files.size(); at += window_lines) {
        const std::size_t end = std::min(files.size(), at + window_lines);
        texts.clear();
        for (std::size_t i = at; i < end; ++i) texts.push_back(read_input(files[i], limits.max_document_bytes));
        docs.assign(texts.begin(), texts.end());
        comparator.add(docs);
    }
}

Engine engine_of(const std::string& pack_path, const std::vector<std::string>& readings_given,
                 const json::Limits& limits) {
    Interpretations readings;
    for (const std::string& value : readings_given) set_interpretation(readings, value);
    return Engine(load_rule_pack_option(pack_path, limits), readings);
}

} // namespace

int run_compare(int argc, char** argv) {
    Parser parser;
    std::vector<std::string> inputs;
    parser.list("inputs", inputs);
    // The alternative takes the options evaluate has (and the input limits); the baseline its own two.
    CommonOptions alternative;
    alternative.add_to(parser);
    std::string baseline_pack;
    parser.option("--baseline-rule-pack", baseline_pack);
    std::vector<std::string> baseline_readings;
    parser.list("--baseline-interpretation", baseline_readings);
    bool as_json = false;
    parser.flag("--json", as_json);
    std::string html_path, jobs_text, max_changed_text;
    parser.option("--html", html_path);
    parser.option("--jobs", jobs_text);
    parser.option("--max-changed", max_changed_text);
    sheet::Outputs sheets;
    sheets.add_to(parser);
    if (!parser.parse(argc, argv, compare_help())) return exit_ok;
    alternative.settle(parser);
    sheets.check(parser);
    if (html_path == "-" && sheets.csv_on_stdout())
        throw UsageError(Text{"--html - 与 --csv-out - 不能同时写到标准输出", "--html - and --csv-out - cannot both take standard output"});

    const Lang lang = alternative.lang();
    const json::Limits limits = alternative.limits;
    CompareOptions options;
    options.jobs = parser.given("--jobs") ? parse_jobs(jobs_text) : 0;
    if (parser.given("--max-changed")) options.max_changed = parse_max_changed(max_changed_text);
    options.limits = limits;
    if (inputs.empty())
        throw UsageError(Text{"未给出申请（NDJSON 文件、目录或 - 表示标准输入）",
                              "no applications given (an NDJSON file, a directory or - for standard input)"});

    const Engine baseline = engine_of(baseline_pack, baseline_readings, limits);
    const Engine alternative_engine = engine_of(alternative.pack_path, alternative.interpretations, limits);
    Comparator comparator(baseline, alternative_engine, options);
    // A .json file (or a directory's) is one application; anything else is NDJSON.
    std::vector<std::string> files;
    auto flush_files = [&] {
        compare_files(comparator, files, limits);
        files.clear();
    };
    for (const std::string& path : expand_paths(inputs)) {
        if (path != "-" && path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0) {
            files.push_back(path);
            continue;
        }
        flush_files();
        compare_ndjson(comparator, path, limits);
    }
    flush_files();
    const Comparison& c = comparator.result();
    const int status = c.transition(Result::error, Result::error) ? exit_bad_input : exit_ok;
    if (sheets.wanted()) sheets.write(sheet::comparison_book(c, lang));
    if (sheets.csv_on_stdout()) return status;

    if (!html_path.empty()) {
        const std::string page = render_comparison_html(c);
        if (html_path == "-") {
            std::cout << page;
            return status;
        }
        write_file(html_path, page);
    }
    if (as_json) {
        std::string out;
        write_comparison(out, c, alternative.lang_given ? lang : Lang::both);
        std::cout << out << "\n";
    } else {
        std::cout << render_comparison(c, lang);
    }
    return status;
}

} // namespace shifan::cli
