// Policy simulation (io/compare.hpp): each document is read once by one thread of the work pool
// and evaluated under both engines; the thread adds to its own tallies, and keeps the changed
// applications it met (its chunks come in increasing input order, so its first `room` records
// are its earliest). After each piece the tallies are summed and the records merged in input
// order, so the result is the same whatever the number of threads.
#include "shifan/io/compare.hpp"

#include "application_json.hpp"
#include "json/tape.hpp"
#include "shifan/core/enum_names.hpp"
#include "shifan/io/batch.hpp"
#include "work_pool.hpp"

#include <algorithm>
#include <memory>
#include <vector>

namespace shifan {

namespace {
// The words of results and outcomes, in enum order.
constexpr std::array<std::string_view, result_count> result_names{"eligible", "ineligible", "undetermined", "error"};
constexpr std::array<StaticText, result_count> result_titles{
    {{"符合条件", "eligible"}, {"不符合条件", "ineligible"}, {"无法判定", "undetermined"}, {"输入错误", "error"}}};
constexpr std::array<StaticText, outcome_count> outcome_titles{
    {{"通过", "pass"}, {"未通过", "fail"}, {"无法判定", "undetermined"}, {"不适用", "not applicable"}}};
} // namespace

std::string_view result_name(Result r) noexcept { return result_names[static_cast<std::size_t>(r) % result_count]; }
StaticText result_title(Result r) noexcept { return result_titles[static_cast<std::size_t>(r) % result_count]; }
StaticText outcome_title(Outcome o) noexcept { return outcome_titles[static_cast<std::size_t>(o) % outcome_count]; }

namespace {

Result result_of(Verdict v) { return static_cast<Result>(static_cast<std::uint8_t>(v)); }

/// What one side made of the document in hand.
struct Side {
    std::unique_ptr<Evaluation> evaluation = std::make_unique<Evaluation>();
    bool ok = false;
    Text error;
    Result result = Result::error;
};

/// The counts a thread adds to; summed into the Comparison after each piece.
struct Tallies {
    std::uint64_t applications = 0;
    std::uint64_t changed = 0;
    std::array<std::array<std::uint64_t, result_count>, result_count> transitions{};
    std::array<std::uint64_t, function_count> functions_before{}, functions_after{};
    std::array<RuleTally, rule_count> rules{};

