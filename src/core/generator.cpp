// The corpus generator (io/generator.hpp): deterministic, realistic shifan.application/1 documents.
#include "shifan/io/generator.hpp"

#include "json/writer.hpp"
#include "shifan/rules/rule_pack.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace shifan::corpus {

namespace {

constexpr const char* counties[] = {"潞州区", "上党区", "屯留区", "潞城区", "襄垣县", "平顺县",
                                           "黎城县", "壶关县", "长子县", "武乡县", "沁县", "沁源县"};
constexpr const char* name_stems[] = {"汇企通", "智联", "创新港", "中小企业之家", "科信", "融通", "太行",
                                             "上党", "晋东南", "华瑞", "启航", "众创", "鼎盛", "信达", "博远", "金桥"};
constexpr const char* name_kinds[] = {"科技服务", "企业服务", "信息技术", "管理咨询", "创业孵化", "融资担保",
                                             "检验检测", "人力资源培训", "知识产权", "供应链服务"};
constexpr const char* name_forms[] = {"有限公司", "有限责任公司", "股份有限公司", "服务中心", "研究院"};
constexpr const char* org_types[] = {"sme_service_institution", "social_intermediary",
                                            "technical_service_institution", "research_institute",
                                            "internet_service_enterprise", "other"};
constexpr const char* materials_all[] = {
    "recommendation_form", "application_report", "business_license", "audit_report_with_service_finance",
    "premises_proof", "service_evidence", "qualifications", "authenticity_declaration"};

/// How a document's figures relate to the thresholds.
enum class Profile { strong, borderline, weak, sparse };

void append_2digits(std::string& s, int v) {
    s.push_back(static_cast<char>('0' + v / 10));
    s.push_back(static_cast<char>('0' + v % 10));
}

std::string date_text(int y, int m, int d) {
    std::string s = std::to_string(y);
    s.push_back('-');
    append_2digits(s, m);
    s.push_back('-');
    append_2digits(s, d);
    return s;
}

/// Money in fen as JSON: a number (2350000.5 style, up to two decimals) or a decimal string.
void money(json::Writer& w, std::int64_t fen, bool as_string, bool plain_integer) {
    std::string s = std::to_string(fen / 100);
    const int cents = static_cast<int>(fen % 100);
    if (!plain_integer || cents != 0) {
        s.push_back('.');
        append_2digits(s, cents);
    }
    if (as_string) w.value(std::string_view(s));
    else w.raw(s);
}

/// Pick a figure against a minimum: comfortably above, exactly at it, one below, or far below.
std::int64_t against(Rng& r, Profile p, std::int64_t minimum, std::int64_t unit, std::int64_t spread) {
    int exact = 12, miss = 4, far = 1;
    if (p == Profile::borderline) { exact = 35; miss = 25; far = 3; }
    if (p == Profile::weak) { exact = 10; miss = 25; far = 25; }
    if (spread < 1) spread = 1;
    const int roll = static_cast<int>(r.next() % 100);
    if (roll < exact) return minimum;
    if (roll < exact + miss) return minimum - unit;
    if (roll < exact + miss + far) return minimum > 4 * unit ? r.between(0, minimum / 2) : 0;
    return minimum + unit * r.between(1, spread);
}

} // namespace

Generator::Generator(std::uint64_t seed) : Generator(seed, builtin_rule_pack().resolve(make_date(2026, 1, 1))) {}

Generator::Generator(std::uint64_t seed, const Parameters& thresholds) : seed_(seed), t_(thresholds) {}

