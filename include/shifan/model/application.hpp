/// @file
/// @ingroup evaluation
/// @brief The application (`shifan.application/1`, docs/specification.md §5): every input the rules of
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
    internet_service_enterprise,   ///< 基于互联网等面向中小企业提供创业创新服务的企业 (internet-based or the like)
    other                          ///< none of the above
};
BOOST_DESCRIBE_ENUM(OrganizationType, sme_service_institution, social_intermediary,
                    technical_service_institution, research_institute, internet_service_enterprise, other)

/// The five service functions of art5/art7, in the regulation's order.
enum class Function : std::uint8_t { information, technology, entrepreneurship, training, financing };
BOOST_DESCRIBE_ENUM(Function, information, technology, entrepreneurship, training, financing)
/// Number of art7 functions (the enumerators of Function).
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
    std::uint32_t bits = 0; ///< bit i set = Material i present
    /// Whether `m` is among the materials.
    [[nodiscard]] bool has(Material m) const { return (bits >> static_cast<unsigned>(m)) & 1u; }
    /// Add `m` (adding twice is harmless).
    void add(Material m) { bits |= 1u << static_cast<unsigned>(m); }
};

/// Counts keyed by calendar year (`performance.smes_served`): {"2023": 88, "2024": 102}.
struct YearCounts {
    static constexpr std::size_t capacity = 64;          ///< most years one document may give
    std::array<std::pair<int, Count>, capacity> entries{}; ///< (year, count), the first #size used
    std::size_t size = 0;                                  ///< number of entries used
    /// The count for `year`, if given.
    [[nodiscard]] std::optional<Count> at(int year) const {
        for (std::size_t i = 0; i < size; ++i)
            if (entries[i].first == year) return entries[i].second;
        return std::nullopt;
    }
};

/// art6.1: the applicant as a legal person.
struct Applicant {
    std::optional<std::string> name;        ///< the applicant's registered name
    std::optional<std::string> credit_code; ///< 统一社会信用代码
    std::optional<std::string> county;      ///< county or district of the recommending authority
    std::optional<bool> legal_person;       ///< independent legal person
    std::optional<OrganizationType> organization_type; ///< art6.1 kind of organisation
    std::optional<Date> established_on;      ///< start of operation (art6.1 "运营两年以上")
    std::optional<Money> total_assets_cny;   ///< total assets (art6.1 "不低于100万元")
    std::optional<bool> sound_operation;    ///< sound finances, regulated, sustainable (attested)
};
BOOST_DESCRIBE_STRUCT(Applicant, (), (name, credit_code, county, legal_person, organization_type,
                                      established_on, total_assets_cny, sound_operation))

/// User satisfaction: a survey (`surveyed`, `satisfied`) or a percentage — never both.
struct Satisfaction {
    std::optional<Count> surveyed;   ///< respondents surveyed
    std::optional<Count> satisfied;  ///< respondents satisfied (≤ surveyed)
    std::optional<Percent> percent;  ///< satisfaction as a percentage (instead of a survey)
};
BOOST_DESCRIBE_STRUCT(Satisfaction, (), (surveyed, satisfied, percent))

/// art6.2: performance.
struct Performance {
    std::optional<YearCounts> smes_served;    ///< SMEs served, keyed by year (Y-1, Y-2, Y-3 are read)
    std::optional<Satisfaction> satisfaction; ///< user satisfaction (art6.2 "80％以上")
    std::optional<bool> reputation;           ///< reputation or brand in its field/region (attested)
};
BOOST_DESCRIBE_STRUCT(Performance, (), (smes_served, satisfaction, reputation))

/// art6.3: premises, facilities, aggregated institutions.
struct Resources {
    std::optional<bool> fixed_premises;        ///< fixed premises
    std::optional<bool> facilities;            ///< necessary facilities and equipment
    std::optional<Count> partner_institutions; ///< service institutions aggregated ("2家以上")
};
BOOST_DESCRIBE_STRUCT(Resources, (), (fixed_premises, facilities, partner_institutions))

/// art6.4: service volume, of which free or low-fee.
struct ServiceVolume {
    std::optional<Count> total;           ///< total service volume
    std::optional<Count> free_or_low_fee; ///< of which free or low-fee (≤ total)
};
BOOST_DESCRIBE_STRUCT(ServiceVolume, (), (total, free_or_low_fee))

/// art6.4: management.
struct Management {
    std::optional<bool> rules;                   ///< sound management rules
    std::optional<bool> service_process;         ///< a standard service process
    std::optional<bool> fee_standards;           ///< reasonable fee standards
    std::optional<bool> quality_assurance;       ///< quality assurance measures
    std::optional<bool> small_micro_discount;    ///< preferential fees for small and micro enterprises
    std::optional<ServiceVolume> service_volume; ///< service volume, of which free or low-fee
    std::optional<bool> development_plan;        ///< a clear development plan
    std::optional<bool> annual_targets;          ///< annual service targets
};
BOOST_DESCRIBE_STRUCT(Management, (), (rules, service_process, fee_standards, quality_assurance,
                                       small_micro_discount, service_volume, development_plan, annual_targets))

