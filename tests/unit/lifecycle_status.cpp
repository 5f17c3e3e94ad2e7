// Status on a date (docs/specification.md §8.4): state, term and days left at the term's boundaries,
// revocation date semantics, the art13 obligations under both summary_owed readings and across leap
// years, the art. 203 roll-forward, next_deadline, and may_apply_again as exactly "would
// applied{D, year(D)} be accepted".
#include "lifecycle_helpers.hpp"

#include <catch2/catch.hpp>

using namespace shifan;
using namespace shifan::test;

namespace {

StatusOptions reading(SummaryOwed s) {
    StatusOptions o;
    o.interpretations.summary_owed = s;
    return o;
}

const Obligation* obligation_for(const Status& s, int year) {
    for (const Obligation& o : s.obligations)
        if (o.year == year) return &o;
    return nullptr;
}

History example(const char* name) { return parse_history(read_source_file(std::string("examples/histories/") + name)); }

} // namespace

TEST_CASE("status: state, term and days left at the term's boundaries", "[lifecycle][status]") {
    const History h = designated_on("2024-03-20", "2024-04-30", "2024-07-01"); // valid until 2027-07-01
    CHECK(status_of(h, D("2024-03-19")).state == State::none);
    CHECK_FALSE(status_of(h, D("2024-03-19")).term.has_value());
    CHECK(status_of(h, D("2024-06-30")).state == State::recommended);
    CHECK_FALSE(status_of(h, D("2024-06-30")).days_left.has_value());
    const Status first = status_of(h, D("2024-07-01"));
    CHECK(first.state == State::designated);
    CHECK(first.days_left == 1095);
    CHECK(first.term->designated_on == D("2024-07-01"));
    CHECK(first.term->valid_until == D("2027-07-01"));
    CHECK(status_of(h, D("2027-06-30")).days_left == 1);
    const Status last = status_of(h, D("2027-07-01"));
    CHECK(last.state == State::designated);
    CHECK(last.days_left == 0);
    const Status after = status_of(h, D("2027-07-02"));
    CHECK(after.state == State::expired);
    CHECK(after.state_since == D("2027-07-02"));
    CHECK_FALSE(after.days_left.has_value());
    CHECK(after.term->valid_until == D("2027-07-01"));
}

TEST_CASE("status: revoked on D is not valid on D, valid the day before; valid_until is kept", "[lifecycle][status]") {
    const History h = example("revoked.json"); // designated 2023-07-10, revoked 2025-05-12
    const Status before = status_of(h, D("2025-05-11"));
    CHECK(before.state == State::designated);
    CHECK(before.days_left == days_between(D("2025-05-11"), D("2026-07-10")));
    CHECK_FALSE(before.term->revoked_on.has_value()); // not known on that day
    const Status on = status_of(h, D("2025-05-12"));
    CHECK(on.state == State::revoked);
    CHECK(on.state_since == D("2025-05-12"));
    CHECK_FALSE(on.days_left.has_value());
    CHECK(on.term->valid_until == D("2026-07-10"));
    CHECK(on.term->revoked_on == D("2025-05-12"));
    CHECK(on.may_apply_again.allowed);
    CHECK(status_of(h, D("2026-07-11")).state == State::revoked); // not "expired"
    const Ledger l = h.replay(D("2030-01-01"));
    CHECK(l.term_valid_on(D("2025-05-11")) != nullptr);
    CHECK(l.term_valid_on(D("2025-05-12")) == nullptr);
}

