// shifan status HISTORY... — a platform's state, term, obligations and deadlines on a date
// (art8–art15, docs/specification.md §8).
#include "common.hpp"
#include "lifecycle_options.hpp"

#include <iostream>
#include <memory>

namespace shifan::cli {

namespace {

HelpText status_help() {
    return LifecycleOptions::help_of(
        "用法：shifan status HISTORY|DIR|- ... [选项]\n"
        "  根据平台的 shifan.history/1 文件给出某日的状态：认定状态、有效期及剩余天数、能否再次申报、\n"
        "  在办的申报、第十三条年度总结、下一个截止日期。\n"
        "  --json                     输出 shifan.status/1 JSON（多个文件时为数组）\n",
        "退出码：0 已完成，2 输入有误（错误在标准错误输出，指明事件、类型和条款），64 用法有误，74 输出未能写入\n",
        "usage: shifan status HISTORY|DIR|- ... [options]\n"
        "  A platform's status on a date from its shifan.history/1 file: state, term and days left,\n"
        "  whether it may apply again, the application in progress, art13 annual summaries, next deadline.\n"
        "  --json                     print shifan.status/1 JSON (an array when several files)\n",
        "exit: 0 ran, 2 bad input (error on stderr, naming the event, its type and article), 64 bad usage, "
        "74 output not written\n");
}

} // namespace

int run_status(int argc, char** argv) {
    LifecycleOptions opt;
    std::vector<std::string> files;
    Parser parser;
    if (!opt.parse_command_line(parser, argc, argv, files, status_help())) return exit_ok;
    if (files.empty())
        throw UsageError(Text{"未给出平台历史（文件、目录或 - 表示标准输入）",
                              "no history given (a file, a directory or - for standard input)"});
    files = expand_paths(files);
    opt.finish();
    const Lang lang = opt.output_lang();

    int status = exit_ok;
    std::string out;
    bool first = true;
    const bool several = opt.as_json && files.size() > 1;
    if (!opt.as_json) std::cout << opt.date_line();
    if (several) std::cout << "[";
    for (const std::string& file : files) {
        Status st;
        try {
            const std::string text = opt.read(file);
            if (document_schema(text, opt.limits) == county_filings_schema) {
                // Beside the histories in a folder; they belong to a county, not to a platform.
                std::cerr << "shifan status: " << file << ": skipped (" << county_filings_schema
                          << ": art15 reports belong to the county; see 'shifan roster')\n";
                continue;
            }
            const History h = parse_history(text, opt.pack, opt.limits);
            st = status_of(h, opt.on, opt.status_options());
        } catch (const Error& e) {
            if (e.code() == ErrorCode::usage) throw;
            status = exit_bad_input;
            report_failed_document(e, file, opt.error_lang(), opt.as_json, several, first);
            continue;
        } catch (const FileError& e) {
            // The other histories are still shown; with --json the array stays whole (the file is
            // named on stderr: the JSON error object has no code for a file that cannot be read).
            status = e.exit;
            print_message("shifan status", e.message, opt.error_lang());
            continue;
        }
        if (opt.as_json) {
            out.clear();
            write_status(out, st, lang);
            if (several && !first) std::cout << ",\n";
            std::cout << out;
        } else {
            std::cout << "\n";
            if (lang == Lang::both) std::cout << render_status(st, Lang::zh) << "\n" << render_status(st, Lang::en);
            else std::cout << render_status(st, lang);
        }
        first = false;
    }
    if (several) std::cout << "]";
    if (opt.as_json && (several || !first)) std::cout << "\n";
    return status;
}

} // namespace shifan::cli