/// art6.5: the team.
struct Staff {
    std::optional<Count> serving_smes;            ///< staff serving SMEs ("不少于10人")
    std::optional<Count> qualified_professionals; ///< college-or-higher education OR intermediate-or-higher title
    std::optional<bool> leadership;               ///< the head is honest, law-abiding, capable (attested)
};
BOOST_DESCRIBE_STRUCT(Staff, (), (serving_smes, qualified_professionals, leadership))

/// art7.1: information services.
struct InformationFunction {
    std::optional<bool> query_system;         ///< an open information system SMEs can query
    std::optional<bool> online_offline;       ///< online service with online-offline linkage
    std::optional<Count> offline_smes_served; ///< enterprises served offline a year
    std::optional<Count> activities;          ///< service activities a year
};
BOOST_DESCRIBE_STRUCT(InformationFunction, (), (query_system, online_offline, offline_smes_served, activities))

/// art7.2: technology services.
struct TechnologyFunction {
    std::optional<bool> resource_organization; ///< organises technical service resources
    std::optional<bool> expert_pool;           ///< has an expert pool
    std::optional<bool> project_pool;          ///< has a new-product / new-technology project pool
    std::optional<bool> has_large_instruments; ///< has large or precision instruments
    std::optional<bool> instruments_shared;    ///< they are open to SMEs for sharing
    std::optional<Count> activities;           ///< technology service activities a year
};
BOOST_DESCRIBE_STRUCT(TechnologyFunction, (), (resource_organization, expert_pool, project_pool,
                                               has_large_instruments, instruments_shared, activities))

/// art7.3: entrepreneurship services.
struct EntrepreneurshipFunction {
    std::optional<bool> coaching;        ///< strong start-up coaching capability
    std::optional<bool> project_pool;    ///< a start-up project pool
    std::optional<bool> guide;           ///< a 《创业指南》 (start-up guide)
    std::optional<bool> hotline;         ///< a start-up service hotline
    std::optional<bool> agency_services; ///< government-affairs agency services
    std::optional<Count> activities;     ///< start-up project negotiation / promotion activities a year
};
BOOST_DESCRIBE_STRUCT(EntrepreneurshipFunction, (), (coaching, project_pool, guide, hotline, agency_services, activities))

/// art7.4: training services.
struct TrainingFunction {
    std::optional<bool> accreditation;   ///< a training qualification, or filed with the SME authority
    std::optional<bool> online_offline;  ///< online and offline training
    std::optional<bool> evaluation;      ///< a training evaluation mechanism
    std::optional<Count> trainee_times;  ///< trainee-times a year
};
BOOST_DESCRIBE_STRUCT(TrainingFunction, (), (accreditation, online_offline, evaluation, trainee_times))

/// art7.5: financing services (intermediary route or guarantee route).
struct FinancingFunction {
    std::optional<Count> activities;             ///< financing service activities a year (intermediary route)
    std::optional<Money> financing_obtained_cny; ///< financing obtained for SMEs a year (intermediary route)
    std::optional<bool> guarantee_institution;   ///< is a financing guarantee institution (guarantee route)
    std::optional<Money> new_guarantees_cny;     ///< new guarantees for SMEs a year (guarantee route)
};
BOOST_DESCRIBE_STRUCT(FinancingFunction, (), (activities, financing_obtained_cny, guarantee_institution, new_guarantees_cny))

/// art7: the functions claimed. An absent function is not claimed.
struct Functions {
    std::optional<InformationFunction> information;           ///< art7.1, when claimed
    std::optional<TechnologyFunction> technology;             ///< art7.2, when claimed
    std::optional<EntrepreneurshipFunction> entrepreneurship; ///< art7.3, when claimed
    std::optional<TrainingFunction> training;                 ///< art7.4, when claimed
    std::optional<FinancingFunction> financing;               ///< art7.5, when claimed
};
BOOST_DESCRIBE_STRUCT(Functions, (), (information, technology, entrepreneurship, training, financing))

/// One application for designation, as a county authority submits it (art8–art10).
struct Application {
    std::string schema;                ///< "shifan.application/1"
    std::optional<std::string> id;     ///< the application's identifier, echoed in results
    std::optional<Year> review_year;   ///< 评审年度 (art12); defaults to the year of reference_date
    std::optional<Date> reference_date; ///< the date the application is judged at (required)
    std::optional<Applicant> applicant;     ///< art6.1
    std::optional<Performance> performance; ///< art6.2
    std::optional<Resources> resources;     ///< art6.3
    std::optional<Management> management;   ///< art6.4
    std::optional<Staff> staff;             ///< art6.5
    std::optional<Functions> functions;     ///< art7 (absent: no function claimed)
    std::optional<MaterialSet> materials;   ///< art9, art10 (absent: dossier unknown)

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