TEST_CASE("status: the shipped examples read as their README says", "[lifecycle][status]") {
    SECTION("designated-current on 2025-04-15") {
        const Status s = status_of(example("designated-current.json"), D("2025-04-15"));
        CHECK(s.state == State::designated);
        CHECK(s.term->valid_until == D("2027-07-01"));
        CHECK(s.days_left == 807);
        REQUIRE(s.obligations.size() == 1);
        CHECK(s.obligations[0].year == 2024);
        CHECK(s.obligations[0].status == ObligationStatus::filed);
        CHECK_FALSE(s.may_apply_again.allowed);
        CHECK(std::string(s.may_apply_again.article->en) == "art14");
        CHECK(s.term->functions == std::vector<Function>{Function::technology});
    }
    SECTION("renewal: pending renewal keeps designated; late 2022 summary; 29 Feb 2024 on time") {
        const History h = example("renewal.json");
        const Status pending = status_of(h, D("2024-03-10"));
        CHECK(pending.state == State::designated);
        REQUIRE(pending.application.has_value());
        CHECK(pending.application->review_year == 2024);
        CHECK(pending.application->stage == Stage::candidate);
        CHECK(status_of(h, D("2024-04-25")).application->stage == Stage::recommended);
        CHECK_FALSE(status_of(h, D("2024-03-09")).application.has_value());
        const Status s = status_of(h, D("2025-03-01"));
        CHECK(s.term->designated_on == D("2024-06-28"));
        CHECK(s.term->valid_until == D("2027-06-28"));
        CHECK(obligation_for(s, 2022)->status == ObligationStatus::late);
        CHECK(obligation_for(s, 2023)->due == D("2024-02-29"));
        CHECK(obligation_for(s, 2023)->status == ObligationStatus::filed);
        CHECK(obligation_for(s, 2024)->status == ObligationStatus::filed);
        CHECK(s.obligations.size() == 4); // 2021–2024
        // The first term is kept as an earlier term (the roster page draws it).
        REQUIRE(s.earlier_terms.size() == 1);
        CHECK(s.earlier_terms[0].designated_on == D("2021-06-30"));
        CHECK(s.earlier_terms[0].valid_until == D("2024-06-30"));
        CHECK(s.earlier_terms[0].document_no == "长中小企服〔2021〕9号");
        CHECK(status_of(h, D("2024-06-27")).earlier_terms.empty()); // the renewal not yet designated
        CHECK(status_of(h, D("2024-06-28")).earlier_terms.size() == 1);
        CHECK(status_of(example("designated-current.json"), D("2025-03-01")).earlier_terms.empty());
    }
    SECTION("expired: 2023 owed only under held_any_day") {
        const History h = example("expired.json");
        const Status def = status_of(h, D("2025-04-15"));
        CHECK(def.state == State::expired);
        CHECK(def.state_since == D("2023-07-02"));
        CHECK(obligation_for(def, 2023) == nullptr);
        CHECK(def.obligations.size() == 3);
        const Status any = status_of(h, D("2025-04-15"), reading(SummaryOwed::held_any_day));
        REQUIRE(obligation_for(any, 2023) != nullptr);
        CHECK(obligation_for(any, 2023)->due == D("2024-02-29"));
        CHECK(obligation_for(any, 2023)->status == ObligationStatus::overdue);
        CHECK(obligation_for(any, 2024) == nullptr);
        CHECK(status_of(h, D("2024-02-29"), reading(SummaryOwed::held_any_day)).next_deadline == D("2024-02-29"));
        CHECK(obligation_for(status_of(h, D("2024-02-29"), reading(SummaryOwed::held_any_day)), 2023)->status ==
              ObligationStatus::pending);
        CHECK(obligation_for(status_of(h, D("2024-03-01"), reading(SummaryOwed::held_any_day)), 2023)->status ==
              ObligationStatus::overdue);
        CHECK_FALSE(status_of(h, D("2024-03-01"), reading(SummaryOwed::held_any_day)).next_deadline.has_value());
    }
    SECTION("revoked: 2025 owed only under held_any_day") {
        const History h = example("revoked.json");
        CHECK(obligation_for(status_of(h, D("2026-03-15")), 2025) == nullptr);
        const Status any = status_of(h, D("2026-03-15"), reading(SummaryOwed::held_any_day));
        REQUIRE(obligation_for(any, 2025) != nullptr);
        CHECK(obligation_for(any, 2025)->status == ObligationStatus::overdue);
    }
}

TEST_CASE("status: obligations across leap years (the 2027 summary is due 2028-02-29)", "[lifecycle][status]") {
    History h = designated_on("2027-03-01", "2027-04-01", "2027-07-01");
    CHECK(status_of(h, D("2027-12-31")).obligations.empty()); // 2027 has not ended
    const Status jan = status_of(h, D("2028-01-01"));
    REQUIRE(jan.obligations.size() == 1);
    CHECK(jan.obligations[0].kind == ObligationKind::annual_summary);
    CHECK(jan.obligations[0].year == 2027);
    CHECK(jan.obligations[0].due == D("2028-02-29"));
    CHECK(jan.obligations[0].status == ObligationStatus::pending);
    CHECK(jan.next_deadline == D("2028-02-29"));
    CHECK(status_of(h, D("2028-02-28")).obligations[0].status == ObligationStatus::pending);
    CHECK(status_of(h, D("2028-02-29")).obligations[0].status == ObligationStatus::pending);
    CHECK(status_of(h, D("2028-03-01")).obligations[0].status == ObligationStatus::overdue);
    CHECK_FALSE(status_of(h, D("2028-03-01")).next_deadline.has_value());
    SECTION("filed on the last day") {
        accept(h, summary(2027, "2028-02-29"));
        CHECK(status_of(h, D("2028-02-28")).obligations[0].status == ObligationStatus::pending); // not yet filed then
        CHECK(status_of(h, D("2028-02-29")).obligations[0].status == ObligationStatus::filed);
        CHECK(status_of(h, D("2028-02-29")).obligations[0].filed_on == D("2028-02-29"));
        CHECK_FALSE(status_of(h, D("2028-02-29")).next_deadline.has_value());
    }
    SECTION("filed the day after: late; a second filing does not change it") {
        accept(h, summary(2027, "2028-03-01"));
        accept(h, summary(2027, "2028-03-02"));
        CHECK(status_of(h, D("2028-03-05")).obligations[0].status == ObligationStatus::late);
        CHECK(status_of(h, D("2028-03-05")).obligations[0].filed_on == D("2028-03-01"));
    }
    SECTION("the 2028 summary is due 2029-02-28") {
        CHECK(obligation_for(status_of(h, D("2029-01-01")), 2028)->due == D("2029-02-28"));
        CHECK(status_of(h, D("2029-01-01")).next_deadline == D("2029-02-28"));
    }
}