    void add_to(Comparison& c) const {
        c.applications += applications;
        c.changed += changed;
        for (std::size_t i = 0; i < result_count; ++i)
            for (std::size_t j = 0; j < result_count; ++j) c.transitions[i][j] += transitions[i][j];
        for (std::size_t f = 0; f < function_count; ++f) {
            c.functions_before[f] += functions_before[f];
            c.functions_after[f] += functions_after[f];
        }
        for (std::size_t r = 0; r < rule_count; ++r) {
            for (std::size_t o = 0; o < outcome_count; ++o) {
                c.rules[r].before[o] += rules[r].before[o];
                c.rules[r].after[o] += rules[r].after[o];
            }
            c.rules[r].changed += rules[r].changed;
        }
    }
};

/// One thread's reusable state: nothing is allocated per document but the changed records.
struct Scratch {
    json::Tape tape;
    std::unique_ptr<Application> app = std::make_unique<Application>();
    Side before, after;
    Tallies tallies;
    std::vector<ChangedApplication> changed; // this piece's, in input order
};

Text error_text(const Error& e) { return Text{e.describe(Lang::zh), e.describe(Lang::en)}; }

void evaluate_side(const Engine& engine, const Application& app, Side& side) {
    try {
        engine.evaluate(app, *side.evaluation);
        side.ok = true;
        side.result = result_of(side.evaluation->verdict);
    } catch (const Error& e) {
        side.ok = false;
        side.result = Result::error;
        side.error = error_text(e);
    }
}

std::uint8_t functions_of(const Side& s) { return s.ok ? s.evaluation->qualified_functions : std::uint8_t{0}; }

void count_side(const Side& s, std::array<std::uint64_t, function_count>& functions,
                std::array<RuleTally, rule_count>& rules, bool before) {
    if (!s.ok) return;
    for (std::size_t f = 0; f < function_count; ++f)
        if (s.evaluation->qualifies(static_cast<Function>(f))) ++functions[f];
    for (std::size_t r = 0; r < rule_count; ++r) {
        auto& counts = before ? rules[r].before : rules[r].after;
        ++counts[static_cast<std::size_t>(s.evaluation->checks[r].outcome)];
    }
}

/// Compare one document (input position `index`) into the thread's scratch; keep its record if
/// its result changed and the thread still has `room`.
void compare_one(const Engine& baseline, const Engine& alternative, const json::Limits& limits, Scratch& s,
                 std::string_view doc, std::uint64_t index, std::size_t room) {
    Tallies& t = s.tallies;
    ++t.applications;
    bool readable = true;
    try {
        parse_application(s.tape, doc, *s.app, limits);
    } catch (const Error& e) {
        readable = false;
        s.before.ok = s.after.ok = false;
        s.before.result = s.after.result = Result::error;
        s.before.error = s.after.error = error_text(e);
    }
    if (readable) {
        evaluate_side(baseline, *s.app, s.before);
        evaluate_side(alternative, *s.app, s.after);
    }
    ++t.transitions[static_cast<std::size_t>(s.before.result)][static_cast<std::size_t>(s.after.result)];
    count_side(s.before, t.functions_before, t.rules, true);
    count_side(s.after, t.functions_after, t.rules, false);
    const bool both = s.before.ok && s.after.ok;
    if (both)
        for (std::size_t r = 0; r < rule_count; ++r)
            if (s.before.evaluation->checks[r].outcome != s.after.evaluation->checks[r].outcome) ++t.rules[r].changed;
    if (s.before.result == s.after.result) return;
    ++t.changed;
    if (s.changed.size() >= room) return;

    ChangedApplication& c = s.changed.emplace_back();
    c.index = index;
    if (readable) {
        const Application& app = *s.app;
        c.id = app.id.value_or("");
        if (app.applicant) {
            c.name = app.applicant->name.value_or("");
            c.county = app.applicant->county.value_or("");
        }
        c.review_year = app.year();
    }
    c.before = s.before.result;
    c.after = s.after.result;
    c.functions_before = functions_of(s.before);
    c.functions_after = functions_of(s.after);
    if (!s.before.ok) c.error_before = s.before.error;
    if (!s.after.ok) c.error_after = s.after.error;
    if (both)
        for (std::size_t r = 0; r < rule_count; ++r) {
            const Check& b = s.before.evaluation->checks[r];
            const Check& a = s.after.evaluation->checks[r];
            if (b.outcome != a.outcome) c.rules.push_back(RuleChange{static_cast<RuleId>(r), b, a});
        }
}

/// "80", "1000000.00", "80.00", "02-last": a parameter value as the rule pack holds it.
void append_param_value(std::string& out, ParamKind kind, std::int64_t v, bool en) {
    switch (kind) {
    case ParamKind::years:
    case ParamKind::count: append_integer(out, v); break;
    case ParamKind::money: append_hundredths(out, v); out += en ? " CNY" : " 元"; break;
    case ParamKind::percent: append_hundredths(out, v); out += '%'; break;
    case ParamKind::month_day:
        append_integer(out, v / 100);
        out += en ? "-" : "月";
        if (v % 100 == 0) out += en ? "last day" : "末";
        else { append_integer(out, v % 100); if (!en) out += "日"; }
        break;
    }
}

/// Every value of parameter `p` in `pack`, dated ones with their first day.
Text param_values(const RulePack& pack, Param p) {
    Text t;
    const ParamKind kind = param_def(p).kind;
    for (const DatedValue& v : pack.values[static_cast<std::size_t>(p)]) {
        if (!t.zh.empty()) { t.zh += "；"; t.en += "; "; }
        append_param_value(t.zh, kind, v.value, false);
        append_param_value(t.en, kind, v.value, true);
        if (v.from) {
            t.zh += "（自 " + to_string(*v.from) + " 起）";
            t.en += " (from " + to_string(*v.from) + ")";
        }
    }
    return t;
}

bool same_values(const std::vector<DatedValue>& a, const std::vector<DatedValue>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const DatedValue& x, const DatedValue& y) { return x.from == y.from && x.value == y.value; });
}

