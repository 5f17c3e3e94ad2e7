// Every transition rule of docs/specification.md §8.3, allowed and refused; after each refusal the
// history is byte-identical (write_history) and so is its status. Boundaries are tested at, just before
// and just after each date that matters.
#include "lifecycle_helpers.hpp"

#include <catch2/catch.hpp>

using namespace shifan;
using namespace shifan::test;

TEST_CASE("transitions: applied at most once per review year (art12)", "[lifecycle][transitions]") {
    History h = history_of({applied("2024-03-20", 2024)});
    SECTION("twice while a candidate") { refuse(h, applied("2024-03-21", 2024), "art12", "review_year"); }
    SECTION("again after not being recommended, same review year") {
        accept(h, not_recommended("2024-04-10"));
        refuse(h, applied("2024-05-01", 2024), "art12", "review_year");
        accept(h, applied("2025-03-01", 2025)); // the next review year is fine
        CHECK(status_of(h, D("2025-03-01")).state == State::candidate);
    }
    SECTION("again after rejection, same review year") {
        accept(h, recommended("2024-04-10"));
        accept(h, rejected("2024-06-01"));
        refuse(h, applied("2024-06-02", 2024), "art12", "review_year");
        CHECK(status_of(h, D("2024-06-02")).state == State::rejected);
        accept(h, applied("2025-01-02", 2025));
    }
    SECTION("review years never go back") {
        History fresh = history_of({});
        accept(fresh, applied("2024-12-20", 2025)); // next year's review, applied in December
        const Error e = refuse(fresh, applied("2024-12-21", 2024), "art12", "review_year");
        CHECK_THAT(e.message().en, Catch::Contains("never go back"));
        accept(h, not_recommended("2024-04-10"));
        refuse(h, applied("2024-12-21", 2024), "art12", "review_year");
    }
    SECTION("the review year is the application's year or the next") {
        accept(h, not_recommended("2024-04-10"));
        refuse(h, applied("2025-03-01", 2024), "art12", "review_year"); // past review year: already applied anyway
        refuse(h, applied("2025-03-01", 2027), "art12", "review_year");
        History fresh = history_of({});
        refuse(fresh, applied("2025-03-01", 2023), "art12", "review_year");
        refuse(fresh, applied("2025-03-01", 2024), "art12", "review_year");
        refuse(fresh, applied("2025-03-01", 2027), "art12", "review_year");
        accept(fresh, applied("2025-03-01", 2026));
    }
}

TEST_CASE("transitions: applied is allowed for a new platform and after every closed outcome", "[lifecycle][transitions]") {
    SECTION("new platform") {
        History h = history_of({});
        accept(h, applied("2024-03-20", 2024));
        CHECK(status_of(h, D("2024-03-20")).state == State::candidate);
        CHECK(status_of(h, D("2024-03-19")).state == State::none);
    }
    SECTION("an unresolved application of an earlier review year lapses") {
        History h = history_of({applied("2023-03-20", 2023), recommended("2023-04-30")});
        CHECK(status_of(h, D("2024-01-05")).state == State::recommended);
        CHECK(status_of(h, D("2024-01-05")).may_apply_again.allowed);
        accept(h, applied("2024-03-20", 2024));
        const Status s = status_of(h, D("2024-03-20"));
        CHECK(s.state == State::candidate);
        REQUIRE(s.application.has_value());
        CHECK(s.application->review_year == 2024);
        CHECK(s.application->stage == Stage::candidate);
        // the lapsed recommendation cannot be acted on: the new application is a candidate
        refuse(h, designated("2024-07-01"), "art8–art11", "type");
    }
    SECTION("after expiry and after revocation") {
        History h = designated_on("2020-03-18", "2020-04-28", "2020-07-01"); // valid until 2023-07-01
        History r = h;
        accept(h, applied("2024-03-01", 2024));
        CHECK(status_of(h, D("2024-03-01")).state == State::candidate);
        accept(r, violation("2022-05-12", "2022-03-01"));
        accept(r, applied("2022-05-12", 2022)); // revoked on 2022-05-12: not valid that day, may apply at once
        CHECK(status_of(r, D("2022-05-12")).state == State::candidate);
        CHECK(status_of(r, D("2022-05-11")).state == State::designated);
    }
}

