/// @file
/// @ingroup lifecycle
/// @brief The events of a platform's history (`shifan.history/1`, docs/specification.md §8) and the
/// states a replay yields (art8–art14). Each event type is declared once and described with
/// Boost.Describe: its JSON keys, the required members (every member that is not `std::optional`)
/// and the writer's member order all come from these declarations. Types only, no JSON.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/quantities.hpp"
#include "shifan/core/text.hpp"
#include "shifan/model/application.hpp"

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace shifan {

/// The platform a history belongs to.
struct Platform {
    std::string id;                    ///< the host's identifier, e.g. "CZ-P-0042" (required, not empty)
    std::optional<std::string> name;   ///< 平台名称
    std::optional<std::string> county; ///< 县区 (art3, art8, art15): roster counts and county reports use it
    friend bool operator==(const Platform&, const Platform&) = default;
};
BOOST_DESCRIBE_STRUCT(Platform, (), (id, name, county))

/// 申报 (art10, art12): the platform applies for review year `review_year`.
struct Applied {
    Date date;                       ///< date of the application
    Year review_year;                ///< 评审年度 (art12: one review a year)
    std::optional<std::string> note; ///< free text for people; ignored by the rules
    friend bool operator==(const Applied&, const Applied&) = default;
};
BOOST_DESCRIBE_STRUCT(Applied, (), (date, review_year, note))

/// 县区推荐 (art8, art9): the county authority recommends the candidate, with its assessment.
struct Recommended {
    Date date;                       ///< date of the recommendation
    std::string county;              ///< the recommending county authority
    std::optional<std::string> note; ///< free text for people
    friend bool operator==(const Recommended&, const Recommended&) = default;
};
BOOST_DESCRIBE_STRUCT(Recommended, (), (date, county, note))

/// A decision that ends an application, with its reason: 不予推荐 (art8, NotRecommended) or 评审未通过
/// (art11, Rejected). `Which` only tells the two events apart.
template <int Which>
struct RefusalDecision {
    Date date;                       ///< date of the decision
    std::string reason;              ///< why
    std::optional<std::string> note; ///< free text for people
    friend bool operator==(const RefusalDecision&, const RefusalDecision&) = default;
    BOOST_DESCRIBE_CLASS(RefusalDecision, (), (date, reason, note), (), ())
};

/// 不予推荐 (art8): the county authority does not recommend the candidate.
using NotRecommended = RefusalDecision<0>;

/// 认定 (art11): the city centre grants the title by an official document. The term is
/// `[date, add_years(date, validity_years)]` (art14), valid on both ends.
struct Designated {
    Date date;                                     ///< date of the designation (first day of validity)
    std::string document_no;                       ///< 文号 of the official document
    std::optional<std::vector<Function>> functions; ///< the art7 functions designated for (no repeats)
    std::optional<std::string> note;               ///< free text for people
    friend bool operator==(const Designated&, const Designated&) = default;
};
BOOST_DESCRIBE_STRUCT(Designated, (), (date, document_no, functions, note))

/// 评审未通过 (art11): a recommended candidate is not designated.
using Rejected = RefusalDecision<1>;

/// On what ground a title is revoked (art14; the art10(7) declaration of authenticity).
enum class RevocationGround : std::uint8_t {
    violation,         ///< 违法违规行为 while the title was valid (default)
    false_application, ///< the title was obtained with false application materials
};
BOOST_DESCRIBE_ENUM(RevocationGround, violation, false_application)

/// 违法违规行为经查实 (art14): the title is revoked from `date` (not valid on it). On the ground
/// `violation` (default) the conduct (`conduct_on`, default `date`) must fall on a day the title was
/// valid; on the ground `false_application` the conduct is the application itself and falls between
/// the `applied` event that led to the latest designation and that designation (both days included).
struct ViolationConfirmed {
    Date date;                         ///< date the violation was confirmed (查实)
    std::optional<Date> conduct_on;    ///< date of the conduct; absent = `date`
    std::string finding;               ///< what was found
    std::optional<RevocationGround> ground; ///< absent = `violation`
    std::optional<std::string> note;   ///< free text for people
    /// The day of the conduct: `conduct_on`, or `date` when absent.
    [[nodiscard]] Date conduct_day() const { return conduct_on ? *conduct_on : date; }
    /// The ground: `ground`, or `violation` when absent.
    [[nodiscard]] RevocationGround ground_or_default() const { return ground ? *ground : RevocationGround::violation; }
    friend bool operator==(const ViolationConfirmed&, const ViolationConfirmed&) = default;
};
BOOST_DESCRIBE_STRUCT(ViolationConfirmed, (), (date, conduct_on, finding, ground, note))

/// 上一年度工作总结报送 (art13): the summary for `year` was filed on `date`.
struct AnnualSummaryFiled {
    Year year;                       ///< the year the summary covers
    Date date;                       ///< date filed
    std::optional<std::string> note; ///< free text for people
    friend bool operator==(const AnnualSummaryFiled&, const AnnualSummaryFiled&) = default;
};
BOOST_DESCRIBE_STRUCT(AnnualSummaryFiled, (), (year, date, note))

/// The type of an event; its JSON `type` name. The order is the order of the `Event` variant.
enum class EventType : std::uint8_t {
    applied, recommended, not_recommended, designated, rejected, violation_confirmed, annual_summary_filed
};
BOOST_DESCRIBE_ENUM(EventType, applied, recommended, not_recommended, designated, rejected, violation_confirmed,
                    annual_summary_filed)

/// One dated event of a history. The alternative's index is its `EventType`.
using Event = std::variant<Applied, Recommended, NotRecommended, Designated, Rejected, ViolationConfirmed,
                           AnnualSummaryFiled>;
static_assert(std::variant_size_v<Event> == 7);
static_assert(std::is_same_v<std::variant_alternative_t<static_cast<std::size_t>(EventType::annual_summary_filed), Event>,
                             AnnualSummaryFiled>);

/// The type of an event.
inline EventType event_type(const Event& e) noexcept { return static_cast<EventType>(e.index()); }

/// The date of an event (for `annual_summary_filed`, the filing date; for `violation_confirmed`,
/// the confirmation date): the date histories are ordered by.
// NOLINTNEXTLINE(bugprone-exception-escape): std::visit throws only on a valueless variant, and copying a Date cannot throw
inline Date event_date(const Event& e) noexcept {
    return std::visit([](const auto& x) { return x.date; }, e);
}

/// A platform's state on a date, derived by replaying its history (docs/specification.md §8).
enum class State : std::uint8_t {
    none,            ///< no event on or before the date
    candidate,       ///< applied (art10), not yet recommended
    recommended,     ///< recommended by its county (art8, art9), not yet decided
    not_recommended, ///< its county did not recommend it (art8)
    designated,      ///< holds a valid title (art11, art14)
    rejected,        ///< recommended but not designated (art11)
    expired,         ///< its last term has ended (art14, derived from the date)
    revoked,         ///< its title was revoked (art14)
};
BOOST_DESCRIBE_ENUM(State, none, candidate, recommended, not_recommended, designated, rejected, expired, revoked)

/// How far an application in progress has got (docs/specification.md §8 `application.stage`).
enum class Stage : std::uint8_t {
    candidate,   ///< applied, awaiting the county's recommendation
    recommended, ///< recommended, awaiting the centre's decision
};
BOOST_DESCRIBE_ENUM(Stage, candidate, recommended)

/// Display name of a state, in zh and en.
inline StaticText state_name(State s) noexcept {
    static constexpr StaticText names[] = {{"无记录", "no record"}, {"已申报（候选）", "candidate (applied)"},
                                           {"已获县区推荐", "recommended by its county"}, {"未获县区推荐", "not recommended"},
                                           {"已认定（称号有效）", "designated (title valid)"}, {"评审未通过", "rejected"},
                                           {"有效期已满", "expired"}, {"称号已撤销", "revoked"}};
    return name_in(names, s);
}

/// Display name of a stage, in zh and en.
inline StaticText stage_name(Stage s) noexcept {
    return s == Stage::candidate ? StaticText{"已申报，待县区推荐", "applied, awaiting the county's recommendation"}
                                 : StaticText{"已获推荐，待市中心认定", "recommended, awaiting the centre's decision"};
}

} // namespace shifan
