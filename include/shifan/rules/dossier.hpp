/// @file
/// @ingroup rules_dossier
/// @brief 第九条、第十条 (art9, art10): dossier completeness, reported beside the verdict.
///
/// > 第十条 被推荐为市级示范平台的单位需提交下列材料：（一）申请报告……（七）真实性声明……
#pragma once

#include "shifan/core/text.hpp"
#include "shifan/model/application.hpp"

#include <array>
#include <cstdint>
#include <string_view>

namespace shifan {

/// Dossier requirements (art9, art10), reported beside the verdict.
enum class DossierItem : std::uint8_t {
    recommendation_form, application_report, legal_person_document, audit_reports, premises_proof,
    service_evidence, qualifications, authenticity_declaration, count_
};
/// Number of dossier requirements (the enumerators of DossierItem).
inline constexpr std::size_t dossier_item_count = static_cast<std::size_t>(DossierItem::count_);

/// A dossier requirement: its id, citation and what satisfies it.
struct DossierInfo {
    DossierItem item;     ///< the requirement
    std::string_view id;  ///< "art10.3", "art9.recommendation_form"
    StaticText citation;  ///< {"第十条第（三）项", "Art. 10(3)"}
    StaticText title;     ///< what must be submitted, in the measures' words
    StaticText note{};    ///< the library's note (what else it accepts); empty when none
};

/// The dossier requirements of art9 and art10, in DossierItem order.
inline constexpr std::array<DossierInfo, dossier_item_count> dossier_catalog{{
    {DossierItem::recommendation_form, "art9.recommendation_form", {"第九条", "Art. 9"}, {"县区主管部门填写的《长治市中小企业公共服务示范平台推荐表》（含测评）", "the county's recommendation form, with its assessment"}},
    {DossierItem::application_report, "art10.1", {"第十条第（一）项", "Art. 10(1)"}, {"长治市中小企业公共服务平台申请报告（附件1）", "the Changzhi SME public service platform application report (Annex 1)"}},
    {DossierItem::legal_person_document, "art10.2", {"第十条第（二）项", "Art. 10(2)"}, {"法人证书或营业执照副本（复印件）", "legal-person certificate or business licence (copy)"}},
    {DossierItem::audit_reports, "art10.3", {"第十条第（三）项", "Art. 10(3)"}, {"上一年度审计报告及服务收支情况的专项审计报告，或上一年度包含服务收支情况的审计报告", "last year's audit report and a special audit report on service income and expenditure, or last year's audit report including service income and expenditure"}},
    {DossierItem::premises_proof, "art10.4", {"第十条第（四）项", "Art. 10(4)"}, {"固定的经营服务场所证明复印件（房产证、租赁合同）", "proof of fixed premises (property certificate or lease)"}},
    {DossierItem::service_evidence, "art10.5", {"第十条第（五）项", "Art. 10(5)"}, {"开展相关服务的证明材料（通知、照片、总结等）", "evidence of services delivered (notices, photos, summaries)"}},
    {DossierItem::qualifications, "art10.6", {"第十条第（六）项", "Art. 10(6)"}, {"国家颁发的从业资格（资质）、网站备案、许可证等证明（复印件）", "proof of state-issued professional qualifications (certifications), website filing, licences and the like (copies)"}, {"本库亦接受申报单位关于无需此类从业资格、网站备案或许可证的声明（no_qualifications_required）", "the library also accepts the applicant's declaration that no such qualification, website filing or licence applies to it (no_qualifications_required)"}},
    {DossierItem::authenticity_declaration, "art10.7", {"第十条第（七）项", "Art. 10(7)"}, {"能够证明符合申报条件的其他材料和对申报材料真实性的声明（加盖申报单位公章）", "other materials proving that the application conditions are met, and a declaration of the authenticity of the application materials (with the applicant's official seal)"}},
}};

namespace rules {

/// Whether the materials satisfy one dossier requirement.
inline bool dossier_item_present(const MaterialSet& m, DossierItem item) {
    using M = Material;
    switch (item) {
    case DossierItem::recommendation_form: return m.has(M::recommendation_form);
    case DossierItem::application_report: return m.has(M::application_report);
    case DossierItem::legal_person_document: return m.has(M::legal_person_certificate) || m.has(M::business_license);
    case DossierItem::audit_reports:
        return (m.has(M::audit_report) && m.has(M::service_finance_audit)) || m.has(M::audit_report_with_service_finance);
    case DossierItem::premises_proof: return m.has(M::premises_proof);
    case DossierItem::service_evidence: return m.has(M::service_evidence);
    case DossierItem::qualifications: return m.has(M::qualifications) || m.has(M::no_qualifications_required);
    case DossierItem::authenticity_declaration: return m.has(M::authenticity_declaration);
    case DossierItem::count_: break;
    }
    return false;
}

/// The dossier of an application.
struct DossierResult {
    bool known = false;              ///< false when `materials` is absent (the dossier is unknown)
    std::uint16_t missing_items = 0; ///< bit i = DossierItem i is not satisfied
};

/// The dossier: unknown when `materials` is absent, else the requirements that fail.
inline DossierResult dossier(const Application& app) {
    DossierResult d;
    d.known = app.materials.has_value();
    if (!app.materials) return d;
    for (std::size_t i = 0; i < dossier_item_count; ++i)
        if (!dossier_item_present(*app.materials, static_cast<DossierItem>(i)))
            d.missing_items |= static_cast<std::uint16_t>(1U << i);
    return d;
}

} // namespace rules
} // namespace shifan