TEST_CASE("transitions: a designated platform applies again only in the year its validity ends (art14)",
          "[lifecycle][transitions]") {
    // designated 2021-06-30, valid until 2024-06-30
    History h = designated_on("2021-03-15", "2021-04-20", "2021-06-30");
    SECTION("before the expiry year: refused") {
        refuse(h, applied("2022-03-01", 2022), "art14", "review_year");
        refuse(h, applied("2023-12-31", 2023), "art14", "review_year");
        refuse(h, applied("2023-12-31", 2025), "art12", "review_year");
        const Error e = refuse(h, applied("2023-03-01", 2023), "art14", "review_year");
        CHECK_THAT(e.message().zh, Catch::Contains("2024-06-30"));
        CHECK_THAT(e.message().zh, Catch::Contains("第十四条"));
    }
    SECTION("for the expiry year, even from December before it") {
        accept(h, applied("2023-12-31", 2024));
        CHECK(status_of(h, D("2024-01-01")).state == State::designated);
        CHECK(status_of(h, D("2024-01-01")).application->review_year == 2024);
    }
    SECTION("on 1 January of the expiry year") { accept(h, applied("2024-01-01", 2024)); }
    SECTION("on the last day of validity") { accept(h, applied("2024-06-30", 2024)); }
    SECTION("after expiry (not designated any more)") {
        accept(h, applied("2024-07-01", 2024));
        CHECK(status_of(h, D("2024-07-01")).state == State::candidate);
    }
    SECTION("renewal: the new term replaces the old from its date") {
        accept(h, applied("2024-03-10", 2024));
        refuse(h, applied("2024-03-11", 2024), "art12", "review_year");
        accept(h, recommended("2024-04-25"));
        accept(h, designated("2024-06-28"));
        const Ledger& l = h.ledger();
        REQUIRE(l.terms().size() == 2);
        CHECK(l.last_valid_day(0) == D("2024-06-27"));
        CHECK(l.terms()[1].valid_until == D("2027-06-28"));
        CHECK(status_of(h, D("2024-06-27")).term->designated_on == D("2021-06-30"));
        CHECK(status_of(h, D("2024-06-27")).days_left == 3);
        CHECK(status_of(h, D("2024-06-28")).term->designated_on == D("2024-06-28"));
        CHECK(status_of(h, D("2024-06-28")).days_left == 1095);
        CHECK_FALSE(status_of(h, D("2024-06-28")).application.has_value());
        // the new term's expiry year is 2027
        refuse(h, applied("2026-03-01", 2026), "art14", "review_year");
        accept(h, applied("2027-03-01", 2027));
    }
    SECTION("renewal designated after the old term ended: expired in between") {
        accept(h, applied("2024-03-10", 2024));
        accept(h, recommended("2024-04-25"));
        CHECK(status_of(h, D("2024-06-30")).state == State::designated);
        const Status gap = status_of(h, D("2024-07-01"));
        CHECK(gap.state == State::expired);
        CHECK(gap.state_since == D("2024-07-01"));
        REQUIRE(gap.application.has_value());
        CHECK(gap.application->stage == Stage::recommended);
        accept(h, designated("2024-08-15"));
        CHECK(status_of(h, D("2024-08-14")).state == State::expired);
        CHECK(status_of(h, D("2024-08-15")).state == State::designated);
    }
}

TEST_CASE("transitions: recommended and not_recommended only from candidate (art8, art9)", "[lifecycle][transitions]") {
    SECTION("from nothing") {
        History h = history_of({});
        refuse(h, recommended("2024-04-30"), "art8–art9", "type");
        refuse(h, not_recommended("2024-04-30"), "art8", "type");
    }
    SECTION("from candidate") {
        History h = history_of({applied("2024-03-20", 2024)});
        History n = h;
        accept(h, recommended("2024-04-30"));
        CHECK(status_of(h, D("2024-04-29")).state == State::candidate);
        CHECK(status_of(h, D("2024-04-30")).state == State::recommended);
        accept(n, not_recommended("2024-04-30"));
        CHECK(status_of(n, D("2024-04-30")).state == State::not_recommended);
        refuse(n, recommended("2024-05-01"), "art8–art9", "type");
        refuse(n, not_recommended("2024-05-01"), "art8", "type");
    }
    SECTION("from recommended, designated, rejected") {
        History h = history_of({applied("2024-03-20", 2024), recommended("2024-04-30")});
        refuse(h, recommended("2024-05-01"), "art8–art9", "type");
        refuse(h, not_recommended("2024-05-01"), "art8", "type");
        History r = h;
        accept(r, rejected("2024-06-01"));
        refuse(r, recommended("2024-06-02"), "art8–art9", "type");
        accept(h, designated("2024-07-01"));
        refuse(h, recommended("2024-07-02"), "art8–art9", "type");
        refuse(h, not_recommended("2024-07-02"), "art8", "type");
    }
}