template <class E>
void add_reading(std::vector<Difference>& out, std::string_view name, E before, E after) {
    if (before == after) return;
    Difference& d = out.emplace_back();
    d.name = std::string(name);
    d.reading = true;
    d.before = Text{json::enum_name(before), json::enum_name(before)};
    d.after = Text{json::enum_name(after), json::enum_name(after)};
}

std::vector<Difference> differences(const Engine& baseline, const Engine& alternative) {
    std::vector<Difference> out;
    const RulePack& a = baseline.rule_pack();
    const RulePack& b = alternative.rule_pack();
    for (std::size_t i = 0; i < param_count; ++i) {
        if (same_values(a.values[i], b.values[i])) continue;
        const Param p = static_cast<Param>(i);
        out.push_back(Difference{std::string(param_def(p).name), false, param_values(a, p), param_values(b, p),
                                 a.values[i], b.values[i]});
    }
    const Interpretations& x = baseline.interpretations();
    const Interpretations& y = alternative.interpretations();
    add_reading(out, "growth", x.growth, y.growth);
    add_reading(out, "operating_period", x.operating_period, y.operating_period);
    return out;
}

std::string pack_name(const RulePack& p) { return p.id + " " + p.version; }

} // namespace

struct Comparator::Impl {
    Impl(const Engine& baseline, const Engine& alternative, const CompareOptions& options)
        : baseline_(baseline), alternative_(alternative), options_(options),
          pool_(resolve_jobs(options.jobs)), scratch_(pool_.jobs()) {
        result_.baseline_pack = pack_name(baseline.rule_pack());
        result_.alternative_pack = pack_name(alternative.rule_pack());
        result_.baseline_readings = baseline.interpretations();
        result_.alternative_readings = alternative.interpretations();
        result_.differences = differences(baseline, alternative);
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        try { pool_.wait(); } catch (...) {} // NOLINT(bugprone-empty-catch): nothing to report to
    }

    void add(std::span<const std::string_view> documents) {
        const std::uint64_t offset = result_.applications;
        const std::size_t kept = result_.changed_applications.size();
        const std::size_t room = options_.max_changed > kept ? options_.max_changed - kept : 0;
        for (Scratch& s : scratch_) {
            s.tallies = Tallies{};
            s.changed.clear();
        }
        pool_.run(documents.size(), BatchEvaluator::chunk, [&](unsigned thread, std::size_t begin, std::size_t end) {
            Scratch& s = scratch_[thread];
            for (std::size_t i = begin; i < end; ++i)
                compare_one(baseline_, alternative_, options_.limits, s, documents[i], offset + i, room);
        });
        std::vector<ChangedApplication> merged;
        for (Scratch& s : scratch_) {
            s.tallies.add_to(result_);
            for (ChangedApplication& c : s.changed) merged.push_back(std::move(c));
            s.changed.clear();
        }
        std::sort(merged.begin(), merged.end(),
                  [](const ChangedApplication& x, const ChangedApplication& y) { return x.index < y.index; });
        if (merged.size() > room) merged.resize(room);
        for (ChangedApplication& c : merged) result_.changed_applications.push_back(std::move(c));
    }

    const Engine& baseline_;
    const Engine& alternative_;
    const CompareOptions options_;
    detail::WorkPool pool_;
    std::vector<Scratch> scratch_; // one per thread; [0] is the caller's
    Comparison result_;
};

Comparator::Comparator(const Engine& baseline, const Engine& alternative, const CompareOptions& options)
    : impl_(new Impl(baseline, alternative, options)) {}
Comparator::~Comparator() { delete impl_; }
void Comparator::add(std::span<const std::string_view> documents) { impl_->add(documents); }
const Comparison& Comparator::result() const noexcept { return impl_->result_; }

Comparison compare(const Engine& baseline, const Engine& alternative, std::span<const std::string_view> documents,
                   const CompareOptions& options) {
    CompareOptions o = options;
    // No thread is worth starting for less than two chunks per extra thread.
    const std::size_t useful = std::max<std::size_t>(1, documents.size() / (2 * BatchEvaluator::chunk));
    o.jobs = static_cast<unsigned>(std::min<std::size_t>(resolve_jobs(options.jobs), useful));
    Comparator c(baseline, alternative, o);
    c.add(documents);
    return c.result();
}

} // namespace shifan
