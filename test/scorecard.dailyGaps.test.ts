/**
 * A daily export with days missing: the scorecard says which of the compared months are short, and the review
 * repeats it under the scorecard. Figures by hand: 10 a day; February 2024 complete (29 days) = 290, February
 * 2025 with days 1..25 only = 250, so YoY −13.8% is partly the four missing days.
 */
import { readMonthlyGrid } from "../src/engine/read/monthlyTable";
import { makeMonth } from "../src/engine/read/month";
import { computeScorecard } from "../src/engine/kpi/scorecard";
import { buildReview } from "../src/engine/review/reviewModel";
import { reviewWorkbook } from "../src/engine/review/reviewSheets";
import { formatIssue } from "../src/i18n/issues";

const rows: unknown[][] = [["统计日期", "支付金额"]];
for (let d = 1; d <= 29; d++) rows.push([`2024-02-${String(d).padStart(2, "0")}`, 10]);
for (let d = 1; d <= 25; d++) rows.push([`2025-02-${String(d).padStart(2, "0")}`, 10]);
const { table } = readMonthlyGrid({ sheet: "日报", values: rows });
const FEB_2025 = { from: makeMonth(2025, 2), to: makeMonth(2025, 2) };

test("a short month in the period is named in the scorecard's warnings, in both languages", () => {
  const card = computeScorecard(table, [], { period: FEB_2025 });
  const gmv = card.metrics.find((m) => m.key === "gmv")!;
  expect([gmv.actual, gmv.previous]).toEqual([250, 290]);
  expect(gmv.growth).toBeCloseTo(250 / 290 - 1, 12);
  const note = card.warnings.find((w) => w.code === "periodIncompleteDays")!;
  expect(note.params.months).toBe("2025-02");
  expect(formatIssue(note, "zh")).toContain("--from/--to");
  expect(formatIssue(note, "en")).toContain("missing days");
});

test("no such warning where the compared months are complete", () => {
  const complete = readMonthlyGrid({ sheet: "日报", values: rows.slice(0, 30) }).table; // February 2024 only
  const card = computeScorecard(complete, [], { period: { from: makeMonth(2024, 2), to: makeMonth(2024, 2) } });
  expect(card.warnings.map((w) => w.code)).not.toContain("periodIncompleteDays");
});

test("the review says it under the scorecard", () => {
  const model = buildReview({ table, targets: [], period: FEB_2025, lang: "zh", source: "日报.csv", generatedAt: new Date("2025-03-01T00:00:00Z") });
  const texts = reviewWorkbook(model).sheets[0].cells.map((c) => String(c.value ?? ""));
  expect(texts.some((t) => t.startsWith("日数据不全的月份在对比期间内：2025-02"))).toBe(true);
});
