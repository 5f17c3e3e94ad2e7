// Options shared by `shifan status` and `shifan roster`: the date, output form, language, rule pack,
// readings and calendar.
#pragma once

#include "common.hpp"

#include <memory>
#include <optional>
#include <string>

namespace shifan::cli {

/// Defined in evaluate_command.cpp: the built-in pack, or the pack in `path`.
std::shared_ptr<const RulePack> load_rule_pack_option(const std::string& path);

/// The lifecycle commands' options, parsed then loaded.
struct LifecycleOptions {
    Date on;                               ///< the query date (after `finish`)
    bool on_given = false;                 ///< --on was given (else today)
    bool as_json = false;                  ///< --json
    Lang lang = Lang::zh;                  ///< --lang
    std::string calendar_path;             ///< --calendar
    std::string pack_path;                 ///< --rule-pack
    Interpretations readings;              ///< --interpretation
    bool rest_days_given = false;          ///< deadline_rest_days was set explicitly
    std::shared_ptr<const RulePack> pack;  ///< loaded by `finish`
    std::optional<Calendar> calendar;      ///< loaded by `finish`
    json::Limits limits;                   ///< --max-document-bytes, --max-depth, ...

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
        else if (name == "--lang") lang = parse_lang(value);
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