TEST_CASE("transitions: designated and rejected only from recommended (art8–art11)", "[lifecycle][transitions]") {
    SECTION("from nothing, from candidate, from not_recommended") {
        History h = history_of({});
        refuse(h, designated("2024-07-01"), "art8–art11", "type");
        refuse(h, rejected("2024-07-01"), "art8–art11", "type");
        accept(h, applied("2024-03-20", 2024));
        const Error e = refuse(h, designated("2024-07-01"), "art8–art11", "type");
        CHECK_THAT(e.message().en, Catch::Contains("not been recommended"));
        refuse(h, rejected("2024-07-01"), "art8–art11", "type");
        accept(h, not_recommended("2024-04-01"));
        refuse(h, designated("2024-07-01"), "art8–art11", "type");
    }
    SECTION("from recommended; twice is refused") {
        History h = history_of({applied("2024-03-20", 2024), recommended("2024-04-30")});
        History r = h;
        accept(h, designated("2024-07-01"));
        refuse(h, designated("2024-07-02"), "art8–art11", "type");
        refuse(h, rejected("2024-07-02"), "art8–art11", "type");
        accept(r, rejected("2024-06-01"));
        refuse(r, designated("2024-07-01"), "art8–art11", "type");
        refuse(r, rejected("2024-07-01"), "art8–art11", "type");
    }
}

TEST_CASE("transitions: a violation's conduct must fall on a day the title was valid (art14)", "[lifecycle][transitions]") {
    History h = designated_on("2023-03-16", "2023-04-26", "2023-07-10"); // valid 2023-07-10 .. 2026-07-10
    SECTION("never designated") {
        History n = history_of({applied("2023-03-16", 2023)});
        refuse(n, violation("2023-05-01"), "art14", "date");
        refuse(n, violation("2023-05-01", "2023-04-01"), "art14", "conduct_on");
    }
    SECTION("conduct at the term's boundaries") {
        refuse(h, violation("2025-05-12", "2023-07-09"), "art14", "conduct_on");
        accept(h, violation("2025-05-12", "2023-07-10"));
    }
    SECTION("conduct on the last valid day, confirmed after expiry") {
        History a = h, b = h;
        refuse(a, violation("2026-08-01", "2026-07-11"), "art14", "conduct_on");
        accept(b, violation("2026-08-01", "2026-07-10"));
        const Status s = status_of(b, D("2026-08-01"));
        CHECK(s.state == State::revoked);
        CHECK(s.term->valid_until == D("2026-07-10"));
        CHECK(s.term->revoked_on == D("2026-08-01"));
        CHECK(status_of(b, D("2026-07-31")).state == State::expired);
    }
    SECTION("conduct after its confirmation") { refuse(h, violation("2025-05-12", "2025-05-13"), "art14", "conduct_on"); }
    SECTION("conduct_on defaults to the date: a confirmation after expiry without conduct_on") {
        refuse(h, violation("2026-07-11"), "art14", "date");
        accept(h, violation("2026-07-10"));
    }
    SECTION("after revocation: conduct on the revocation day is outside validity; the day before is not") {
        accept(h, violation("2025-05-12", "2025-03-01"));
        refuse(h, violation("2025-06-01", "2025-05-12"), "art14", "conduct_on");
        accept(h, violation("2025-06-01", "2025-05-11"));
        CHECK(h.ledger().terms().back().revoked_on == D("2025-05-12")); // the first revocation stands
        refuse(h, designated("2025-07-01"), "art8–art11", "type");
    }
}