TEST_CASE("status: both summary_owed readings around a revocation near the deadline", "[lifecycle][status]") {
    // valid on 31 Dec 2024; the 2024 summary is due 2025-02-28
    auto with_revocation = [](const char* on) {
        History h = designated_on("2024-03-20", "2024-04-30", "2024-07-01");
        h.append(violation(on, "2024-12-01"));
        return h;
    };
    const Date q = D("2025-06-01");
    const auto def = reading(SummaryOwed::held_at_year_end);
    const auto any = reading(SummaryOwed::held_any_day);
    SECTION("revoked before the deadline: not owed at year end reading") {
        const History h = with_revocation("2025-02-27");
        CHECK(obligation_for(status_of(h, q, def), 2024) == nullptr);
        CHECK(obligation_for(status_of(h, q, any), 2024) != nullptr);
        // known only from the revocation on: the day before, it was owed and pending
        CHECK(obligation_for(status_of(h, D("2025-02-26"), def), 2024)->status == ObligationStatus::pending);
    }
    SECTION("revoked on the deadline day: still owed") {
        const History h = with_revocation("2025-02-28");
        CHECK(obligation_for(status_of(h, q, def), 2024)->status == ObligationStatus::overdue);
    }
    SECTION("revoked the day after the deadline: owed") {
        const History h = with_revocation("2025-03-01");
        CHECK(obligation_for(status_of(h, q, def), 2024)->status == ObligationStatus::overdue);
    }
    SECTION("revoked on 1 January: valid on 31 December, but revoked before the deadline") {
        const History h = with_revocation("2025-01-01");
        CHECK(obligation_for(status_of(h, q, def), 2024) == nullptr);
        CHECK(obligation_for(status_of(h, q, any), 2024) != nullptr);
        CHECK(obligation_for(status_of(h, D("2026-06-01"), any), 2025) == nullptr); // no valid day in 2025
    }
    SECTION("revoked on 2 January: one valid day in 2025") {
        const History h = with_revocation("2025-01-02");
        CHECK(obligation_for(status_of(h, D("2026-06-01"), any), 2025) != nullptr);
        CHECK(obligation_for(status_of(h, D("2026-06-01"), def), 2025) == nullptr);
    }
    SECTION("revoked on 31 December: not valid at year end") {
        const History h = with_revocation("2024-12-31");
        CHECK(obligation_for(status_of(h, q, def), 2024) == nullptr);
        CHECK(obligation_for(status_of(h, q, any), 2024) != nullptr);
    }
    SECTION("the year of designation, designated on 31 December") {
        const History h = designated_on("2024-03-20", "2024-04-30", "2024-12-31");
        CHECK(obligation_for(status_of(h, q, def), 2024) != nullptr);
        CHECK(obligation_for(status_of(h, q, any), 2024) != nullptr);
    }
}

TEST_CASE("status: a filing for a year not owed is kept, with no obligation", "[lifecycle][status]") {
    History h = designated_on("2024-03-20", "2024-04-30", "2024-07-01");
    accept(h, summary(2023, "2025-01-10"));
    accept(h, summary(2024, "2025-02-10"));
    const Status s = status_of(h, D("2025-03-01"));
    REQUIRE(s.obligations.size() == 1);
    CHECK(s.obligations[0].year == 2024);
    CHECK(s.unowed_filings == std::vector<int>{2023});
    CHECK(status_of(h, D("2025-02-09")).obligations[0].status == ObligationStatus::pending);
    CHECK(status_of(h, D("2025-02-10")).obligations[0].status == ObligationStatus::filed);
}

