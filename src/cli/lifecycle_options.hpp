// Options shared by `shifan status` and `shifan roster`: the date, output form, language, rule pack,
// readings and calendar.
#pragma once

#include "common.hpp"

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

    /// Help for the options both commands share (zh).
    static constexpr const char* help_zh =
        "  --on YYYY-MM-DD            查询日期（默认今天；报告写明所用日期）\n"
        "  --lang zh|en|both          报告与消息的语言（默认 zh；JSON 默认两种；错误信息默认两种）\n"
        "  --calendar FILE            休息日文件 shifan.calendar/1；未另设 deadline_rest_days 时\n"
        "                             即按 deadline_rest_days=roll_forward 顺延\n"
        "  --rule-pack FILE           使用该规则包（shifan.rulepack/1）而非内置的 changzhi-municipal\n"
        "  --interpretation NAME=VAL  summary_owed=held_at_year_end|held_any_day，\n"
        "                             deadline_rest_days=literal|roll_forward\n"
        "  --max-document-bytes N, --max-depth N, --max-array-length N, --max-string-bytes N  输入限制\n";
    /// Help for the options both commands share (en).
    static constexpr const char* help_en =
        "  --on YYYY-MM-DD            the date (default: today; the date used is printed)\n"
        "  --lang zh|en|both          language of the report and messages (default zh; JSON: both;\n"
        "                             errors on stderr: both)\n"
        "  --calendar FILE            a shifan.calendar/1 file of rest days; implies\n"
        "                             deadline_rest_days=roll_forward unless that reading is set\n"
        "  --rule-pack FILE           a shifan.rulepack/1 file instead of the built-in changzhi-municipal\n"
        "  --interpretation NAME=VAL  summary_owed=held_at_year_end|held_any_day,\n"
        "                             deadline_rest_days=literal|roll_forward\n"
        "  --max-document-bytes N, --max-depth N, --max-array-length N, --max-string-bytes N  input limits\n";

    /// A lifecycle command's help: its own head (usage, description, own options), the shared
    /// options, -h and its exit line, in both languages.
    static HelpText help_of(const char* head_zh, const char* exit_zh, const char* head_en, const char* exit_en) {
        // Appended step by step: GCC 12 reports a false -Warray-bounds on a chain of `+` here.
        HelpText h;
        h.zh = head_zh;
        h.zh += help_zh;
        h.zh += "  -h, --help                 显示本帮助\n";
        h.zh += exit_zh;
        h.en = head_en;
        h.en += help_en;
        h.en += "  -h, --help                 show this help\n";
        h.en += exit_en;
        return h;
    }

    /// Parse a command line (from argv[2]): positional arguments into `inputs`, the shared options
    /// here; `parser` may already hold a command's own options.
    /// @return false when --help was asked for (`help` is then printed)
    /// @throws UsageError on an unknown option or a bad value
    bool parse_command_line(Parser& parser, int argc, char** argv, std::vector<std::string>& inputs,
                            const HelpText& help) {
        std::string on_text;
        CommonOptions common;
        parser.list("inputs", inputs);
        parser.option("--on", on_text);
        parser.flag("--json", as_json);
        parser.option("--calendar", calendar_path);
        common.add_to(parser);
        if (!parser.parse(argc, argv, help)) return false;
        common.settle(parser);
        if (parser.given("--on")) {
            on = parse_cli_date(on_text);
            on_given = true;
        }
        lang = common.lang();
        lang_given = common.lang_given;
        pack_path = common.pack_path;
        for (const std::string& value : common.interpretations) {
            set_interpretation(readings, value);
            if (value.rfind("deadline_rest_days=", 0) == 0) rest_days_given = true;
        }
        limits = common.limits;
        return true;
    }

    /// The language of the output: both languages in JSON unless --lang was given.
    [[nodiscard]] Lang output_lang() const { return as_json && !lang_given ? Lang::both : lang; }

    /// The language of errors on stderr: both unless --lang was given.
    [[nodiscard]] Lang error_lang() const { return lang_given ? lang : Lang::both; }

    /// Read a document named on the command line, within the input limits.
    [[nodiscard]] std::string read(const std::string& path) const { return read_input(path, limits.max_document_bytes); }

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
            throw UsageError(Text{"deadline_rest_days=roll_forward 需要 --calendar FILE（shifan.calendar/1 文件）",
                                  "deadline_rest_days=roll_forward needs --calendar FILE (a shifan.calendar/1 file)"});
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
