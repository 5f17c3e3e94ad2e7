// Aggregation of three-valued outcomes (docs/specification.md §2): AllOf and AnyOf over every
// combination of child outcomes, checked against the definitions written out independently.
#include "test_helpers.hpp"

#include <catch2/catch.hpp>

#include <vector>

using shifan::Outcome;

namespace {

constexpr Outcome all_outcomes[] = {Outcome::pass, Outcome::fail, Outcome::undetermined, Outcome::not_applicable};

/// all-of as docs/specification.md §2.2 states it: fail if any child fails, else undetermined if any
/// is, else pass (not_applicable counts as pass; no children at all is pass).
Outcome all_of_reference(const std::vector<Outcome>& xs) {
    for (Outcome o : xs) if (o == Outcome::fail) return Outcome::fail;
    for (Outcome o : xs) if (o == Outcome::undetermined) return Outcome::undetermined;
    return Outcome::pass;
}

/// any-of: pass if any child passes (not_applicable counts as pass), else undetermined if any is,
/// else fail (no children at all is fail).
Outcome any_of_reference(const std::vector<Outcome>& xs) {
    for (Outcome o : xs) if (o == Outcome::pass || o == Outcome::not_applicable) return Outcome::pass;
    for (Outcome o : xs) if (o == Outcome::undetermined) return Outcome::undetermined;
    return Outcome::fail;
}

/// Every sequence of `n` outcomes.
std::vector<std::vector<Outcome>> sequences(std::size_t n) {
    std::vector<std::vector<Outcome>> out{{}};
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::vector<Outcome>> next;
        for (const auto& s : out)
            for (Outcome o : all_outcomes) {
                auto t = s;
                t.push_back(o);
                next.push_back(t);
            }
        out = next;
    }
    return out;
}

const char* name(Outcome o) { return shifan::json::enum_name(o); }

} // namespace

TEST_CASE("AllOf and AnyOf agree with the definitions for every combination of up to 5 children", "[aggregation]") {
    std::size_t checked = 0;
    for (std::size_t n = 0; n <= 5; ++n)
        for (const auto& xs : sequences(n)) {
            shifan::AllOf all;
            shifan::AnyOf any;
            for (Outcome o : xs) { all.add(o); any.add(o); }
            std::string label;
            for (Outcome o : xs) label += std::string(name(o)) + " ";
            INFO("children: " << label);
            CHECK(all.result() == all_of_reference(xs));
            CHECK(any.result() == any_of_reference(xs));
            ++checked;
        }
    CHECK(checked == 1 + 4 + 16 + 64 + 256 + 1024);
}

TEST_CASE("AllOf and AnyOf truth table of two children, written out", "[aggregation]") {
    using O = Outcome;
    struct Row { O a, b, all, any; };
    const Row rows[] = {
        {O::pass, O::pass, O::pass, O::pass},
        {O::pass, O::fail, O::fail, O::pass},
        {O::pass, O::undetermined, O::undetermined, O::pass},
        {O::pass, O::not_applicable, O::pass, O::pass},
        {O::fail, O::fail, O::fail, O::fail},
        {O::fail, O::undetermined, O::fail, O::undetermined},
        {O::fail, O::not_applicable, O::fail, O::pass},
        {O::undetermined, O::undetermined, O::undetermined, O::undetermined},
        {O::undetermined, O::not_applicable, O::undetermined, O::pass},
        {O::not_applicable, O::not_applicable, O::pass, O::pass},
    };
    for (const Row& r : rows)
        for (bool swap : {false, true}) {
            const O x = swap ? r.b : r.a, y = swap ? r.a : r.b;
            INFO(name(x) << ", " << name(y));
            shifan::AllOf all;
            shifan::AnyOf any;
            all.add(x); all.add(y);
            any.add(x); any.add(y);
            CHECK(all.result() == r.all);
            CHECK(any.result() == r.any);
        }
}

TEST_CASE("verdict = all-of(art6, art7)", "[aggregation]") {
    using O = Outcome;
    using V = shifan::Verdict;
    struct Row { O art6, art7; V verdict; };
    const Row rows[] = {
        {O::pass, O::pass, V::eligible},           {O::pass, O::fail, V::ineligible},
        {O::pass, O::undetermined, V::undetermined}, {O::fail, O::pass, V::ineligible},
        {O::fail, O::fail, V::ineligible},         {O::fail, O::undetermined, V::ineligible},
        {O::undetermined, O::pass, V::undetermined}, {O::undetermined, O::fail, V::ineligible},
        {O::undetermined, O::undetermined, V::undetermined},
    };
    for (const Row& r : rows) {
        shifan::AllOf all;
        all.add(r.art6);
        all.add(r.art7);
        INFO(name(r.art6) << ", " << name(r.art7));
        CHECK(shifan::verdict_of(all.result()) == r.verdict);
    }
}
