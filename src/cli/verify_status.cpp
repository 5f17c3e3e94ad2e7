// Status cases for `shifan verify`: a `shifan.case/1` document with a `history` member is checked
// against `status_of` on its date (docs/specification.md §8.4). Only the listed expectations are compared,
// with the values exactly as `shifan.status/1` writes them. See docs/lifecycle.md.
//
// Self-contained (the library and nlohmann/json only) so that the unit tests can run every case
// under tests/cases/status/ without the command-line tool.
#include "verify_status.hpp"

#include "shifan/shifan.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace shifan::cli {

namespace {

using nlohmann::json;

const std::set<std::string>& status_case_keys() {
    static const std::set<std::string> keys = {"schema", "name", "citation", "rules", "note", "history", "on",
                                               "interpretations", "calendar", "rule_pack", "expect"};
    return keys;
}
const std::set<std::string>& status_expect_keys() {
    static const std::set<std::string> keys = {"state", "state_since", "days_left", "designated_on", "valid_until",
                                               "revoked_on", "term", "may_apply_again", "application",
                                               "obligations", "next_deadline", "error"};
    return keys;
}

/// A case that cannot be run as written.
struct BadCase {
    std::string why;
};

void compare(const std::string& what, const json& expected, const json& actual, std::string& failure) {
    if (expected != actual) failure += what + ": expected " + expected.dump() + ", got " + actual.dump() + "\n";
}

/// Compare the members `expected` lists (an object) with `actual`'s.
void compare_listed(const std::string& what, const json& expected, const json& actual, std::string& failure) {
    if (expected.is_null() || actual.is_null() || !expected.is_object()) {
        compare(what, expected, actual, failure);
        return;
    }
    for (const auto& [k, v] : expected.items())
        compare(std::string(what).append(".").append(k), v, actual.contains(k) ? actual.at(k) : json(), failure);
}

bool run(const json& c, std::string& failure) {
    if (!c.is_object()) throw BadCase{"a case is a JSON object"};
    for (const auto& [key, value] : c.items()) {
        (void)value;
        if (!status_case_keys().count(key)) throw BadCase{"unknown key \"" + key + "\" in a status case"};
    }
    if (!c.contains("schema") || c.at("schema") != "shifan.case/1") throw BadCase{"\"schema\" must be \"shifan.case/1\""};
    if (!c.contains("name") || !c.at("name").is_string() || c.at("name").get<std::string>().empty())
        throw BadCase{"\"name\" (a non-empty string) is required"};
    if (!c.contains("citation") || !c.at("citation").is_string() || c.at("citation").get<std::string>().empty())
        throw BadCase{"\"citation\" (e.g. \"第十四条\") is required"};
    if (!c.contains("on") || !c.at("on").is_string() || !parse_date(c.at("on").get<std::string>()))
        throw BadCase{"\"on\" (a YYYY-MM-DD date) is required"};
    if (!c.contains("expect") || !c.at("expect").is_object() || c.at("expect").empty())
        throw BadCase{"\"expect\" (an object with at least one expectation) is required"};
    const json& exp = c.at("expect");
    for (const auto& [key, value] : exp.items()) {
        (void)value;
        if (!status_expect_keys().count(key)) throw BadCase{"unknown expectation \"" + key + "\""};
    }
    const Date on = *parse_date(c.at("on").get<std::string>());

    Interpretations readings;
    bool rest_days_given = false;
    if (c.contains("interpretations")) {
        if (!c.at("interpretations").is_object()) throw BadCase{"\"interpretations\" is an object of NAME: VALUE"};
        for (const auto& [k, v] : c.at("interpretations").items()) {
            if (!v.is_string()) throw BadCase{"interpretation " + k + " must be a string"};
            try {
                set_interpretation(readings, k, v.get<std::string>());
            } catch (const Error& e) {
                throw BadCase{e.message().en};
            }
            if (k == "deadline_rest_days") rest_days_given = true;
        }
    }

    std::optional<Error> error;
    Status st;
    try {
        SharedRulePack pack = SharedRulePack::borrow(builtin_rule_pack());
        if (c.contains("rule_pack")) pack = SharedRulePack::make(parse_rule_pack(c.at("rule_pack").dump()));
        std::optional<Calendar> calendar;
        if (c.contains("calendar")) {
            calendar = parse_calendar(c.at("calendar").dump());
            if (!rest_days_given) readings.deadline_rest_days = DeadlineRestDays::roll_forward;
        }
        const History h = parse_history(c.at("history").dump(), pack);
        StatusOptions options;
        options.interpretations = readings;
        options.calendar = calendar ? &*calendar : nullptr;
        st = status_of(h, on, options);
    } catch (const Error& e) {
        error = e;
    }

    if (exp.contains("error")) {
        const json& want = exp.at("error");
        if (!want.is_object())
            throw BadCase{"\"expect.error\" is an object {code, event_index, event_type, articles, path}"};
        if (!error) {
            failure += "expected an error " + want.dump() + ", but the history was accepted\n";
            return false;
        }
        json got = {{"code", error_code_name(error->code())}, {"path", error->path()}};
        got["event_index"] = error->event_index >= 0 ? json(error->event_index) : json();
        got["event_type"] = error->event_type.empty() ? json() : json(error->event_type);
        got["articles"] = error->event_type.empty() ? json() : json(error->articles);
        compare_listed("error", want, got, failure);
        if (!failure.empty()) failure += "  (the error: " + error->describe(Lang::en) + ")\n";
        return failure.empty();
    }
    if (error) {
        failure += "unexpected error: " + std::string(error_code_name(error->code())) +
                   (error->event_index >= 0 ? " at event " + std::to_string(error->event_index) : std::string()) + ": " +
                   error->describe(Lang::en) + "\n";
        return false;
    }

    const json got = json::parse(write_status(st, Lang::both));
    const json& term = got.at("term");
    for (const auto& [key, want] : exp.items()) {
        if (key == "state" || key == "state_since" || key == "days_left" || key == "next_deadline") {
            compare(key, want, got.at(key), failure);
        } else if (key == "designated_on" || key == "valid_until" || key == "revoked_on") {
            compare(key, want, term.is_null() ? json() : term.at(key), failure);
        } else if (key == "term") {
            compare_listed("term", want, term, failure);
        } else if (key == "may_apply_again") {
            if (want.is_boolean()) compare("may_apply_again", want, got.at("may_apply_again").at("allowed"), failure);
            else compare_listed("may_apply_again", want, got.at("may_apply_again"), failure);
        } else if (key == "application") {
            compare_listed("application", want, got.at("application"), failure);
        } else if (key == "obligations") {
            if (!want.is_array()) throw BadCase{"\"expect.obligations\" is an array"};
            const json& list = got.at("obligations");
            if (want.size() != list.size()) {
                failure += "obligations: expected " + std::to_string(want.size()) + ", got " + std::to_string(list.size()) +
                           ": " + list.dump() + "\n";
                continue;
            }
            for (std::size_t i = 0; i < want.size(); ++i)
                compare_listed("obligations[" + std::to_string(i) + "]", want[i], list[i], failure);
        }
    }
    return failure.empty();
}

} // namespace

bool verify_status_case(const nlohmann::json& c, std::string& failure) {
    failure.clear();
    try {
        const bool ok = run(c, failure);
        while (!failure.empty() && failure.back() == '\n') failure.pop_back();
        return ok;
    } catch (const BadCase& b) {
        failure = "malformed status case: " + b.why;
    } catch (const std::exception& e) {
        failure = std::string("malformed status case: ") + e.what();
    }
    return false;
}

} // namespace shifan::cli
