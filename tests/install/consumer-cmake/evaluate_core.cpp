// Evaluates one application with the C++ library of an installed shifan (shifan::io).
#include <shifan/shifan.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: evaluate_core APPLICATION.json\n";
        return 64;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const shifan::Engine engine;
    try {
        const shifan::Application app = shifan::parse_application(text.str());
        const shifan::Evaluation e = engine.evaluate(app);
        const char* verdict = e.verdict == shifan::Verdict::eligible     ? "eligible"
                              : e.verdict == shifan::Verdict::ineligible ? "ineligible"
                                                                         : "undetermined";
        std::string json;
        shifan::write_evaluation(json, e, app.id);
        std::cout << "core verdict: " << verdict << " (" << json.size() << " bytes of shifan.evaluation/1)\n";
    } catch (const shifan::Error& err) {
        std::cerr << shifan::error_code_name(err.code()) << ": " << err.describe(shifan::Lang::en) << "\n";
        return 2;
    }
    return 0;
}
