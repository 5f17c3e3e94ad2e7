/// @file
/// @brief The application (`shifan.application/1`, DOMAIN.md section 5): every input the rules of
/// art6, art7, art9 and art10 read. Each type is declared once and described with Boost.Describe;
/// JSON keys, enum names and field lists all come from these declarations.
///
/// Every member except `schema` and `reference_date` may be absent (`std::optional` empty): a
/// check that needs an absent input is `undetermined`, never silently failed.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/quantities.hpp"

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace shifan {

/// The five kinds of organisation art6.1 admits, plus `other` (which fails art6.1).
enum class OrganizationType : std::uint8_t {
    sme_service_institution,       ///< 中小企业服务机构
    social_intermediary,           ///< 社会中介机构
    technical_service_institution, ///< 技术服务机构
    research_institute,            ///< 科研院所
    internet_service_enterprise,   ///< 基于互联网面向中小企业提供创业创新服务的企业
    other                          ///< none of the above
};
BOOST_DESCRIBE_ENUM(OrganizationType, sme_service_institution, social_intermediary,
                    technical_service_institution, research_institute, internet_service_enterprise, other)

/// The five service functions of art5/art7, in the regulation's order.
enum class Function : std::uint8_t { information, technology, entrepreneurship, training, financing };
BOOST_DESCRIBE_ENUM(Function, information, technology, entrepreneurship, training, financing)
inline constexpr std::size_t function_count = 5;

/// Documents of the dossier (art9, art10).
enum class Material : std::uint8_t {
    recommendation_form,               ///< art9: 《长治市中小企业公共服务示范平台推荐表》
    application_report,                ///< art10(1)
    legal_person_certificate,          ///< art10(2)
    business_license,                  ///< art10(2)
    audit_report,                      ///< art10(3)
    service_finance_audit,             ///< art10(3), with audit_report
    audit_report_with_service_finance, ///< art10(3), alone
    premises_proof,                    ///< art10(4)
    service_evidence,                  ///< art10(5)
    qualifications,                    ///< art10(6)
    no_qualifications_required,        ///< art10(6): a declaration that none applies
    authenticity_declaration           ///< art10(7)
};
BOOST_DESCRIBE_ENUM(Material, recommendation_form, application_report, legal_person_certificate,
                    business_license, audit_report, service_finance_audit, audit_report_with_service_finance,
                    premises_proof, service_evidence, qualifications, no_qualifications_required,
                    authenticity_declaration)

/// A set of materials (a bit per `Material`): no allocation.
struct MaterialSet {
    std::uint32_t bits = 0;
    [[nodiscard]] bool has(Material m) const { return (bits >> static_cast<unsigned>(m)) & 1u; }
    void add(Material m) { bits |= 1u << static_cast<unsigned>(m); }
};

/// Counts keyed by calendar year (`performance.smes_served`): {"2023": 88, "2024": 102}.
struct YearCounts {
    static constexpr std::size_t capacity = 64;
    std::array<std::pair<int, Count>, capacity> entries{};
    std::size_t size = 0;
    /// The count for `year`, if given.
    [[nodiscard]] std::optional<Count> at(int year) const {
        for (std::size_t i = 0; i < size; ++i)
            if (entries[i].first == year) return entries[i].second;
        return std::nullopt;
    }
};

/// art6.1: the applicant as a legal person.
struct Applicant {
    std::optional<std::string> name;
    std::optional<std::string> credit_code; ///< 统一社会信用代码
    std::optional<std::string> county;      ///< county or district of the recommending authority
    std::optional<bool> legal_person;       ///< independent legal person
    std::optional<OrganizationType> organization_type;
    std::optional<Date> established_on;
    std::optional<Money> total_assets_cny;
    std::optional<bool> sound_operation;    ///< sound finances, regulated, sustainable (attested)
};
BOOST_DESCRIBE_STRUCT(Applicant, (), (name, credit_code, county, legal_person, organization_type,
                                      established_on, total_assets_cny, sound_operation))

/// User satisfaction: a survey (`surveyed`, `satisfied`) or a percentage — never both.
struct Satisfaction {
    std::optional<Count> surveyed;
    std::optional<Count> satisfied;
    std::optional<Percent> percent;
};
BOOST_DESCRIBE_STRUCT(Satisfaction, (), (surveyed, satisfied, percent))

/// art6.2: performance.
struct Performance {
    std::optional<YearCounts> smes_served;
    std::optional<Satisfaction> satisfaction;
    std::optional<bool> reputation;
};
BOOST_DESCRIBE_STRUCT(Performance, (), (smes_served, satisfaction, reputation))

/// art6.3: premises, facilities, aggregated institutions.
struct Resources {
    std::optional<bool> fixed_premises;
    std::optional<bool> facilities;
    std::optional<Count> partner_institutions;
};
BOOST_DESCRIBE_STRUCT(Resources, (), (fixed_premises, facilities, partner_institutions))

/// art6.4: service volume, of which free or low-fee.
struct ServiceVolume {
    std::optional<Count> total;
    std::optional<Count> free_or_low_fee;
};
BOOST_DESCRIBE_STRUCT(ServiceVolume, (), (total, free_or_low_fee))

/// art6.4: management.
struct Management {
    std::optional<bool> rules;
    std::optional<bool> service_process;
    std::optional<bool> fee_standards;
    std::optional<bool> quality_assurance;
    std::optional<bool> small_micro_discount;
    std::optional<ServiceVolume> service_volume;
    std::optional<bool> development_plan;
    std::optional<bool> annual_targets;
};
BOOST_DESCRIBE_STRUCT(Management, (), (rules, service_process, fee_standards, quality_assurance,
                                       small_micro_discount, service_volume, development_plan, annual_targets))

/// art6.5: the team.
struct Staff {
    std::optional<Count> serving_smes;
    std::optional<Count> qualified_professionals; ///< college-or-higher education OR intermediate-or-higher title
    std::optional<bool> leadership;
};
BOOST_DESCRIBE_STRUCT(Staff, (), (serving_smes, qualified_professionals, leadership))

/// art7.1: information services.
struct InformationFunction {
    std::optional<bool> query_system;
    std::optional<bool> online_offline;
    std::optional<Count> offline_smes_served;
    std::optional<Count> activities;
};
BOOST_DESCRIBE_STRUCT(InformationFunction, (), (query_system, online_offline, offline_smes_served, activities))

/// art7.2: technology services.
struct TechnologyFunction {
    std::optional<bool> resource_organization;
    std::optional<bool> expert_pool;
    std::optional<bool> project_pool;
    std::optional<bool> has_large_instruments;
    std::optional<bool> instruments_shared;
    std::optional<Count> activities;
};
BOOST_DESCRIBE_STRUCT(TechnologyFunction, (), (resource_organization, expert_pool, project_pool,
                                               has_large_instruments, instruments_shared, activities))

/// art7.3: entrepreneurship services.
struct EntrepreneurshipFunction {
    std::optional<bool> coaching;
    std::optional<bool> project_pool;
    std::optional<bool> guide;
    std::optional<bool> hotline;
    std::optional<bool> agency_services;
    std::optional<Count> activities;
};
BOOST_DESCRIBE_STRUCT(EntrepreneurshipFunction, (), (coaching, project_pool, guide, hotline, agency_services, activities))

/// art7.4: training services.
struct TrainingFunction {
    std::optional<bool> accreditation;
    std::optional<bool> online_offline;
    std::optional<bool> evaluation;
    std::optional<Count> trainee_times;
};
BOOST_DESCRIBE_STRUCT(TrainingFunction, (), (accreditation, online_offline, evaluation, trainee_times))

/// art7.5: financing services (intermediary route or guarantee route).
struct FinancingFunction {
    std::optional<Count> activities;
    std::optional<Money> financing_obtained_cny;
    std::optional<bool> guarantee_institution;
    std::optional<Money> new_guarantees_cny;
};
BOOST_DESCRIBE_STRUCT(FinancingFunction, (), (activities, financing_obtained_cny, guarantee_institution, new_guarantees_cny))

/// art7: the functions claimed. An absent function is not claimed.
struct Functions {
    std::optional<InformationFunction> information;
    std::optional<TechnologyFunction> technology;
    std::optional<EntrepreneurshipFunction> entrepreneurship;
    std::optional<TrainingFunction> training;
    std::optional<FinancingFunction> financing;
};
BOOST_DESCRIBE_STRUCT(Functions, (), (information, technology, entrepreneurship, training, financing))

/// One application for designation, as a county authority submits it (art8–art10).
struct Application {
    std::string schema;                ///< "shifan.application/1"
    std::optional<std::string> id;
    std::optional<Year> review_year;   ///< 评审年度 (art12); defaults to the year of reference_date
    std::optional<Date> reference_date; ///< the date the application is judged at (required)
    std::optional<Applicant> applicant;
    std::optional<Performance> performance;
    std::optional<Resources> resources;
    std::optional<Management> management;
    std::optional<Staff> staff;
    std::optional<Functions> functions;
    std::optional<MaterialSet> materials;

    /// The review year Y: `review_year`, or the year of `reference_date`.
    [[nodiscard]] int year() const {
        return review_year ? review_year->value : (reference_date ? year_of(*reference_date) : 0);
    }
};
BOOST_DESCRIBE_STRUCT(Application, (), (schema, id, review_year, reference_date, applicant, performance,
                                        resources, management, staff, functions, materials))

/// The schema name of applications.
inline constexpr const char* application_schema = "shifan.application/1";

} // namespace shifan