void Generator::write(std::size_t index, std::string& out) const {
    const Parameters& t = t_;
    Rng r(seed_ * 0x2545F4914F6CDD1DULL ^ (index + 1) * 0x9E3779B97F4A7C15ULL);
    r.next();
    const int roll = static_cast<int>(r.next() % 100);
    const Profile p = roll < 45 ? Profile::strong : roll < 75 ? Profile::borderline : roll < 90 ? Profile::weak : Profile::sparse;
    // Probability (percent) that an optional field is left out.
    const int absent = p == Profile::sparse ? 12 : p == Profile::strong ? 0 : 1;
    const int no = p == Profile::weak ? 6 : p == Profile::borderline ? 2 : 0; // a yes/no answered no

    const int year = static_cast<int>(r.between(2022, 2027));
    const int ref_month = static_cast<int>(r.between(3, 6));
    const int ref_day = static_cast<int>(r.between(1, 28));
    json::Writer w(out);
    w.begin_object();
    w.member("schema", "shifan.application/1");
    {
        std::string id = "CZ-" + std::to_string(year) + "-";
        const std::string n = std::to_string(index + 1);
        if (n.size() < 6) id.append(6 - n.size(), '0');
        id += n;
        w.member("id", std::string_view(id));
    }
    if (!r.chance(20)) w.member("review_year", year);
    w.member("reference_date", std::string_view(date_text(year, ref_month, ref_day)));

    auto yes = [&](std::string_view key) {
        if (r.chance(absent)) return;
        w.member(key, !r.chance(no));
    };
    auto count = [&](std::string_view key, std::int64_t minimum, std::int64_t spread) {
        if (r.chance(absent)) return;
        w.member(key, static_cast<std::int64_t>(against(r, p, minimum, 1, spread)));
    };
    // An art7 function of yes/no conditions and one count.
    auto conditions_and_count = [&](std::string_view function, std::initializer_list<std::string_view> conditions,
                                    std::string_view key, std::int64_t minimum, std::int64_t spread) {
        w.key(function).begin_object();
        for (std::string_view condition : conditions) yes(condition);
        count(key, minimum, spread);
        w.end_object();
    };

    // applicant (art6.1)
    const char* county = r.pick(counties);
    if (!r.chance(absent)) {
        w.key("applicant").begin_object();
        std::string name = "长治市";
        name += county;
        name += r.pick(name_stems);
        name += r.pick(name_kinds);
        name += r.pick(name_forms);
        w.member("name", std::string_view(name));
        std::string code = "91140";
        static constexpr char alnum[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 13; ++i) code.push_back(alnum[r.next() % (sizeof(alnum) - 1)]);
        w.member("credit_code", std::string_view(code));
        w.member("county", county);
        yes("legal_person");
        if (!r.chance(absent)) w.member("organization_type", r.chance(p == Profile::weak ? 15 : 2) ? "other" : r.pick(org_types) );
        if (!r.chance(absent)) {
            // Operating two years: exactly (the period completes on the reference date),
            // one day short, or well established. 29 February starts exercise Civil Code art. 202.
            const int kind = static_cast<int>(r.next() % 100);
            const int years = t.years(Param::min_operating_years);
            const int exact = p == Profile::strong ? 8 : 25, shortby = p == Profile::strong ? 2 : 15;
            if (kind < exact) w.member("established_on", std::string_view(date_text(year - years, ref_month, ref_day)));
            else if (kind < exact + shortby)
                w.member("established_on", std::string_view(ref_day < 28 ? date_text(year - years, ref_month, ref_day + 1)
                                                                        : date_text(year - years, ref_month + 1, 1)));
            else if (kind < exact + shortby + 3) w.member("established_on", "2020-02-29");
            else w.member("established_on", std::string_view(date_text(static_cast<int>(r.between(1995, year - years - 1)),
                                                                       static_cast<int>(r.between(1, 12)),
                                                                       static_cast<int>(r.between(1, 28)))));
        }
        if (!r.chance(absent)) {
            w.key("total_assets_cny");
            money(w, against(r, p, t.raw(Param::min_total_assets_cny), 1, 2'000'000'000), r.chance(50), r.chance(40));
        }
        yes("sound_operation");
        w.end_object();
    }

    // performance (art6.2)
    if (!r.chance(absent)) {
        w.key("performance").begin_object();
        if (!r.chance(absent)) {
            w.key("smes_served").begin_object();
            const std::int64_t last = against(r, p, t.raw(Param::min_smes_served), 1, 300);
            // growth: strictly up, equal (fails the strict reading), one less, or with a dip before.
            const int g = static_cast<int>(r.next() % 100);
            std::int64_t before = g < 70 ? last - r.between(1, 40) : g < 85 ? last : last + 1;
            if (before < 0) before = 0;
            std::int64_t two_before = r.chance(75) ? before - r.between(1, 30) : before + r.between(0, 5);
            if (two_before < 0) two_before = 0;
            if (!r.chance(absent * 2)) w.member(std::to_string(year - 3), two_before);
            if (!r.chance(absent * 2)) w.member(std::to_string(year - 2), before);
            w.member(std::to_string(year - 1), last);
            w.end_object();
        }
        if (!r.chance(absent)) {
            w.key("satisfaction").begin_object();
            if (r.chance(65)) {
                const std::int64_t surveyed = r.between(20, 400);
                // the least that reaches the minimum share (hundredths of a percent, rounded up)
                const std::int64_t exact = (surveyed * t.raw(Param::min_satisfaction_percent) + 9999) / 10000;
                std::int64_t satisfied = against(r, p, exact, 1, surveyed - exact + 1);
                if (satisfied > surveyed) satisfied = surveyed;
                if (satisfied < 0) satisfied = 0;
                w.member("surveyed", surveyed);
                if (!r.chance(absent)) w.member("satisfied", satisfied);
            } else {
                std::int64_t h = against(r, p, t.raw(Param::min_satisfaction_percent), 1, 2000); // hundredths of a percent
                if (h > 10000) h = 10000;
                w.key("percent");
                money(w, h, r.chance(30), true);
            }
            w.end_object();
        }
        yes("reputation");
        w.end_object();
    }

    // resources (art6.3)
    if (!r.chance(absent)) {
        w.key("resources").begin_object();
        yes("fixed_premises");
        yes("facilities");
        count("partner_institutions", t.raw(Param::min_partner_institutions), 12);
        w.end_object();
    }

    // management (art6.4)
    if (!r.chance(absent)) {
        w.key("management").begin_object();
        yes("rules");
        yes("service_process");
        yes("fee_standards");
        yes("quality_assurance");
        yes("small_micro_discount");
        if (!r.chance(absent)) {
            w.key("service_volume").begin_object();
            const std::int64_t total = r.chance(2) ? 0 : r.between(100, 5000);
            const std::int64_t exact = (total * t.raw(Param::min_public_interest_percent) + 9999) / 10000;
            std::int64_t free = against(r, p, exact, 1, total / 3);
            if (free > total) free = total;
            if (free < 0) free = 0;
            w.member("total", total);
            if (!r.chance(absent)) w.member("free_or_low_fee", free);
            w.end_object();
        }
        yes("development_plan");
        yes("annual_targets");
        w.end_object();
    }

    // staff (art6.5)
    if (!r.chance(absent)) {
        w.key("staff").begin_object();
        const std::int64_t serving = against(r, p, t.raw(Param::min_staff), 1, 60);
        const std::int64_t exact = (serving * t.raw(Param::min_qualified_percent) + 9999) / 10000;
        std::int64_t qualified = against(r, p, exact, 1, serving - exact + 1);
        if (qualified > serving) qualified = serving;
        if (qualified < 0) qualified = 0;
        if (!r.chance(absent)) w.member("serving_smes", serving);
        if (!r.chance(absent)) w.member("qualified_professionals", qualified);
        yes("leadership");
        w.end_object();
    }

    // functions (art7): each claimed with some probability; at least one usually.
    if (!r.chance(p == Profile::sparse ? 10 : 1)) {
        w.key("functions").begin_object();
        unsigned claimed = static_cast<unsigned>(r.next() & 31u);
        if (claimed == 0) claimed = 1u << (r.next() % 5);
        if (claimed & 1u) {
            w.key("information").begin_object();
            yes("query_system");
            yes("online_offline");
            count("offline_smes_served", t.raw(Param::information_min_offline_smes_served), 200);
            count("activities", t.raw(Param::information_min_activities), 20);
            w.end_object();
        }
        if (claimed & 2u) {
            w.key("technology").begin_object();
            yes("resource_organization");
            yes("expert_pool");
            yes("project_pool");
            const int inst = static_cast<int>(r.next() % 100);
            if (inst < 50) { w.member("has_large_instruments", true); w.member("instruments_shared", true); }
            else if (inst < 80) w.member("has_large_instruments", false); // NOLINT(bugprone-branch-clone): ranges of one roll, two of them giving the same document
            else if (inst < 88) { w.member("has_large_instruments", true); w.member("instruments_shared", p == Profile::strong); }
            else if (inst < 94) w.member("instruments_shared", true);
            else if (p != Profile::strong) w.member("has_large_instruments", true); // undetermined
            else w.member("has_large_instruments", false);
            count("activities", t.raw(Param::technology_min_activities), 20);
            w.end_object();
        }
        if (claimed & 4u)
            conditions_and_count("entrepreneurship", {"coaching", "project_pool", "guide", "hotline", "agency_services"},
                                 "activities", t.raw(Param::entrepreneurship_min_activities), 20);
        if (claimed & 8u)
            conditions_and_count("training", {"accreditation", "online_offline", "evaluation"}, "trainee_times",
                                 t.raw(Param::training_min_trainee_times), 4000);
        if (claimed & 16u) {
            w.key("financing").begin_object();
            const bool guarantee = r.chance(40);
            count("activities", t.raw(Param::financing_min_activities), 20);
            if (!r.chance(absent)) {
                w.key("financing_obtained_cny");
                money(w, guarantee ? r.between(0, 30'000'000'000) : against(r, p, t.raw(Param::financing_min_financing_cny), 1, 50'000'000'000),
                      r.chance(50), r.chance(50));
            }
            if (!r.chance(absent)) w.member("guarantee_institution", guarantee);
            if (!r.chance(absent)) {
                w.key("new_guarantees_cny");
                money(w, guarantee ? against(r, p, t.raw(Param::financing_min_new_guarantees_cny), 1, 100'000'000'000) : 0, r.chance(50), r.chance(50));
            }
            w.end_object();
        }
        w.end_object();
    }

    // materials (art9, art10): complete, one missing, the art10.3 pair, or absent.
    if (!r.chance(p == Profile::sparse ? 30 : 5)) {
        w.key("materials").begin_array();
        const int m = static_cast<int>(r.next() % 100);
        const std::size_t drop = m < 15 ? static_cast<std::size_t>(r.next() % 8) : 99;
        for (std::size_t i = 0; i < 8; ++i) {
            if (i == drop) continue;
            if (i == 3 && m >= 15 && m < 35) { w.value("audit_report"); w.value("service_finance_audit"); continue; }
            if (i == 6 && m >= 35 && m < 45) { w.value("no_qualifications_required"); continue; }
            w.value(materials_all[i]);
        }
        w.end_array();
    }
    w.end_object();
}

std::string Generator::operator()(std::size_t index) const {
    std::string s;
    s.reserve(1600);
    write(index, s);
    return s;
}

std::vector<std::string> generate(std::uint64_t seed, std::size_t count) {
    const Generator g(seed);
    std::vector<std::string> docs;
    docs.reserve(count);
    for (std::size_t i = 0; i < count; ++i) docs.push_back(g(i));
    return docs;
}

} // namespace shifan::corpus
