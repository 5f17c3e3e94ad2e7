// evaluate — the C++ wrapper (shifan/shifan_cxx.hpp) over libshifan: RAII handles, exceptions.
//
//   usage: evaluate FILE...
// Evaluates every file with one engine, in one batch call, and prints a line per application plus the
// failed rules of the first ineligible one (not the rules of functions it did not claim). Exit 0,
// or 2 when some file is bad input.
#include <shifan/shifan_cxx.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace sc = shifan::client;

static std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

int main(int argc, char** argv) try {
    if (argc < 2) {
        std::cerr << "usage: evaluate FILE...\n";
        return 64;
    }
    std::vector<std::string> texts;
    for (int i = 1; i < argc; ++i) texts.push_back(slurp(argv[i]));
    const std::vector<std::string_view> docs(texts.begin(), texts.end());

    sc::Engine engine; // built-in rule pack changzhi-municipal, default readings
    sc::BatchOptions options;
    options.item_json = false;  // verdicts only ...
    options.keep_input = true;  // ... and full results on demand
    const sc::Batch batch = engine.evaluate_batch(docs, options);
    const auto summary = batch.summary();

    int status = 0;
    bool explained = false;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        std::cout << argv[i + 1] << ": ";
        if (summary.status[i] != SHIFAN_OK) {
            const auto error = batch.item_error(i);
            std::cout << "bad input: " << error->what() << "\n";
            status = 2;
            continue;
        }
        const sc::Evaluation e = batch.item_evaluation(i);
        std::cout << sc::to_string(e.verdict());
        for (const std::string& f : e.qualified_function_names()) std::cout << ' ' << f;
        std::cout << "\n";
        if (!explained && e.verdict() == sc::Verdict::ineligible) {
            // The rules that failed; a function the applicant did not claim is no failure of its
            // application, so its rules (reason "not_claimed") are left out.
            explained = true;
            for (const sc::Check& c : e.checks(sc::Lang::en))
                if (!c.group && c.outcome == sc::Outcome::fail && c.reason != "not_claimed")
                    std::cout << "    " << c.id << ": " << c.message << "\n";
        }
    }
    return status;
} catch (const sc::Error& e) {
    std::cerr << "evaluate: " << e.what() << "\n";
    return 2;
} catch (const std::exception& e) {
    std::cerr << "evaluate: " << e.what() << "\n";
    return 1;
}
