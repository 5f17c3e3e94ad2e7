// shifan — command-line front end of the library.
//   shifan evaluate FILE...   evaluate applications (art6, art7, dossier)
//   shifan verify CASES...    run policy test cases
//   shifan status HISTORY     a platform's status on a date (art8–art15)
//   shifan roster FILES...    county-level queries over many platforms
//   shifan rules [--json]     the rule registry
#include "common.hpp"

#include <cstring>
#include <iostream>

namespace shifan::cli {
// Subcommands implemented in their own files (src/cli/*_command.cpp).
int run_verify(int argc, char** argv);
int run_status(int argc, char** argv);
int run_roster(int argc, char** argv);
int run_rules(int argc, char** argv);
int run_generate(int argc, char** argv);
} // namespace shifan::cli

namespace {

struct Command {
    const char* name;
    int (*run)(int, char**);
    const char* summary;
};

const Command commands[] = {
    {"evaluate", shifan::cli::run_evaluate, "evaluate applications against art6/art7 and the dossier rules (art9, art10)"},
    {"verify", shifan::cli::run_verify, "run policy test cases and print 'N passed, N failed'"},
    {"status", shifan::cli::run_status, "a platform's state, term and obligations on a date (art8-art15)"},
    {"roster", shifan::cli::run_roster, "county queries over many platform histories (expiring, overdue, counts)"},
    {"rules", shifan::cli::run_rules, "print the rule registry (ids, citations, parameters, inputs)"},
    {"generate", shifan::cli::run_generate, "write a deterministic corpus of valid applications (benchmarks, batch runs)"},
};

void usage(std::ostream& os) {
    os << "usage: shifan <command> [options]\n\ncommands:\n";
    for (const Command& c : commands) os << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.summary << "\n";
    os << "\n'shifan <command> --help' shows a command's options.  shifan " SHIFAN_VERSION_STRING "\n";
}

/// Exit 0 when standard output took everything, else exit_io with the reason on stderr.
int finish() {
    try {
        shifan::cli::finish_output();
        return 0;
    } catch (const shifan::cli::FileError& e) {
        std::cerr << "shifan: " << e.message.en << "\n";
        return e.exit;
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) { usage(std::cerr); return shifan::cli::exit_usage; }
    const std::string_view cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") { usage(std::cout); return finish(); }
    if (cmd == "--version") { std::cout << "shifan " SHIFAN_VERSION_STRING "\n"; return finish(); }
    for (const Command& c : commands)
        if (cmd == c.name) {
            try {
                const int status = c.run(argc, argv);
                shifan::cli::finish_output(); // lost output is a failure, not a success
                return status;
            } catch (const shifan::cli::FileError& e) {
                std::cerr << "shifan " << c.name << ": " << e.message.zh << "\nshifan " << c.name << ": " << e.message.en
                          << "\n";
                return e.exit;
            } catch (const shifan::cli::UsageError& e) {
                std::cerr << "shifan " << c.name << ": " << shifan::printable(e.what()) << "\n(see 'shifan " << c.name
                          << " --help')\n";
                return shifan::cli::exit_usage;
            } catch (const shifan::Error& e) {
                if (e.code() != shifan::ErrorCode::usage && shifan::cli::wants_json(argc, argv))
                    shifan::cli::print_error_json(e);
                else
                    shifan::cli::print_error(e, shifan::Lang::both, c.name);
                return e.code() == shifan::ErrorCode::usage ? shifan::cli::exit_usage : shifan::cli::exit_bad_input;
            } catch (const std::exception& e) {
                std::cerr << "shifan " << c.name << ": internal error: " << e.what() << "\n";
                return 70;
            }
        }
    std::cerr << "shifan: unknown command '" << shifan::printable(cmd) << "'\n";
    usage(std::cerr);
    return shifan::cli::exit_usage;
}
