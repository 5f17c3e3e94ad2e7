/// @file
/// @ingroup rules_registry
/// @brief The leaf inputs the rules read, in the order of the rule table (DOMAIN.md section 3),
/// and their JSON Pointers. An evaluation lists the absent ones that made a check undetermined.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace shifan {

/// A leaf input of the application. At most 64 (a missing set is one 64-bit mask).
enum class Input : std::uint8_t {
    legal_person, established_on, total_assets_cny, sound_operation, organization_type,
    smes_served_last_year, satisfaction, satisfaction_surveyed, satisfaction_satisfied,
    smes_served_year_before, smes_served_two_years_before, reputation,
    fixed_premises, facilities, partner_institutions,
    rules, service_process, fee_standards, quality_assurance, small_micro_discount,
    service_volume_total, service_volume_free_or_low_fee, development_plan, annual_targets,
    leadership, serving_smes, qualified_professionals,
    information_query_system, information_online_offline, information_offline_smes_served, information_activities,
    technology_resource_organization, technology_expert_pool, technology_project_pool,
    technology_has_large_instruments, technology_instruments_shared, technology_activities,
    entrepreneurship_coaching, entrepreneurship_project_pool, entrepreneurship_guide, entrepreneurship_hotline,
    entrepreneurship_agency_services, entrepreneurship_activities,
    training_accreditation, training_online_offline, training_evaluation, training_trainee_times,
    financing_activities, financing_financing_obtained_cny, financing_guarantee_institution, financing_new_guarantees_cny,
    count_
};
/// Number of leaf inputs.
inline constexpr std::size_t input_count = static_cast<std::size_t>(Input::count_);
static_assert(input_count <= 64, "a missing-input set is a 64-bit mask");

/// A set of inputs.
using InputSet = std::uint64_t;
/// The set holding only `i`.
constexpr InputSet bit(Input i) noexcept { return InputSet{1} << static_cast<unsigned>(i); }

namespace detail {
/// JSON Pointers of the inputs that are not keyed by year (those are "").
inline constexpr std::string_view input_paths[] = {
        "/applicant/legal_person", "/applicant/established_on", "/applicant/total_assets_cny",
        "/applicant/sound_operation", "/applicant/organization_type",
        "", "/performance/satisfaction", "/performance/satisfaction/surveyed", "/performance/satisfaction/satisfied",
        "", "", "/performance/reputation",
        "/resources/fixed_premises", "/resources/facilities", "/resources/partner_institutions",
        "/management/rules", "/management/service_process", "/management/fee_standards",
        "/management/quality_assurance", "/management/small_micro_discount",
        "/management/service_volume/total", "/management/service_volume/free_or_low_fee",
        "/management/development_plan", "/management/annual_targets",
        "/staff/leadership", "/staff/serving_smes", "/staff/qualified_professionals",
        "/functions/information/query_system", "/functions/information/online_offline",
        "/functions/information/offline_smes_served", "/functions/information/activities",
        "/functions/technology/resource_organization", "/functions/technology/expert_pool",
        "/functions/technology/project_pool", "/functions/technology/has_large_instruments",
        "/functions/technology/instruments_shared", "/functions/technology/activities",
        "/functions/entrepreneurship/coaching", "/functions/entrepreneurship/project_pool",
        "/functions/entrepreneurship/guide", "/functions/entrepreneurship/hotline",
        "/functions/entrepreneurship/agency_services", "/functions/entrepreneurship/activities",
        "/functions/training/accreditation", "/functions/training/online_offline",
        "/functions/training/evaluation", "/functions/training/trainee_times",
        "/functions/financing/activities", "/functions/financing/financing_obtained_cny",
        "/functions/financing/guarantee_institution", "/functions/financing/new_guarantees_cny",
    };
static_assert(sizeof(input_paths) / sizeof(input_paths[0]) == input_count);
} // namespace detail

/// Append the JSON Pointer of an input to `out` (as input_path(), without allocating).
inline void append_input_path(std::string& out, Input i, int review_year) {
    int year = 0;
    switch (i) {
    case Input::smes_served_last_year: year = review_year - 1; break;
    case Input::smes_served_year_before: year = review_year - 2; break;
    case Input::smes_served_two_years_before: year = review_year - 3; break;
    default: out += detail::input_paths[static_cast<std::size_t>(i)]; return;
    }
    out += "/performance/smes_served/";
    char buf[16];
    const auto r = std::to_chars(buf, buf + sizeof buf, year);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

/// JSON Pointer of an input; the `smes_served` inputs are keyed by year (Y-1, Y-2, Y-3 for review year Y).
inline std::string input_path(Input i, int review_year) {
    std::string s;
    append_input_path(s, i, review_year);
    return s;
}

} // namespace shifan
