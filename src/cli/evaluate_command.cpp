// shifan evaluate FILE... — evaluate applications and explain every decision.
#include "batch_cli.hpp"
#include "csv_cli.hpp"
#include "common.hpp"
#include "sheet.hpp"

#include <iostream>
#include <memory>

namespace shifan::cli {

namespace {

HelpText evaluate_help() {
    HelpText h;
    h.zh =
        "用法：shifan evaluate FILE|DIR|- ... [选项]\n"
        "  按第六条、第七条和申报材料规则（第九条、第十条）评审 shifan.application/1 申报文件。\n"
        "  --json                     输出 shifan.evaluation/1 JSON（多个文件时为数组，出错的文件以\n"
        "                             {\"file\", \"error\"} 占位）；错误以 JSON 写到标准错误输出\n"
        "  --output verdict|compact|full\n"
        "                             输出的详略（默认 full）：verdict 只有申报编号、结论、满足的功能\n"
        "                             （或错误）；compact 只列未通过的检查（须配合 --json 或 --batch）\n"
        "  --compact                  同 --output compact\n"
        "  --lang zh|en|both          报告与消息的语言（默认 zh；JSON 默认两种；错误信息默认两种）\n"
        "  --rule-pack FILE           使用该规则包（shifan.rulepack/1）而非内置的 changzhi-municipal\n"
        "  --interpretation NAME=VAL  条款的解读，如 growth=non_decreasing、\n"
        "                             operating_period=on_last_day（可重复）\n"
        "  --batch FILE.ndjson|-      每行一份申请（NDJSON），按输入顺序每行输出一个结果，使用全部核心\n"
        "                             （出错的行为 {\"line\": N, \"error\": ...}；汇总写到标准错误输出）\n"
        "  --csv FILE|-               CSV 申请表（'shifan template --csv'），每行一份申请，按行输出结果，\n"
        "                             格式同 --batch（有误的行为 {\"row\": N, \"errors\": [...]}，\n"
        "                             每个有误的单元格一项，如 C7）\n"
        "  --encoding detect|utf-8|gb18030\n"
        "                             --csv 文件的编码（默认 detect：有效的 UTF-8 按 UTF-8，否则按 GB18030）\n"
        "  --xlsx FILE                另把结果写成 Excel 工作簿：每份申请一行（结论、满足的功能、未通过\n"
        "                             或无法判定的检查及其实际值、要求、差额、缺少的输入），另一张表为\n"
        "                             规则包与解读（--lang en 为英文）\n"
        "  --csv-out FILE             另把同一张结果表写成 CSV（UTF-8 带 BOM；- 表示只写到标准输出）\n"
        "  --jobs N                   --batch 的线程数（默认为核心数；逐个给出的文件依次评审，\n"
        "                             任何 N 输出都相同）\n"
        "  --max-document-bytes N, --max-depth N, --max-array-length N, --max-string-bytes N\n"
        "                             输入限制（默认 16 MiB、64、1000000、64 KiB）\n"
        "  -h, --help                 显示本帮助\n"
        "退出码：0 已评审（无论结论），2 输入有误或无法读取（错误在标准错误输出），64 用法有误，74 输出未能写入\n";
    h.en =
        "usage: shifan evaluate FILE|DIR|- ... [options]\n"
        "  Evaluates shifan.application/1 documents against art6, art7 and the dossier rules.\n"
        "  --json                     print shifan.evaluation/1 JSON (an array when several files, a bad\n"
        "                             file in its place as {\"file\", \"error\"}); errors as JSON on stderr\n"
        "  --output verdict|compact|full\n"
        "                             how much to print (default full): verdict = the application id,\n"
        "                             the verdict and the qualified functions (or the error) only;\n"
        "                             compact = only the checks that did not pass (with --json or --batch)\n"
        "  --compact                  the same as --output compact\n"
        "  --lang zh|en|both          language of the report and messages (default zh; JSON: both;\n"
        "                             errors on stderr: both)\n"
        "  --rule-pack FILE           a shifan.rulepack/1 file instead of the built-in changzhi-municipal\n"
        "  --interpretation NAME=VAL  a reading of an ambiguous clause, e.g. growth=non_decreasing,\n"
        "                             operating_period=on_last_day (repeatable)\n"
        "  --batch FILE.ndjson|-      NDJSON in, NDJSON results out, in input order, on all cores\n"
        "                             (a bad line gives {\"line\": N, \"error\": ...}; summary on stderr)\n"
        "  --csv FILE|-               a CSV application sheet ('shifan template --csv'), one application\n"
        "                             per row, results as with --batch (a bad row gives\n"
        "                             {\"row\": N, \"errors\": [...]}, one entry per bad cell such as C7)\n"
        "  --encoding detect|utf-8|gb18030\n"
        "                             the --csv file's encoding (default detect: valid UTF-8 is UTF-8,\n"
        "                             else GB18030)\n"
        "  --xlsx FILE                also write the results as an Excel workbook: one row per application\n"
        "                             (verdict, qualified functions, each failing or undetermined check\n"
        "                             with actual, required and shortfall, missing inputs) and a sheet of\n"
        "                             the rule pack and readings (in Chinese; --lang en: English)\n"
        "  --csv-out FILE             also write the same results table as CSV (UTF-8 with BOM; - writes\n"
        "                             only the CSV, to standard output)\n"
        "  --jobs N                   threads for --batch (default: the core count; files given one by\n"
        "                             one are evaluated in turn, with the same output for any N)\n"
        "  --max-document-bytes N, --max-depth N, --max-array-length N, --max-string-bytes N\n"
        "                             input limits (defaults: 16 MiB, 64, 1000000, 64 KiB)\n"
        "  -h, --help                 show this help\n"
        "exit: 0 evaluated (whatever the verdict), 2 bad input or an input that cannot be read (error on\n"
        "stderr), 64 bad usage, 74 output not written\n";
    return h;
}

/// --output: how much of an evaluation is written.
enum class Form { full, compact, verdict };

Form parse_form(const std::string& value) {
    if (value == "full") return Form::full;
    if (value == "compact") return Form::compact;
    if (value == "verdict") return Form::verdict;
    throw UsageError(Text{"--output 的取值为 verdict、compact 或 full", "--output takes verdict, compact or full"});
}

/// One line per application for screening: "id: the verdict sentence".
void print_verdict_line(const Application& app, const Evaluation& evaluation, Lang lang) {
    const std::string id = app.id ? printable(*app.id) : std::string("-");
    if (lang != Lang::en) std::cout << id << "：" << explain_verdict(evaluation, Lang::zh) << "\n";
    if (lang != Lang::zh) std::cout << id << ": " << explain_verdict(evaluation, Lang::en) << "\n";
}

} // namespace

SharedRulePack load_rule_pack_option(const std::string& path, const json::Limits& limits);

/// The rule pack with the default input limits.
SharedRulePack load_rule_pack_option(const std::string& path) {
    return load_rule_pack_option(path, json::Limits{});
}

/// Load the rule pack and readings shared by evaluate, verify and batch runs.
SharedRulePack load_rule_pack_option(const std::string& path, const json::Limits& limits) {
    if (path.empty()) return SharedRulePack::borrow(builtin_rule_pack());
    try {
        return SharedRulePack::make(
            parse_rule_pack(read_input(path, limits.max_document_bytes), {}, limits));
    } catch (const Error& e) {
        throw Error(e.code(), e.path(), Text{"规则包 " + path + "：" + e.message().zh, "rule pack " + path + ": " + e.message().en});
    }
}

int run_evaluate(int argc, char** argv) {
    std::vector<std::string> files;
    bool as_json = false, compact_flag = false;
    std::string batch, csv, encoding_text, jobs_text, output_text;
    CommonOptions common;
    Parser parser;
    parser.list("files", files);
    parser.flag("--json", as_json);
    parser.flag("--compact", compact_flag);
    parser.option("--output", output_text);
    parser.option("--batch", batch);
    parser.option("--csv", csv);
    parser.option("--encoding", encoding_text);
    parser.option("--jobs", jobs_text);
    sheet::Outputs sheets;
    sheets.add_to(parser);
    common.add_to(parser);
    if (!parser.parse(argc, argv, evaluate_help())) return exit_ok;
    common.settle(parser);

    const Lang lang = common.lang();
    const bool lang_given = common.lang_given;
    const Lang error_lang = lang_given ? lang : Lang::both;
    const json::Limits limits = common.limits;
    const unsigned jobs = parser.given("--jobs") ? parse_jobs(jobs_text) : 0;
    Form form = compact_flag ? Form::compact : Form::full;
    if (parser.given("--output")) form = parse_form(output_text);
    if (compact_flag && form != Form::compact)
        throw UsageError(Text{"--compact 与 --output " + output_text + " 互相矛盾",
                              "--compact contradicts --output " + output_text});
    Interpretations readings;
    for (const std::string& value : common.interpretations) set_interpretation(readings, value);
    const std::string& pack_path = common.pack_path;
    sheets.check(parser);
    sheets.lang = lang;
    sheet::EvaluationTables tables;
    // The workbook's tables once everything is evaluated.
    const auto write_sheets = [&](const Engine& engine) {
        if (sheets.wanted()) sheets.write(tables.book(lang, engine.rule_pack(), engine.interpretations()));
    };

    // --csv and --batch: one application a row or line, evaluated by `evaluate_lines` on a BatchRun.
    const auto run_lines = [&](const std::string& source, const auto& evaluate_lines) {
        const Engine engine(load_rule_pack_option(pack_path, limits), readings);
        BatchRun run{engine, source, jobs, {}, lang_given ? lang : Lang::both, limits};
        run.write.lang = run.lang;
        run.write.compact = form == Form::compact;
        run.write.verdict_only = form == Form::verdict;
        if (sheets.wanted()) run.tables = &tables;
        run.quiet = sheets.csv_on_stdout();
        const int status = evaluate_lines(run);
        write_sheets(engine);
        return status;
    };

    if (!csv.empty()) {
        if (!files.empty() || !batch.empty())
            throw UsageError(Text{"--csv 自行读取输入，不能再给出 --batch 或其他文件", "--csv reads its own input; give neither --batch nor other files"});
        const CsvEncoding encoding = encoding_text.empty() ? CsvEncoding::detect : parse_encoding(encoding_text);
        return run_lines(csv, [encoding](const BatchRun& run) { return run_evaluate_csv(run, encoding); });
    }
    if (!encoding_text.empty())
        throw UsageError(Text{"--encoding 只用于 --csv", "--encoding goes with --csv"});
    if (!batch.empty()) {
        if (!files.empty())
            throw UsageError(Text{"--batch 自行读取输入，不能再给出其他文件", "--batch reads its own input; give no other file"});
        return run_lines(batch, [](const BatchRun& run) { return run_evaluate_batch(run); });
    }
    if (files.empty())
        throw UsageError(Text{"未给出申请（文件、目录或 - 表示标准输入）",
                              "no application given (a file, a directory or - for standard input)"});
    if (form == Form::compact && !as_json)
        throw UsageError(Text{"--compact（--output compact）须配合 --json", "--compact goes with --json"});
    files = expand_paths(files);

    const Engine engine(load_rule_pack_option(pack_path, limits), readings);
    WriteOptions options;
    options.lang = as_json && !lang_given ? Lang::both : lang;
    options.compact = form == Form::compact;
    options.verdict_only = form == Form::verdict;

    if (sheets.csv_on_stdout()) as_json = false;
    int status = exit_ok;
    json::Tape tape;
    auto app = std::make_unique<Application>();
    auto evaluation = std::make_unique<Evaluation>();
    std::string out;
    bool first = true;
    const bool several = as_json && files.size() > 1;
    if (several) std::cout << "[";
    for (const std::string& file : files) {
        try {
            parse_application(tape, read_input(file, limits.max_document_bytes), *app, limits);
            engine.evaluate(*app, *evaluation);
        } catch (const Error& e) {
            status = exit_bad_input;
            if (sheets.wanted()) tables.add_error(Text{file, file}, e);
            if (sheets.csv_on_stdout()) print_error(e, error_lang, file);
            else report_failed_document(e, file, error_lang, as_json, several, first);
            continue;
        } catch (const FileError& e) {
            // The other files are still evaluated; with --json the array stays whole (the file is
            // named on stderr: the JSON error object has no code for a file that cannot be read).
            status = e.exit;
            if (sheets.wanted()) tables.add_error(Text{file, file}, e.message);
            print_message("shifan evaluate", e.message, error_lang);
            continue;
        }
        if (sheets.wanted()) tables.add(*app, *evaluation, Text{file, file});
        if (sheets.csv_on_stdout()) continue;
        if (as_json) {
            out.clear();
            write_evaluation(out, *evaluation, app->id, options);
            if (several && !first) std::cout << ",\n";
            std::cout << out;
        } else if (form == Form::verdict) {
            print_verdict_line(*app, *evaluation, lang);
        } else {
            if (!first) std::cout << "\n";
            if (lang == Lang::both) std::cout << render_report(*app, *evaluation, Lang::zh) << "\n" << render_report(*app, *evaluation, Lang::en);
            else std::cout << render_report(*app, *evaluation, lang);
        }
        first = false;
    }
    if (several) std::cout << "]";
    if (as_json && (several || !first)) std::cout << "\n";
    write_sheets(engine);
    return status;
}

} // namespace shifan::cli