TEST_CASE("status: deadlines roll forward past rest days under roll_forward (Civil Code art. 203)", "[lifecycle][status]") {
    const Calendar c26 = parse_calendar(read_source_file("examples/calendars/cn-2026.json"));
    const Calendar holiday = parse_calendar(R"({"schema": "shifan.calendar/1", "rest_days": ["2025-02-28"]})");
    History h = designated_on("2024-03-20", "2024-04-30", "2024-07-01");
    StatusOptions roll;
    roll.interpretations.deadline_rest_days = DeadlineRestDays::roll_forward;
    roll.calendar = &holiday;
    SECTION("a deadline on a holiday Friday moves over the weekend to Monday") {
        CHECK(status_of(h, D("2025-03-01")).obligations[0].due == D("2025-02-28"));
        CHECK(status_of(h, D("2025-03-01")).obligations[0].status == ObligationStatus::overdue);
        const Status s = status_of(h, D("2025-03-01"), roll);
        CHECK(s.obligations[0].due == D("2025-03-03"));
        CHECK(s.obligations[0].status == ObligationStatus::pending);
        CHECK(s.next_deadline == D("2025-03-03"));
        CHECK(status_of(h, D("2025-03-03"), roll).obligations[0].status == ObligationStatus::pending);
        CHECK(status_of(h, D("2025-03-04"), roll).obligations[0].status == ObligationStatus::overdue);
        accept(h, summary(2024, "2025-03-03"));
        CHECK(status_of(h, D("2025-03-04"), roll).obligations[0].status == ObligationStatus::filed);
        CHECK(status_of(h, D("2025-03-04")).obligations[0].status == ObligationStatus::late);
    }
    SECTION("a make-up working Saturday keeps the deadline (28 Feb 2026)") {
        roll.calendar = &c26;
        const Status s = status_of(h, D("2026-03-01"), roll);
        CHECK(obligation_for(s, 2025)->due == D("2026-02-28"));
        CHECK(obligation_for(s, 2025)->status == ObligationStatus::overdue);
        CHECK(obligation_for(status_of(h, D("2027-03-01"), roll), 2026)->due == D("2027-03-01")); // Sunday 28 Feb 2027
    }
    SECTION("roll_forward without a calendar is a usage error") {
        roll.calendar = nullptr;
        try {
            (void)status_of(h, D("2025-03-01"), roll);
            FAIL("accepted");
        } catch (const Error& e) {
            CHECK(e.code() == ErrorCode::usage);
        }
    }
}

TEST_CASE("status: may_apply_again is exactly 'would applied{D, year(D)} be accepted'", "[lifecycle][status]") {
    for (const char* name : {"designated-current.json", "renewal.json", "revoked.json", "expired.json"}) {
        const History full = example(name);
        for (Date d = D("2019-12-25"); d <= D("2028-01-10"); d = add_days(d, 9)) {
            // the history as it stood on d, plus the hypothetical application
            History prefix(full.platform());
            for (const Event& e : full.events())
                if (event_date(e) <= d) prefix.append(e);
            bool accepted = true;
            try {
                prefix.append(Applied{d, Year{year_of(d)}, std::nullopt});
            } catch (const Error&) {
                accepted = false;
            }
            const Status s = status_of(full, d);
            INFO(name << " on " << to_string(d) << ": " << s.may_apply_again.reason.en);
            CHECK(s.may_apply_again.allowed == accepted);
            CHECK_FALSE(s.may_apply_again.reason.zh.empty());
            CHECK_FALSE(s.may_apply_again.reason.en.empty());
        }
    }
    SECTION("the reasons name the situation") {
        const History h = example("renewal.json");
        CHECK_THAT(status_of(h, D("2021-01-01")).may_apply_again.reason.en, Catch::Contains("no application yet"));
        CHECK_THAT(status_of(h, D("2024-01-02")).may_apply_again.reason.en, Catch::Contains("year its validity ends"));
        CHECK(std::string(status_of(h, D("2024-01-02")).may_apply_again.article->en) == "art14");
        CHECK_THAT(status_of(h, D("2024-03-10")).may_apply_again.reason.en, Catch::Contains("already applied"));
        CHECK_THAT(status_of(example("expired.json"), D("2024-01-02")).may_apply_again.reason.zh, Catch::Contains("有效期满"));
    }
}

TEST_CASE("status: a query replays only the events dated on or before D", "[lifecycle][status]") {
    const History h = example("renewal.json");
    const Status s = status_of(h, D("2023-03-04"));
    CHECK(obligation_for(s, 2022)->status == ObligationStatus::overdue); // filed 2023-03-05, not yet
    CHECK(obligation_for(status_of(h, D("2023-03-05")), 2022)->status == ObligationStatus::late);
    CHECK(status_of(h, D("2024-06-27")).term->designated_on == D("2021-06-30"));
}