TEST_CASE("transitions: a title obtained with false application materials can be revoked (art14, art10(7))",
          "[lifecycle][transitions]") {
    // applied 2023-03-16, designated 2023-07-10: the application runs from the one to the other.
    History h = designated_on("2023-03-16", "2023-04-26", "2023-07-10");
    SECTION("conduct on the application day and on the designation day") {
        History a = h, b = h;
        accept(a, false_application("2025-05-12", "2023-03-16"));
        accept(b, false_application("2025-05-12", "2023-07-10"));
        CHECK(status_of(a, D("2025-05-12")).state == State::revoked);
        CHECK(status_of(a, D("2025-05-11")).state == State::designated);
    }
    SECTION("the day before the application, the day after the designation") {
        refuse(h, false_application("2025-05-12", "2023-03-15"), "art14", "conduct_on");
        refuse(h, false_application("2025-05-12", "2023-07-11"), "art14", "conduct_on");
    }
    SECTION("without the ground, conduct before the term is refused as before") {
        refuse(h, violation("2025-05-12", "2023-03-16"), "art14", "conduct_on");
    }
    SECTION("confirmed after expiry, still revoked") {
        accept(h, false_application("2026-08-01", "2023-05-01"));
        CHECK(status_of(h, D("2026-08-01")).state == State::revoked);
    }
    SECTION("never designated") {
        History n = history_of({applied("2023-03-16", 2023)});
        refuse(n, false_application("2023-05-01", "2023-03-16"), "art14", "conduct_on");
    }
    SECTION("conduct after its confirmation") {
        refuse(h, false_application("2025-05-12", "2025-05-13"), "art14", "conduct_on");
    }
}

TEST_CASE("transitions: refusals name their articles as ids", "[lifecycle][transitions]") {
    CHECK(citation::article_ids(citation::art14) == std::vector<std::string>{"art14"});
    CHECK(citation::article_ids(citation::art8_9) == std::vector<std::string>{"art8", "art9"});
    CHECK(citation::article_ids(citation::art8_11) == std::vector<std::string>{"art8", "art9", "art10", "art11"});
}

TEST_CASE("transitions: annual summaries are always accepted (art13)", "[lifecycle][transitions]") {
    History h = history_of({});
    accept(h, summary(2022, "2023-01-10")); // before any designation: kept, owes nothing
    accept(h, summary(2022, "2023-01-10"));
    accept(h, applied("2023-03-01", 2023));
    accept(h, summary(2030, "2023-03-01"));
    CHECK(h.events().size() == 4);
    const Status s = status_of(h, D("2024-01-01"));
    CHECK(s.obligations.empty());
    CHECK(s.unowed_filings == std::vector<int>{2022, 2030});
}

TEST_CASE("transitions: dates never run backwards (no article)", "[lifecycle][transitions]") {
    History h = history_of({applied("2024-03-20", 2024), recommended("2024-04-30")});
    refuse(h, designated("2024-04-29"), nullptr, "date");
    refuse(h, summary(2023, "2024-04-29"), nullptr, "date");
    refuse(h, violation("2024-01-01"), nullptr, "date");
    accept(h, designated("2024-04-30")); // the same day keeps the listed order
    CHECK(status_of(h, D("2024-04-30")).state == State::designated);
}

TEST_CASE("transitions: refusals explain themselves in zh and en", "[lifecycle][transitions]") {
    History h = history_of({applied("2024-03-20", 2024)});
    const Error e = refuse(h, applied("2024-03-21", 2024), "art12", "review_year");
    CHECK(std::string(e.what()) ==
          "/events/1/review_year: event 1 (applied) refused, breaks art12: already applied for review year 2024: the "
          "review takes place once a year, so one application per review year");
    CHECK(e.message().zh == "第 1 个事件（applied）不被接受，违反第十二条：已申报过 2024 评审年度：评审每年开展一次，每个评审年度只能申报一次");
}

TEST_CASE("transitions: a designation needs validity_years in force on its date", "[lifecycle][transitions]") {
    auto pack = SharedRulePack::make(parse_rule_pack(R"({"schema": "shifan.rulepack/1", "id": "t", "version": "1",
        "base": "changzhi-municipal", "parameters": {"validity_years": [{"from": "2025-01-01", "value": 5}]}})"));
    History h(test_platform(), pack);
    h.append(applied("2024-03-20", 2024));
    h.append(recommended("2024-04-30"));
    const std::string before = write_history(h);
    try {
        h.append(designated("2024-07-01"));
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::rule_pack);
        CHECK(e.event_index == 2);
    }
    CHECK(write_history(h) == before);
    h.append(applied("2025-03-01", 2025));
    h.append(recommended("2025-04-01"));
    h.append(designated("2025-07-01"));
    CHECK(h.ledger().terms().back().valid_until == D("2030-07-01")); // validity_years resolved on the designation date
}
