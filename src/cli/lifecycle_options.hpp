// Options shared by `shifan status` and `shifan roster`: the date, output form, language, rule pack,
// readings and calendar.
#pragma once

#include "common.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace shifan::cli {

/// Defined in evaluate_command.cpp: the built-in pack, or the pack in `path`.
SharedRulePack load_rule_pack_option(const std::string& path);

/// The lifecycle commands' options, parsed then loaded.
struct LifecycleOptions {
    Date on;                               ///< the query date (after `finish`)
    bool on_given = false;                 ///< --on was given (else today)
    bool as_json = false;                  ///< --json
    Lang lang = Lang::zh;                  ///< --lang
    bool lang_given = false;               ///< --lang was given
    std::string calendar_path;             ///< --calendar
    std::string pack_path;                 ///< --rule-pack
    Interpretations readings;              ///< --interpretation
    bool rest_days_given = false;          ///< deadline_rest_days was set explicitly
    SharedRulePack pack;  ///< loaded by `finish`
    std::optional<Calendar> calendar;      ///< loaded by `finish`
    json::Limits limits;                   ///< --max-document-bytes, --max-depth, ...

    /// Help for the options both commands share.
    static constexpr const char* help =
        "  --on YYYY-MM-DD            the date (default: today; the date used is printed)\n"
        "  --lang zh|en|both          language of the report and messages (default zh; JSON: both)\n"
        "  --calendar FILE            a shifan.calendar/1 file of rest days; implies\n"
        "                             deadline_rest_days=roll_forward unless that reading is set\n"
        "  --rule-pack FILE           a shifan.rulepack/1 file instead of the built-in changzhi-municipal\n"
        "  --interpretation NAME=VAL  summary_owed=held_at_year_end|held_any_day,\n"
        "                             deadline_rest_days=literal|roll_forward\n"
        "  --max-document-bytes N, --max-depth N, --max-array-length N, --max-string-bytes N  input limits\n";

    /// Parse a command line (from argv[2]): positional arguments into `inputs`, options here, and
    /// a command's own valued options (`extra`: option name, where its value goes).
    /// @return false when --help was asked for (`usage` is then printed)
    /// @throws UsageError on an unknown option or a bad value
    bool parse_command_line(int argc, char** argv, std::vector<std::string>& inputs, const std::string& usage,
                            const std::vector<std::pair<std::string, std::string*>>& extra = {}) {
        std::vector<std::string> valued = with_value();
        for (const auto& [option, target] : extra) valued.push_back(option);
        Args args(argc, argv, 2);
        std::string name, value;
        while (args.next(name, value, valued)) {
            if (name.empty()) { inputs.push_back(value); continue; }
            if (name == "--help" || name == "-h") { std::cout << usage; return false; }
            const auto own = std::find_if(extra.begin(), extra.end(), [&](const auto& x) { return x.first == name; });
            if (own != extra.end()) *own->second = value;
            else if (!parse(name, value)) throw UsageError("unknown option " + name);
        }
        return true;
    }

    /// The language of the output: both languages in JSON unless --lang was given.
    [[nodiscard]] Lang output_lang() const { return as_json && !lang_given ? Lang::both : lang; }

    /// The options that take a value.
    static std::vector<std::string> with_value() {
        std::vector<std::string> v = {"--on", "--lang", "--calendar", "--rule-pack", "--interpretation"};
        v.insert(v.end(), limit_options.begin(), limit_options.end());
        return v;
    }

    /// Read a document named on the command line, within the input limits.
    [[nodiscard]] std::string read(const std::string& path) const { return read_input(path, limits.max_document_bytes); }

    /// Take one option; false when it is not one of these.
    bool parse(const std::string& name, const std::string& value) {
        if (name == "--on") { on = parse_cli_date(value); on_given = true; }
        else if (name == "--json") as_json = true;
        else if (name == "--lang") { lang = parse_lang(value); lang_given = true; }
        else if (name == "--calendar") calendar_path = value;
        else if (name == "--rule-pack") pack_path = value;
        else if (name == "--interpretation") {
            set_interpretation(readings, value);
            if (value.rfind("deadline_rest_days=", 0) == 0) rest_days_given = true;
        } else return set_limit_option(name, value, limits);
        return true;
    }

    /// Load the pack and calendar, and settle the date (today, read once, when --on is absent).
    /// A calendar without an explicit deadline_rest_days reading selects roll_forward; roll_forward
    /// without a calendar is a usage error.
    void finish() {
        if (!on_given) on = today();
        pack = load_rule_pack_option(pack_path);
        if (!calendar_path.empty()) {
            try {
                calendar = parse_calendar(read(calendar_path), limits);
            } catch (const Error& e) {
                if (e.code() == ErrorCode::usage) throw;
                throw Error(e.code(), e.path(),
                            Text{"日历 " + calendar_path + "：" + e.message().zh, "calendar " + calendar_path + ": " + e.message().en});
            }
            if (!rest_days_given) readings.deadline_rest_days = DeadlineRestDays::roll_forward;
        }
        if (readings.deadline_rest_days == DeadlineRestDays::roll_forward && !calendar)
            throw UsageError("deadline_rest_days=roll_forward needs --calendar FILE (a shifan.calendar/1 file)");
    }

    /// The status query options.
    [[nodiscard]] StatusOptions status_options() const {
        StatusOptions o;
        o.interpretations = readings;
        o.calendar = calendar ? &*calendar : nullptr;
        return o;
    }

    /// "查询日期 2025-03-01（今天）" — the date used, for the human report.
    [[nodiscard]] std::string date_line() const {
        const std::string d = to_string(on);
        const std::string zh = "查询日期 " + d + (on_given ? "" : "（今天）");
        const std::string en = "status on " + d + (on_given ? "" : " (today)");
        if (lang == Lang::en) return en + "\n";
        if (lang == Lang::both) return zh + " / " + en + "\n";
        return zh + "\n";
    }
};

} // namespace shifan::cli
