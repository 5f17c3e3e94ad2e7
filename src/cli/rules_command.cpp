// shifan rules — the rule registry: every rule and group, the dossier items and the parameters,
// with citations and the rule pack's values. The text view is rendered from the same
// `shifan.registry/1` document that `--json` prints, so the two never disagree.
#include "common.hpp"

#include "shifan/io/registry.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <string>

namespace shifan::cli {

SharedRulePack load_rule_pack_option(const std::string& path);

namespace {

using nlohmann::json;

HelpText rules_help() {
    HelpText h;
    h.zh =
        "用法：shifan rules [选项]\n"
        "  列出规则登记表：第六条、第七条的每条规则和分组及其条款、参数和输入，第九条、第十条的\n"
        "  申报材料，参数表和各项解读。\n"
        "  --json              以 shifan.registry/1 JSON 输出登记表\n"
        "  --lang zh|en|both   文本的语言（默认 zh；错误信息默认两种）\n"
        "  --rule-pack FILE    显示该规则包的参数值，而非内置规则包的\n"
        "  -h, --help          显示本帮助\n"
        "退出码：0 已输出，2 规则包有误或无法读取，64 用法有误，74 输出未能写入\n";
    h.en =
        "usage: shifan rules [options]\n"
        "  Prints the rule registry: every rule and group of art6/art7 with its citation, parameters and\n"
        "  inputs, the dossier items of art9/art10, the parameter table and the readings.\n"
        "  --json              print the registry as shifan.registry/1 JSON\n"
        "  --lang zh|en|both   language of the text view (default zh; errors on stderr: both)\n"
        "  --rule-pack FILE    show this pack's parameter values instead of the built-in pack's\n"
        "  -h, --help          show this help\n"
        "exit: 0 printed, 2 bad rule pack or one that cannot be read, 64 bad usage, 74 output not written\n";
    return h;
}

std::string text_of(const json& t, Lang lang) {
    const std::string zh = t.at("zh").get<std::string>(), en = t.at("en").get<std::string>();
    return lang == Lang::zh ? zh : lang == Lang::en ? en : zh + " / " + en;
}

std::string value_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object()) {
        const json& day = v.at("day");
        return std::to_string(v.at("month").get<int>()) + "-" + (day.is_string() ? day.get<std::string>() : day.dump());
    }
    return v.dump();
}

/// "80" or "80 (from 2026-01-01: 100; …)" for a dated parameter.
std::string param_text(const json& p) {
    if (!p.at("value").is_null()) return value_text(p.at("value"));
    std::string s;
    for (const json& v : p.at("values")) {
        if (!s.empty()) s += "; ";
        s += (v.at("from").is_null() ? std::string("always") : "from " + v.at("from").get<std::string>()) + ": " +
             value_text(v.at("value"));
    }
    return s;
}

int depth_of(const json& rules, const json& r) {
    int d = 0;
    for (json parent = r.at("parent"); !parent.is_null(); ++d) {
        for (const json& q : rules)
            if (q.at("id") == parent) { parent = q.at("parent"); break; }
    }
    return d;
}

void render(std::ostream& os, const json& reg, Lang lang) {
    const bool en = lang == Lang::en;
    auto label = [&](const char* zh, const char* e) { return lang == Lang::zh ? std::string(zh) : lang == Lang::en ? std::string(e) : std::string(zh) + " / " + e; };
    const json& pack = reg.at("rule_pack");
    os << label("规则（规则包 ", "Rules (rule pack ") << pack.at("id").get<std::string>() << " "
       << pack.at("version").get<std::string>() << (en ? ")\n" : lang == Lang::zh ? "）\n" : ")\n");
    const json& rules = reg.at("rules");
    for (const json& r : rules) {
        const std::string indent(static_cast<std::size_t>(2 + 2 * depth_of(rules, r)), ' ');
        os << indent << r.at("id").get<std::string>() << "  " << text_of(r.at("citation"), lang) << "  "
           << text_of(r.at("title"), lang);
        if (r.at("kind") == "group")
            os << "  [" << (r.at("combine") == "all_of" ? label("全部满足", "all of") : label("至少一项", "any of")) << "]\n";
        else {
            os << "\n";
            if (r.contains("note")) os << indent << "    " << label("说明：", "note: ") << text_of(r.at("note"), lang) << "\n";
            if (r.at("measure") != "none") {
                os << indent << "    " << label("度量：", "measure: ") << r.at("measure").get<std::string>();
                if (!r.at("unit").is_null()) os << " (" << text_of(r.at("unit"), lang) << ")";
                os << "\n";
            }
            for (const json& p : r.at("parameters"))
                os << indent << "    " << label("参数：", "parameter: ") << p.at("name").get<std::string>() << " = "
                   << param_text(p) << "\n";
            os << indent << "    " << label("输入：", "inputs: ");
            bool first = true;
            for (const json& i : r.at("inputs")) { os << (first ? "" : ", ") << i.get<std::string>(); first = false; }
            os << "\n";
        }
    }
    os << "\n" << label("申报材料（第九条、第十条）", "Dossier (art9, art10)") << "\n";
    for (const json& d : reg.at("dossier")) {
        os << "  " << d.at("id").get<std::string>() << "  " << text_of(d.at("citation"), lang) << "  "
           << text_of(d.at("title"), lang) << "\n";
        if (d.contains("note")) os << "    " << label("说明：", "note: ") << text_of(d.at("note"), lang) << "\n";
        os << "    " << label("满足条件：", "satisfied by: ");
        bool first_set = true;
        for (const json& set : d.at("satisfied_by")) {
            os << (first_set ? "" : label(" 或 ", " or "));
            first_set = false;
            bool first = true;
            for (const json& m : set) { os << (first ? "" : " + ") << m.get<std::string>(); first = false; }
        }
        os << "\n";
    }
    os << "\n" << label("参数", "Parameters") << "\n";
    for (const json& p : reg.at("parameters")) {
        os << "  " << p.at("name").get<std::string>() << " = " << param_text(p) << "  " << text_of(p.at("citation"), lang)
           << "  " << text_of(p.at("meaning"), lang) << "\n";
    }
    os << "\n" << label("解读（默认在前）", "Readings (default first)") << "\n";
    for (const json& i : reg.at("interpretations")) {
        os << "  " << i.at("name").get<std::string>() << "  " << i.at("citation").get<std::string>() << "  ";
        bool first = true;
        for (const json& v : i.at("values")) { os << (first ? "" : " | ") << v.get<std::string>(); first = false; }
        os << "\n";
    }
}

} // namespace

int run_rules(int argc, char** argv) {
    std::string pack_path, lang_text;
    bool as_json = false;
    Parser parser;
    parser.flag("--json", as_json);
    parser.option("--lang", lang_text);
    parser.option("--rule-pack", pack_path);
    if (!parser.parse(argc, argv, rules_help())) return exit_ok;
    const Lang lang = parser.given("--lang") ? parse_lang(lang_text) : Lang::zh;
    const auto pack = load_rule_pack_option(pack_path);
    const std::string registry = registry_json(*pack);
    if (as_json) { std::cout << registry << "\n"; return exit_ok; }
    render(std::cout, json::parse(registry), lang);
    return exit_ok;
}

} // namespace shifan::cli
