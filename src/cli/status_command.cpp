// shifan status HISTORY... — a platform's state, term, obligations and deadlines on a date
// (art8–art15, docs/specification.md §8).
#include "common.hpp"
#include "lifecycle_options.hpp"

#include <iostream>
#include <memory>

namespace shifan::cli {

namespace {

std::string status_usage() {
    // Appended step by step: GCC 12 reports a false -Warray-bounds on a chain of `+` here.
    std::string usage =
        "usage: shifan status HISTORY|DIR|- ... [options]\n"
        "  A platform's status on a date from its shifan.history/1 file: state, term and days left,\n"
        "  whether it may apply again, the application in progress, art13 annual summaries, next deadline.\n"
        "  --json                     print shifan.status/1 JSON (an array when several files)\n";
    usage += LifecycleOptions::help;
    usage +=
        "exit: 0 ran, 2 bad input (error on stderr, naming the event, its type and article), 64 bad usage, 74 output not written\n";
    return usage;
}

} // namespace

int run_status(int argc, char** argv) {
    LifecycleOptions opt;
    std::vector<std::string> files;
    if (!opt.parse_command_line(argc, argv, files, status_usage())) return exit_ok;
    if (files.empty()) throw UsageError("no history given (a file, a directory or - for standard input)");
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
            report_failed_document(e, file, opt.lang, opt.as_json, several, first);
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
