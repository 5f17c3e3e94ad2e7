// Generated from changzhi-municipal.rulepack.json by cmake/embed_rule_pack.cmake. Do not edit.
#pragma once
namespace shifan::builtin {
inline constexpr const char* changzhi_municipal_rulepack = R"shifan_pack({
  "schema": "shifan.rulepack/1",
  "id": "changzhi-municipal",
  "version": "1.0.0",
  "description": "《长治市市级中小企业公共服务示范平台认定管理办法》 — the thresholds of art6, art7, art13, art14 and art15 as the measures state them.",
  "parameters": {
    "min_operating_years": 2,
    "min_total_assets_cny": 1000000,
    "min_smes_served": 80,
    "min_satisfaction_percent": 80,
    "min_partner_institutions": 2,
    "min_public_interest_percent": 10,
    "min_staff": 10,
    "min_qualified_percent": 80,
    "information.min_offline_smes_served": 80,
    "information.min_activities": 3,
    "technology.min_activities": 3,
    "entrepreneurship.min_activities": 3,
    "training.min_trainee_times": 1000,
    "financing.min_activities": 4,
    "financing.min_financing_cny": 400000000,
    "financing.min_new_guarantees_cny": 1500000000,
    "validity_years": 3,
    "annual_summary_due": {"month": 2, "day": "last"},
    "county_report_due": {"month": 3, "day": "last"}
  }
}
)shifan_pack";
}
