// Helpers for the lifecycle tests: dates from text, events in one line, refusal checks that
// prove the history is left byte-identical.
#pragma once

#include "test_helpers.hpp"

#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>

namespace shifan::test {

inline Date D(const char* s) {
    const auto d = parse_date(s);
    if (!d) throw std::invalid_argument(std::string("bad test date ") + s);
    return *d;
}

inline Event applied(const char* d, int review_year) { return Applied{D(d), Year{review_year}, std::nullopt}; }
inline Event recommended(const char* d) { return Recommended{D(d), "上党区", std::nullopt}; }
inline Event not_recommended(const char* d) { return NotRecommended{D(d), "不符合第六条", std::nullopt}; }
inline Event designated(const char* d, std::optional<std::vector<Function>> f = std::nullopt) {
    return Designated{D(d), "长中小企服〔" + std::string(d, 4) + "〕1号", std::move(f), std::nullopt};
}
inline Event rejected(const char* d) { return Rejected{D(d), "评审未通过", std::nullopt}; }
inline Event violation(const char* d, const char* conduct = nullptr) {
    return ViolationConfirmed{D(d), conduct ? std::optional<Date>(D(conduct)) : std::nullopt, "虚报服务数据", std::nullopt,
                              std::nullopt};
}
inline Event false_application(const char* d, const char* conduct = nullptr) {
    return ViolationConfirmed{D(d), conduct ? std::optional<Date>(D(conduct)) : std::nullopt, "申报材料不实",
                              RevocationGround::false_application, std::nullopt};
}
inline Event summary(int year, const char* d) { return AnnualSummaryFiled{Year{year}, D(d), std::nullopt}; }

inline Platform test_platform(const char* id = "CZ-P-T1", const char* county = "上党区") {
    return Platform{id, std::string("测试平台 ") + id, std::string(county)};
}

/// A history of the given events (each must be accepted).
inline History history_of(std::initializer_list<Event> events, Platform p = test_platform()) {
    History h(std::move(p));
    for (const Event& e : events) h.append(e);
    return h;
}

/// The usual path to a title: applied, recommended, designated on `on` (review year = its year).
inline History designated_on(const char* applied_on, const char* recommended_on, const char* designated_date,
                             Platform p = test_platform()) {
    return history_of({applied(applied_on, std::stoi(std::string(applied_on, 4))), recommended(recommended_on),
                       designated(designated_date)},
                      std::move(p));
}

/// Append `e` expecting acceptance.
inline void accept(History& h, const Event& e) {
    INFO("event " << json::enum_name(event_type(e)) << " on " << to_string(event_date(e)));
    REQUIRE_FALSE(h.check(e).has_value());
    REQUIRE_NOTHROW(h.append(e));
}

/// Append `e` expecting a refusal citing `article_en` (nullptr: no article) at member `member`;
/// the history must be byte-identical afterwards (and so must its status on the event's date).
inline Error refuse(History& h, const Event& e, const char* article_en, const char* member) {
    const std::string before = write_history(h);
    const Date on = event_date(e);
    const std::string status_before = write_status(status_of(h, on));
    const std::size_t index = h.events().size();
    const auto r = h.check(e);
    REQUIRE(r.has_value());
    std::optional<Error> caught;
    try {
        h.append(e);
    } catch (const Error& err) {
        caught = err;
    }
    REQUIRE(caught.has_value());
    CHECK(caught->code() == ErrorCode::history);
    CHECK(caught->event_index == static_cast<long>(index));
    CHECK(caught->path() == "/events/" + std::to_string(index) + "/" + member);
    const std::string type = json::enum_name(event_type(e));
    CHECK(caught->event_type == type);
    CHECK(caught->articles == (r->article ? citation::article_ids(*r->article) : std::vector<std::string>{}));
    CHECK_THAT(caught->message().en, Catch::Contains("event " + std::to_string(index) + " (" + type + ")"));
    CHECK_THAT(caught->message().zh, Catch::Contains("（" + type + "）"));
    if (article_en) {
        REQUIRE(r->article.has_value());
        CHECK(std::string(r->article->en) == article_en);
        CHECK_THAT(caught->message().en, Catch::Contains(std::string("breaks ") + article_en));
        CHECK_THAT(caught->message().zh, Catch::Contains(std::string("违反") + std::string(r->article->zh)));
    } else {
        CHECK_FALSE(r->article.has_value());
        CHECK_THAT(caught->message().en, !Catch::Contains("breaks"));
    }
    CHECK(write_history(h) == before);
    CHECK(h.events().size() == index);
    CHECK(write_status(status_of(h, on)) == status_before);
    return *caught;
}

} // namespace shifan::test
