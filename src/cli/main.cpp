// shifan — command-line front end of the library.
//   shifan evaluate FILE...   evaluate applications (art6, art7, dossier)
//   shifan verify CASES...    run policy test cases
//   shifan status HISTORY     a platform's status on a date (art8–art15)
//   shifan roster FILES...    county-level queries over many platforms
//   shifan rules [--json]     the rule registry
//   shifan compare FILES...   the same applications under two rule packs or readings
//   shifan template --csv     the empty CSV application sheet
//   shifan convert --csv F    a CSV application sheet's rows as shifan.application/1 NDJSON
#include "common.hpp"

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace shifan::cli {
// Subcommands implemented in their own files (src/cli/*_command.cpp).
int run_verify(int argc, char** argv);
int run_status(int argc, char** argv);
int run_roster(int argc, char** argv);
int run_rules(int argc, char** argv);
int run_generate(int argc, char** argv);
int run_compare(int argc, char** argv);
int run_template(int argc, char** argv);
int run_convert(int argc, char** argv);
} // namespace shifan::cli

namespace {

struct Command {
    const char* name;
    int (*run)(int, char**);
    const char* summary_zh;
    const char* summary_en;
};

const Command commands[] = {
    {"evaluate", shifan::cli::run_evaluate, "按第六条、第七条和申报材料规则（第九条、第十条）评审申请",
     "evaluate applications against art6/art7 and the dossier rules (art9, art10)"},
    {"verify", shifan::cli::run_verify, "运行政策用例，输出 'N passed, N failed'",
     "run policy test cases and print 'N passed, N failed'"},
    {"status", shifan::cli::run_status, "平台在某日的状态、有效期和义务（第八条至第十五条）",
     "a platform's state, term and obligations on a date (art8-art15)"},
    {"roster", shifan::cli::run_roster, "对多个平台历史的县区查询（到期、逾期、统计）",
     "county queries over many platform histories (expiring, overdue, counts)"},
    {"rules", shifan::cli::run_rules, "列出规则登记表（标识、条款、参数、输入）",
     "print the rule registry (ids, citations, parameters, inputs)"},
    {"compare", shifan::cli::run_compare, "政策比较：同一批申请按两套规则包或解读评审，逐条规则列出变化",
     "policy simulation: the same applications under two rule packs or readings, rule by rule"},
    {"generate", shifan::cli::run_generate, "生成确定的一组有效申请（性能测试、批量运行）",
     "write a deterministic corpus of valid applications (benchmarks, batch runs)"},
    {"template", shifan::cli::run_template, "写出空白申请表（CSV，每个输入一列，由规则登记表生成）",
     "write the empty application sheet (CSV, one column per input, from the rule registry)"},
    {"convert", shifan::cli::run_convert, "把 CSV 申请表的每一行转换为 shifan.application/1（NDJSON）",
     "convert each row of a CSV application sheet to shifan.application/1 (NDJSON)"},
};

void usage(std::ostream& os, shifan::Lang lang) {
    const auto pad = [](const Command& c) { return std::string(10 - std::strlen(c.name), ' '); };
    if (lang != shifan::Lang::en) {
        os << "用法：shifan <命令> [选项]\n\n命令：\n";
        for (const Command& c : commands) os << "  " << c.name << pad(c) << c.summary_zh << "\n";
        os << "\n'shifan help <命令>' 或 'shifan <命令> --help' 列出命令的选项；--lang en 显示英文。\n"
              "  -V, --version  显示版本    shifan " SHIFAN_VERSION_STRING "\n";
    }
    if (lang == shifan::Lang::both) os << "\n";
    if (lang != shifan::Lang::zh) {
        os << "usage: shifan <command> [options]\n\ncommands:\n";
        for (const Command& c : commands) os << "  " << c.name << pad(c) << c.summary_en << "\n";
        os << "\n'shifan help <command>' or 'shifan <command> --help' shows a command's options.  shifan " SHIFAN_VERSION_STRING "\n";
    }
}

const Command* find_command(std::string_view name) {
    for (const Command& c : commands)
        if (name == c.name) return &c;
    return nullptr;
}

/// A message on stderr in the language(s) asked for, each followed by its hint (if any).
void print_message(const std::string& who, const shifan::Text& message, shifan::Lang lang, const char* hint_zh = nullptr,
                   const char* hint_en = nullptr) {
    if (hint_zh == nullptr) {
        shifan::cli::print_message(who, message, lang);
        return;
    }
    if (lang != shifan::Lang::en) std::cerr << who << ": " << message.zh << "\n" << hint_zh << "\n";
    if (lang != shifan::Lang::zh) std::cerr << who << ": " << message.en << "\n" << hint_en << "\n";
}

/// Exit 0 when standard output took everything, else exit_io with the reason on stderr.
int finish(shifan::Lang lang) {
    try {
        shifan::cli::finish_output();
        return 0;
    } catch (const shifan::cli::FileError& e) {
        print_message("shifan", e.message, lang);
        return e.exit;
    }
}

/// Run one command; every error becomes its message on stderr and its exit code.
int run_command(const Command& c, int argc, char** argv) {
    const shifan::cli::CliLang lang = shifan::cli::scan_lang(argc, argv);
    const std::string who = std::string("shifan ") + c.name;
    try {
        const int status = c.run(argc, argv);
        shifan::cli::finish_output(); // lost output is a failure, not a success
        return status;
    } catch (const shifan::cli::FileError& e) {
        print_message(who, e.message, lang.errors());
        return e.exit;
    } catch (const shifan::cli::UsageError& e) {
        const std::string hint_zh = "（参见 'shifan " + std::string(c.name) + " --help'）";
        const std::string hint_en = "(see 'shifan " + std::string(c.name) + " --help')";
        print_message(who, shifan::Text{shifan::printable(e.message.zh), shifan::printable(e.message.en)}, lang.errors(),
                      hint_zh.c_str(), hint_en.c_str());
        return shifan::cli::exit_usage;
    } catch (const shifan::Error& e) {
        if (e.code() != shifan::ErrorCode::usage && shifan::cli::wants_json(argc, argv))
            shifan::cli::print_error_json(e);
        else
            shifan::cli::print_error(e, lang.errors(), c.name);
        return e.code() == shifan::ErrorCode::usage ? shifan::cli::exit_usage : shifan::cli::exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << who << ": internal error: " << e.what() << "\n";
        return 70;
    }
}

/// `shifan [--lang L] --help | -h | --version | -V`: the options before any command.
int run_top_level(int argc, char** argv) {
    const shifan::cli::CliLang lang = shifan::cli::scan_lang(argc, argv, 1);
    bool help = false, version = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--help" || a == "-h") help = true;
        else if (a == "--version" || a == "-V") version = true;
        else if (a == "--lang" && i + 1 < argc && lang.given) ++i;
        else if (a.rfind("--lang=", 0) == 0 && lang.given) continue;
        else {
            const std::string shown = shifan::printable(a);
            print_message("shifan", shifan::Text{"未知选项 " + shown, "unknown option " + shown}, lang.errors(),
                          "（参见 'shifan --help'）", "(see 'shifan --help')");
            return shifan::cli::exit_usage;
        }
    }
    if (version) std::cout << "shifan " SHIFAN_VERSION_STRING "\n";
    else if (help) usage(std::cout, lang.lang);
    else { usage(std::cerr, lang.errors()); return shifan::cli::exit_usage; }
    return finish(lang.errors());
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) { usage(std::cerr, shifan::Lang::both); return shifan::cli::exit_usage; }
    const std::string_view cmd = argv[1];
    if (!cmd.empty() && cmd[0] == '-') return run_top_level(argc, argv);
    if (cmd == "help") {
        // `shifan help CMD [--lang L]` is `shifan CMD --help [--lang L]`.
        if (argc < 3 || argv[2][0] == '-') {
            const shifan::cli::CliLang lang = shifan::cli::scan_lang(argc, argv, 2);
            usage(std::cout, lang.lang);
            return finish(lang.errors());
        }
        const Command* c = find_command(argv[2]);
        if (!c) {
            const std::string shown = shifan::printable(argv[2]);
            print_message("shifan help", shifan::Text{"没有命令“" + shown + "”", "unknown command '" + shown + "'"},
                          shifan::cli::scan_lang(argc, argv, 3).errors());
            usage(std::cerr, shifan::cli::scan_lang(argc, argv, 3).errors());
            return shifan::cli::exit_usage;
        }
        std::vector<char*> args(argv, argv + argc);
        args.erase(args.begin() + 1); // drop "help": argv[1] is the command
        static char help_flag[] = "--help";
        args.insert(args.begin() + 2, help_flag);
        return run_command(*c, static_cast<int>(args.size()), args.data());
    }
    if (const Command* c = find_command(cmd)) return run_command(*c, argc, argv);
    const std::string shown = shifan::printable(cmd);
    const shifan::Lang lang = shifan::cli::scan_lang(argc, argv).errors();
    print_message("shifan", shifan::Text{"没有命令“" + shown + "”", "unknown command '" + shown + "'"}, lang);
    usage(std::cerr, lang);
    return shifan::cli::exit_usage;
}
