// shifan evaluate FILE... — evaluate applications and explain every decision.
#include "batch_cli.hpp"
#include "common.hpp"

#include <iostream>
#include <memory>

namespace shifan::cli {

namespace {

const char* const evaluate_usage =
    "usage: shifan evaluate FILE|DIR|- ... [options]\n"
    "  Evaluates shifan.application/1 documents against art6, art7 and the dossier rules.\n"
    "  --json                     print shifan.evaluation/1 JSON (an array when several files, a bad\n"
    "                             file in its place as {\"file\", \"error\"}); errors as JSON on stderr\n"
    "  --compact                  with --json: only the verdict and the checks that did not pass\n"
    "  --lang zh|en|both          language of the report and messages (default zh; JSON: both)\n"
    "  --rule-pack FILE           a shifan.rulepack/1 file instead of the built-in changzhi-municipal\n"
    "  --interpretation NAME=VAL  a reading of an ambiguous clause, e.g. growth=non_decreasing,\n"
    "                             operating_period=on_last_day\n"
    "  --batch FILE.ndjson|-      NDJSON in, NDJSON results out, in input order, on all cores\n"
    "                             (a bad line gives {\"line\": N, \"error\": ...}; summary on stderr)\n"
    "  --jobs N                   threads for --batch (default: the core count; files given one by\n"
    "                             one are evaluated in turn, with the same output for any N)\n"
    "  --max-document-bytes N, --max-depth N, --max-array-length N, --max-string-bytes N\n"
    "                             input limits (defaults: 16 MiB, 64, 1000000, 64 KiB)\n"
    "exit: 0 evaluated (whatever the verdict), 2 bad input (error on stderr), 64 bad usage, 74 output not written\n";

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
    Args args(argc, argv, 2);
    std::string name, value, pack_path;
    std::vector<std::string> files;
    bool as_json = false, compact = false, lang_given = false;
    Lang lang = Lang::zh;
    Interpretations readings;
    json::Limits limits;
    std::string batch;
    unsigned jobs = 0;
    std::vector<std::string> with_value = {"--lang", "--rule-pack", "--interpretation", "--batch", "--jobs"};
    with_value.insert(with_value.end(), limit_options.begin(), limit_options.end());
    while (args.next(name, value, with_value)) {
        if (name.empty()) files.push_back(value);
        else if (set_limit_option(name, value, limits)) {}
        else if (name == "--help" || name == "-h") { std::cout << evaluate_usage; return exit_ok; }
        else if (name == "--json") as_json = true;
        else if (name == "--compact") compact = true;
        else if (name == "--lang") { lang = parse_lang(value); lang_given = true; }
        else if (name == "--rule-pack") pack_path = value;
        else if (name == "--interpretation") set_interpretation(readings, value);
        else if (name == "--batch") batch = value;
        else if (name == "--jobs") jobs = parse_jobs(value);
        else throw UsageError("unknown option " + name);
    }
    if (!batch.empty()) {
        if (!files.empty()) throw UsageError("--batch reads its own input; give no other file");
        const Engine engine(load_rule_pack_option(pack_path, limits), readings);
        BatchRun run{engine, batch, jobs, {}, lang_given ? lang : Lang::both, limits};
        run.write.lang = run.lang;
        run.write.compact = compact;
        return run_evaluate_batch(run);
    }
    if (files.empty()) throw UsageError("no application given (a file, a directory or - for standard input)");
    if (compact && !as_json) throw UsageError("--compact goes with --json");
    files = expand_paths(files);

    const Engine engine(load_rule_pack_option(pack_path, limits), readings);
    WriteOptions options;
    options.lang = as_json && !lang_given ? Lang::both : lang;
    options.compact = compact;

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
            report_failed_document(e, file, lang, as_json, several, first);
            continue;
        }
        if (as_json) {
            out.clear();
            write_evaluation(out, *evaluation, app->id, options);
            if (several && !first) std::cout << ",\n";
            std::cout << out;
        } else {
            if (!first) std::cout << "\n";
            if (lang == Lang::both) std::cout << render_report(*app, *evaluation, Lang::zh) << "\n" << render_report(*app, *evaluation, Lang::en);
            else std::cout << render_report(*app, *evaluation, lang);
        }
        first = false;
    }
    if (several) std::cout << "]";
    if (as_json && (several || !first)) std::cout << "\n";
    return status;
}

} // namespace shifan::cli
