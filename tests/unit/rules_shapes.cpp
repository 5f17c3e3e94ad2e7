// The leaf shapes every clause is written with (rules/sink.hpp): a minimum and a share, at, just
// above and just below the threshold, for both bounds ("以上" = at_least, "超过" = more_than).
#include "shifan/rules/sink.hpp"

#include <catch2/catch.hpp>

namespace {
using shifan::rules::Bound;
using shifan::Check;
using shifan::Count;
using shifan::Outcome;
using shifan::Percent;
using shifan::Quantity;
using shifan::Reason;
namespace shape = shifan::rules::shape;

Check minimum(std::int64_t actual, std::int64_t required, Bound bound) {
    Check c;
    shape::minimum(c, actual, required, Quantity::count, bound);
    return c;
}

Check share(std::int64_t part, std::int64_t whole, std::int64_t required_percent, Bound bound) {
    Check c;
    shape::share_at_least(c, Count{part}, 1, Count{whole}, 2, Percent::whole(required_percent), bound);
    return c;
}
} // namespace

TEST_CASE("a minimum at, above and below the threshold, inclusive (以上)") {
    CHECK(minimum(80, 80, Bound::at_least).outcome == Outcome::pass);
    CHECK(minimum(81, 80, Bound::at_least).outcome == Outcome::pass);
    const Check below = minimum(79, 80, Bound::at_least);
    CHECK(below.outcome == Outcome::fail);
    CHECK(below.reason == Reason::below_threshold);
    CHECK(below.shortfall.value == 1);
}

TEST_CASE("a minimum at, above and below the threshold, exclusive (超过)") {
    const Check at = minimum(80, 80, Bound::more_than);
    CHECK(at.outcome == Outcome::fail);
    CHECK(at.shortfall.value == 1); // one more passes
    CHECK(minimum(81, 80, Bound::more_than).outcome == Outcome::pass);
    const Check below = minimum(79, 80, Bound::more_than);
    CHECK(below.outcome == Outcome::fail);
    CHECK(below.shortfall.value == 2);
    CHECK(below.required.value == 80); // the threshold is reported as the measure states it
}

TEST_CASE("a share at, above and below the threshold, inclusive and exclusive") {
    // 8 of 10 is exactly 80%.
    CHECK(share(8, 10, 80, Bound::at_least).outcome == Outcome::pass);
    CHECK(share(9, 10, 80, Bound::at_least).outcome == Outcome::pass);
    const Check below = share(7, 10, 80, Bound::at_least);
    CHECK(below.outcome == Outcome::fail);
    CHECK(below.shortfall.value == 1);
    CHECK(below.actual.value == 7000);

    const Check at = share(8, 10, 80, Bound::more_than);
    CHECK(at.outcome == Outcome::fail);
    CHECK(at.shortfall.value == 1); // 9 of 10 passes
    CHECK(share(9, 10, 80, Bound::more_than).outcome == Outcome::pass);
    CHECK(share(7, 10, 80, Bound::more_than).shortfall.value == 2);
    // Not a whole multiple: 80% of 7 is 5.6, so 6 of 7 passes either way and 5 of 7 needs 1 more.
    CHECK(share(6, 7, 80, Bound::more_than).outcome == Outcome::pass);
    CHECK(share(5, 7, 80, Bound::more_than).shortfall.value == 1);
    CHECK(share(5, 7, 80, Bound::at_least).shortfall.value == 1);
}

TEST_CASE("a share whose whole is 0 fails without figures, and an absent part is undetermined") {
    const Check zero = share(0, 0, 80, Bound::at_least);
    CHECK(zero.outcome == Outcome::fail);
    CHECK(zero.reason == Reason::zero_whole);
    CHECK_FALSE(zero.actual.present());
    Check absent;
    shape::share_at_least(absent, std::nullopt, 1, Count{10}, 2, Percent::whole(80));
    CHECK(absent.outcome == Outcome::undetermined);
    CHECK(absent.missing == 1);
}
