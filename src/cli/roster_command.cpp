// shifan roster DIR_OR_FILES... — county queries over many platform histories on a date: titles
// ending this year, overdue filings (art13, art15), county report obligations, designated platforms
// by county and by art7 function.
#include "common.hpp"
#include "lifecycle_options.hpp"
#include "sheet.hpp"

#include "shifan/io/lifecycle.hpp"

#include <fstream>
#include <iostream>
#include <memory>

namespace shifan::cli {

namespace {

HelpText roster_help() {
    return LifecycleOptions::help_of(
        "用法：shifan roster DIR|FILE ... [选项]\n"
        "  对多个平台的 shifan.history/1 文件和县区的 shifan.county-filings/1 文件做县区查询\n"
        "  （按 \"schema\" 区分；目录代表其中的 *.json 文件）。\n"
        "  --json                     输出 shifan.roster/1 JSON\n"
        "  --html FILE                另把名录写成一页自包含的 HTML（中文，可切换英文；- 表示只把该页\n"
        "                             写到标准输出）\n"
        "  --xlsx FILE                另把名录写成 Excel 工作簿：平台、有效期、报送义务、逾期未报，以及\n"
        "                             规则包与解读（--lang en 为英文）\n"
        "  --csv-out FILE             另把平台表写成 CSV（UTF-8 带 BOM；- 表示只写到标准输出）\n",
        "退出码：0 已完成，2 输入有误（错误在标准错误输出；不输出名录），64 用法有误，74 输出未能写入\n",
        "usage: shifan roster DIR|FILE ... [options]\n"
        "  County queries over shifan.history/1 files and the counties' shifan.county-filings/1 files\n"
        "  (told apart by their \"schema\"; a directory stands for its *.json files).\n"
        "  --json                     print shifan.roster/1 JSON\n"
        "  --html FILE                also write the roster as a self-contained HTML page for people\n"
        "                             (Chinese, with an English toggle; - writes only the page to stdout)\n"
        "  --xlsx FILE                also write the roster as an Excel workbook: platforms, terms,\n"
        "                             obligations, overdue filings, and the rule pack and readings (in\n"
        "                             Chinese; --lang en: English)\n"
        "  --csv-out FILE             also write the platforms table as CSV (UTF-8 with BOM; - writes only\n"
        "                             the CSV, to standard output)\n",
        "exit: 0 ran, 2 bad input (errors on stderr; no roster is printed), 64 bad usage, 74 output not written\n");
}

} // namespace

int run_roster(int argc, char** argv) {
    LifecycleOptions opt;
    std::vector<std::string> paths;
    std::string html_path;
    Parser parser;
    parser.option("--html", html_path);
    sheet::Outputs sheets;
    sheets.add_to(parser);
    if (!opt.parse_command_line(parser, argc, argv, paths, roster_help())) return exit_ok;
    sheets.check(parser);
    if (!html_path.empty() && html_path == "-" && sheets.csv_on_stdout())
        throw UsageError(Text{"--html - 与 --csv-out - 不能同时写到标准输出", "--html - and --csv-out - cannot both take standard output"});
    if (paths.empty())
        throw UsageError(Text{"未给出平台历史（文件或目录）", "no histories given (files or directories)"});
    const std::vector<std::string> files = expand_paths(paths);
    opt.finish();
    const Lang lang = opt.output_lang();

    std::vector<History> histories;
    std::vector<CountyFilings> filings;
    bool bad = false;
    for (const std::string& file : files) {
        try {
            const std::string text = opt.read(file);
            const auto schema = document_schema(text, opt.limits);
            if (schema && *schema == county_filings_schema) {
                filings.push_back(parse_county_filings(text, opt.limits));
            } else if (schema && *schema == history_schema) {
                histories.push_back(parse_history(text, opt.pack, opt.limits));
            } else {
                throw Error(ErrorCode::wrong_schema, "/schema",
                            Text{"不是平台历史（shifan.history/1）或县区报送记录（shifan.county-filings/1）" +
                                     (schema ? "，而是“" + *schema + "”" : std::string()),
                                 "neither a history (shifan.history/1) nor county filings (shifan.county-filings/1)" +
                                     (schema ? ", but \"" + *schema + "\"" : std::string())});
            }
        } catch (const Error& e) {
            if (e.code() == ErrorCode::usage) throw;
            if (opt.as_json) std::cerr << error_entry_json(file, e) << "\n";
            else print_error(e, opt.error_lang(), file);
            bad = true;
        }
    }
    if (bad) return exit_bad_input;
    Roster roster;
    try {
        roster = roster_of(histories, filings, opt.on, opt.status_options(), opt.pack);
    } catch (const Error& e) {
        if (e.code() == ErrorCode::usage) throw;
        if (opt.as_json) print_error_json(e);
        else print_error(e, opt.error_lang(), "roster");
        return exit_bad_input;
    }
    if (sheets.wanted()) sheets.write(sheet::roster_book(roster, opt.lang));
    if (sheets.csv_on_stdout()) return exit_ok;
    if (!html_path.empty()) {
        const std::string page = render_roster_html(roster);
        if (html_path == "-") {
            std::cout << page;
            return exit_ok;
        }
        write_file(html_path, page);
    }
    if (opt.as_json) {
        std::cout << write_roster(roster, lang) << "\n";
    } else {
        std::cout << opt.date_line() << "\n";
        if (lang == Lang::both) std::cout << render_roster(roster, Lang::zh) << "\n" << render_roster(roster, Lang::en);
        else std::cout << render_roster(roster, lang);
    }
    return exit_ok;
}

} // namespace shifan::cli
