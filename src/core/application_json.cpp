// Reading shifan.application/1: the readers for the few types that are not plain described
// structs, the cross-field rules (a part never exceeds its whole; satisfaction has one form), and
// the one instantiation of the described-struct reader for the whole application.
#include "application_json.hpp"

#include "shifan/io/application.hpp"
#include "shifan/model/review_year.hpp"

#include <memory>
#include <utility>

namespace shifan {

/// `materials`: an array of material names (order free, repeats harmless).
void read(json::Reader& r, MaterialSet& out) {
    r.begin_array("材料名称数组", "an array of material names");
    std::size_t i = 0;
    out.bits = 0;
    while (r.peek().kind != json::Kind::array_end) {
        r.push_index(i++);
        Material m{};
        read(r, m);
        out.add(m);
        r.pop();
    }
    r.next();
}

/// `smes_served`: an object keyed by four-digit years.
void read(json::Reader& r, YearCounts& out) {
    r.begin_object("以年份为键的对象（如 {\"2024\": 102}）", "an object keyed by year (e.g. {\"2024\": 102})");
    out.size = 0;
    while (r.peek().kind != json::Kind::object_end) {
        const std::string_view key = r.text(r.next());
        int year = 0;
        bool ok = key.size() == 4;
        // Digits are summed only for a four-character key: a long digit string must not overflow.
        for (std::size_t i = 0; ok && i < key.size(); ++i) {
            if (key[i] < '0' || key[i] > '9') ok = false;
            else year = year * 10 + (key[i] - '0');
        }
        if (!ok || year < min_input_year || year > max_input_year)
            r.fail_at(key, ErrorCode::unknown_key, "键应为四位年份（1900–2999），而非“" + std::string(key) + "”",
                      "keys must be four-digit years (1900–2999), not \"" + std::string(key) + "\"");
        if (out.at(year))
            r.fail_at(key, ErrorCode::duplicate_key, "重复的年份“" + std::string(key) + "”",
                      "duplicate year \"" + std::string(key) + "\"");
        if (out.size == YearCounts::capacity)
            r.fail_at(key, ErrorCode::limit_exceeded, "年份过多（上限 64 个）", "too many years (the limit is 64)");
        r.push_key(key);
        Count c;
        read(r, c);
        r.pop();
        out.entries[out.size++] = {year, c};
    }
    r.next();
}

/// One form only; a part never exceeds its whole.
void after_read(json::Reader& r, Satisfaction& s) {
    if (s.percent && (s.surveyed || s.satisfied))
        r.fail_at("percent", ErrorCode::inconsistent,
                  "满意度只能用一种形式给出：调查人数（surveyed/satisfied）或百分比（percent），不能同时给出",
                  "give satisfaction in one form only: a survey (surveyed/satisfied) or a percent, not both");
    if (s.surveyed && s.satisfied && s.satisfied->value > s.surveyed->value)
        r.fail_at("satisfied", ErrorCode::inconsistent, "满意人数大于调查人数", "more satisfied respondents than surveyed");
}

/// A part never exceeds its whole: `free_or_low_fee <= total`.
void after_read(json::Reader& r, ServiceVolume& v) {
    if (v.total && v.free_or_low_fee && v.free_or_low_fee->value > v.total->value)
        r.fail_at("free_or_low_fee", ErrorCode::inconsistent, "公益性或低收费服务量大于总服务量",
                  "free or low-fee services exceed the total service volume");
}

/// A part never exceeds its whole: `qualified_professionals <= serving_smes`.
void after_read(json::Reader& r, Staff& s) {
    if (s.serving_smes && s.qualified_professionals && s.qualified_professionals->value > s.serving_smes->value)
        r.fail_at("qualified_professionals", ErrorCode::inconsistent, "专业人员人数大于服务人员总数",
                  "more qualified professionals than staff serving SMEs");
}

/// `reference_date` is required; `review_year` fits it as an application's review year fits the
/// application's date (art12, the one rule of shifan/model/review_year.hpp).
void after_read(json::Reader& r, Application& a) {
    if (!a.reference_date)
        r.fail_at("reference_date", ErrorCode::missing_required, "缺少必填字段 reference_date（评审基准日）",
                  "missing required member \"reference_date\" (the date the application is judged at)");
    if (a.review_year && !review_year_fits(a.review_year->value, *a.reference_date)) {
        const Text why = review_year_mismatch(a.review_year->value, *a.reference_date, {"评审基准日", "the reference date"});
        r.fail_at("review_year", ErrorCode::inconsistent, why.zh, why.en);
    }
}

void parse_application(json::Tape& tape, std::string_view text, Application& out, const json::Limits& limits) {
    out = Application{};
    json::read_document(tape, text, application_schema, out, limits);
}

Application parse_application(std::string_view text, const json::Limits& limits) {
    json::Tape tape;
    Application app;
    parse_application(tape, text, app, limits);
    return app;
}

struct ApplicationReader::Impl {
    json::Tape tape;
};

ApplicationReader::ApplicationReader() : impl_(new Impl) {}
ApplicationReader::~ApplicationReader() { delete impl_; }
ApplicationReader::ApplicationReader(ApplicationReader&& other) noexcept : impl_(std::exchange(other.impl_, nullptr)) {}
ApplicationReader& ApplicationReader::operator=(ApplicationReader&& other) noexcept {
    std::swap(impl_, other.impl_);
    return *this;
}

void ApplicationReader::parse(std::string_view text, Application& out, const json::Limits& limits) {
    if (!impl_) impl_ = new Impl; // a moved-from reader starts again with empty buffers
    parse_application(impl_->tape, text, out, limits);
}

} // namespace shifan
