package cn.shifan;

import static cn.shifan.BindingsTest.check;
import static cn.shifan.BindingsTest.equal;
import static cn.shifan.BindingsTest.expectThrows;
import static cn.shifan.BindingsTest.object;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** History, Status and Roster. */
final class LifecycleTest {
    private LifecycleTest() {
    }

    static void run(Path repo) {
        Path dir = repo.resolve("examples/histories");
        try (Engine engine = new Engine();
             History h = engine.history(dir.resolve("designated-current.json"));
             History again = new History(engine, h.toJson())) {
            equal(4, h.size(), "history: events");
            equal("CZ-P-0042", h.platformId(), "history: platform id");
            equal(h.toJson(), again.toJson(), "history: toJson() reads back the same");
            try (Status s = h.status(LocalDate.of(2025, 3, 1))) {
                equal("designated", s.state(), "status: designated");
                equal(LocalDate.of(2025, 3, 1), s.on(), "status: on");
                check(s.daysLeft().isPresent() && s.daysLeft().getAsLong() > 0, "status: days left " + s.daysLeft());
                check(s.validUntil().isPresent(), "status: valid until");
                equal(s.validUntil().get().toEpochDay() - s.on().toEpochDay(), s.daysLeft().getAsLong(),
                      "status: days left = valid until - on");
                equal(object(s.toJson(Lang.BOTH)).get("state"), "designated", "status JSON");
                check(!s.mayApplyAgainReason(Lang.ZH).isEmpty(), "status: reason in Chinese");
                check(s.report(Lang.ZH).contains("CZ-P-0042"), "status report names the platform");
            }
            try (Status before = h.status("2024-01-01")) {
                equal("none", before.state(), "status before the first event");
                check(before.daysLeft().isEmpty() && before.validUntil().isEmpty(), "no term before the first event");
            }
            expectThrows(UsageException.class, () -> h.status("2025-02-30"), "status on a day that does not exist");
            String before = h.toJson();
            HistoryException refused = expectThrows(HistoryException.class,
                () -> h.append("{\"type\":\"applied\",\"date\":\"2025-03-01\",\"review_year\":2025}"), "applying while designated");
            if (refused != null) {
                equal(4L, refused.eventIndex(), "refused event: its index");
                equal("applied", refused.eventType(), "refused event: its type");
                check(refused.articles() != null && !refused.articles().isEmpty(), "refused event: articles " + refused.articles());
                check(refused.path().startsWith("/events/4"), "refused event: path " + refused.path());
                check(refused.messageZh().codePoints().anyMatch(cp -> cp >= 0x4e00), "refused event: Chinese message");
            }
            equal(before, h.toJson(), "a refused event leaves the history as it was");
            HistoryException backwards = expectThrows(HistoryException.class,
                () -> h.append("{\"type\":\"annual_summary_filed\",\"year\":2024,\"date\":\"2020-01-01\"}"), "a date running backwards");
            if (backwards != null) {
                equal(List.of(), backwards.articles(), "dates running backwards break no article");
            }
            h.append("{\"type\":\"annual_summary_filed\",\"year\":2025,\"date\":\"2026-02-20\"}");
            equal(5, h.size(), "an accepted event is appended");

            try (History expired = new History(engine, dir.resolve("expired.json"));
                 Roster r = new Roster(engine, List.of(again, expired), List.of(dir.resolve("county-filings-shangdang.json")),
                                       LocalDate.of(2025, 6, 1), null)) {
                equal(LocalDate.of(2025, 6, 1), r.on(), "roster: on");
                check(object(r.toJson(Lang.BOTH)).containsKey("platforms"), "roster JSON has platforms");
                check(r.report(Lang.ZH).contains("CZ-P-0042"), "roster report names a platform");
                String html = r.toHtml(30, "上党区 <测试>");
                check(html.startsWith("<!DOCTYPE html>") && html.contains("上党区 &lt;测试&gt;"), "roster HTML with its escaped subtitle");
                expectThrows(UsageException.class, () -> r.toHtml(-1, null), "negative soonDays");
            }
        }
        Engine closed = new Engine();
        closed.close();
        expectThrows(UsageException.class, () -> closed.history("{}"), "history with a closed engine");
    }
}
