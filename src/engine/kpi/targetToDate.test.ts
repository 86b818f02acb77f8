/**
 * Targets for a longer period than the one reviewed (domain.md): seasonal and linear targets to date, a stock
 * compared with its year-end level, a rate's target as given, monthly targets summed. Every figure below is
 * worked out by hand from the small tables in this file.
 */
import fc from "fast-check";
import { readMonthlyGrid } from "../read/monthlyTable";
import { readTargetsGrid } from "../read/targets";
import { makeMonth } from "../read/month";
import { computeScorecard, type MetricResult, type Scorecard } from "./scorecard";
import { proRatedTarget } from "./targetToDate";
import { formatIssue } from "../../i18n/issues";

/** 2024 GMV: ten months of 10, November 30, December 20 → 150 in the year, 90 in Jan–Sep (a 60% share). */
const GMV_2024 = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 30, 20];
/** 2025 Jan–Sep: 12 a month → 108. */
const GMV_2025 = [12, 12, 12, 12, 12, 12, 12, 12, 12];

function table(months: Array<[string, number, number, number, number]>) {
  const values = [["月份", "GMV", "用户规模", "访客数", "支付买家数"], ...months];
  return readMonthlyGrid({ sheet: "月度", values }).table;
}

/** 2024-01..2025-09; users 1000 at the end of 2024, 1600 in September 2025; buyers 50 of 1000 visitors (5%) in 2025. */
function sampleTable(from2024 = 1) {
  const rows: Array<[string, number, number, number, number]> = [];
  GMV_2024.forEach((g, i) => {
    if (i + 1 >= from2024) rows.push([`2024-${String(i + 1).padStart(2, "0")}`, g, 1000 - (11 - i) * 10, 1000, 40]);
  });
  GMV_2025.forEach((g, i) => rows.push([`2025-${String(i + 1).padStart(2, "0")}`, g, 1000 + (i + 1) * (600 / 9), 1000, 50]));
  return table(rows);
}

function targets(header: string, rows: Array<[string, number]>) {
  return readTargetsGrid({ sheet: "目标", values: [["指标", header], ...rows] }).targets;
}

const JAN_SEP_2025 = { from: makeMonth(2025, 1), to: makeMonth(2025, 9) };

function metric(card: Scorecard, key: string): MetricResult {
  const found = card.metrics.find((m) => m.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
}

describe("an annual target, January–September reviewed", () => {
  const card = computeScorecard(sampleTable(), targets("2025目标", [["GMV", 200], ["用户规模", 2000], ["转化率", 0.04]]), { period: JAN_SEP_2025 });

  test("GMV (adds up): target to date = 200 × 90/150 = 120, seasonal; 108 against it is 90%, close", () => {
    const gmv = metric(card, "gmv");
    expect(gmv.actual).toBe(108);
    expect(gmv.targetFullPeriod).toBe(200);
    expect(gmv.targetBasis).toBe("seasonal");
    expect(gmv.target).toBeCloseTo(120, 9);
    expect(gmv.attainment).toBeCloseTo(0.9, 9);
    expect(gmv.deltaTarget).toBeCloseTo(-12, 9);
    expect(gmv.status).toBe("amber");
  });

  test("GMV's progress: 75% of the time, 54% of the year's target, forecast 108/0.6 = 180, 92/3 a month still needed", () => {
    const p = metric(card, "gmv").targetProgress!;
    expect(p.timeProgress).toBe(0.75);
    expect(p.monthsLeft).toBe(3);
    expect(p.toDate).toBe(108);
    expect(p.completion).toBeCloseTo(0.54, 12);
    expect(p.forecast).toBeCloseTo(180, 9);
    expect(p.requiredRunRate).toBeCloseTo(92 / 3, 9);
  });

  test("users (a stock) is not pro-rated: 1600 against the year-end 2000 is 80%; 60% of the way from 1000; 400/3 a month", () => {
    const users = metric(card, "users");
    expect(users.actual).toBeCloseTo(1600, 9);
    expect(users.target).toBe(2000);
    expect(users.targetBasis).toBe("as given");
    expect(users.attainment).toBeCloseTo(0.8, 9);
    const p = users.targetProgress!;
    expect(p.startValue).toBe(1000);
    expect(p.completion).toBeCloseTo(0.6, 9);
    expect(p.requiredRunRate).toBeCloseTo(400 / 3, 9);
    expect(p.forecast).toBeNull();
  });

  test("conversion (a rate) takes its target as given: 5% against 4% is 125%", () => {
    const conversion = metric(card, "conversion");
    expect(conversion.actual).toBeCloseTo(0.05, 12);
    expect(conversion.target).toBe(0.04);
    expect(conversion.targetBasis).toBe("as given");
    expect(conversion.attainment).toBeCloseTo(1.25, 9);
  });

  test("the notes say which basis each metric used", () => {
    const codes = card.warnings.map((w) => [w.code, w.params.metrics]);
    expect(codes).toEqual(expect.arrayContaining([["targetSeasonal", "GMV"], ["targetStock", "用户规模"], ["targetRateAsGiven", "转化率"]]));
  });
});

test("linear where last year is incomplete: data from 2024-03, so 200 × 9/12 = 150; 108 is 72%; forecast 108/9×12 = 144", () => {
  const card = computeScorecard(sampleTable(3), targets("全年目标", [["GMV", 200]]), { period: JAN_SEP_2025 });
  const gmv = metric(card, "gmv");
  expect(gmv.targetBasis).toBe("linear");
  expect(gmv.target).toBe(150);
  expect(gmv.attainment).toBeCloseTo(0.72, 12);
  expect(gmv.status).toBe("red");
  expect(gmv.targetProgress!.forecast).toBeCloseTo(144, 9);
  expect(card.warnings.map((w) => w.code)).toContain("targetLinear");
});

test("a plain 目标 is the target of the reviewed period, as before: 108 against 200 is 54%", () => {
  const gmv = metric(computeScorecard(sampleTable(), targets("目标", [["GMV", 200]]), { period: JAN_SEP_2025 }), "gmv");
  expect([gmv.target, gmv.targetFullPeriod, gmv.targetBasis, gmv.targetProgress]).toEqual([200, 200, "as given", null]);
  expect(gmv.attainment).toBeCloseTo(0.54, 12);
});

test("a plain 目标 used for part of a year says how it was taken and how to mark an annual target", () => {
  const card = computeScorecard(sampleTable(), targets("目标", [["GMV", 200], ["转化率", 0.04]]), { period: JAN_SEP_2025 });
  const notes = card.warnings.filter((w) => w.code === "targetForReviewedMonths");
  expect(notes).toHaveLength(1);
  expect(notes[0].params).toMatchObject({ header: "目标", period: "2025-01..2025-09", months: 9, year: 2025, metrics: "GMV、转化率" });
  const zh = formatIssue(notes[0], "zh");
  const en = formatIssue(notes[0], "en");
  for (const text of [zh, en]) for (const part of ['"目标"', "2025-01..2025-09", '"2025目标"', '"全年目标"']) expect(text).toContain(part);
});

test("no such note where the plain 目标 meets a whole calendar year, an annual header or monthly targets", () => {
  const codes = (card: Scorecard) => card.warnings.map((w) => w.code);
  const fullYear = { from: makeMonth(2024, 1), to: makeMonth(2024, 12) };
  expect(codes(computeScorecard(sampleTable(), targets("目标", [["GMV", 200]]), { period: fullYear }))).not.toContain("targetForReviewedMonths");
  expect(codes(computeScorecard(sampleTable(), targets("2025目标", [["GMV", 200]]), { period: JAN_SEP_2025 }))).not.toContain("targetForReviewedMonths");
  const months = Array.from({ length: 9 }, (_, i) => `2025-0${i + 1}`);
  const monthly = readTargetsGrid({ sheet: "目标", values: [["指标", ...months], ["GMV", ...months.map(() => 12)]] }).targets;
  expect(codes(computeScorecard(sampleTable(), monthly, { period: JAN_SEP_2025 }))).not.toContain("targetForReviewedMonths");
});

test("a target for another year does not apply: n.a. with a note naming the cell", () => {
  const card = computeScorecard(sampleTable(), targets("2026目标", [["GMV", 200]]), { period: JAN_SEP_2025 });
  const gmv = metric(card, "gmv");
  expect([gmv.target, gmv.attainment, gmv.status]).toEqual([null, null, null]);
  expect(card.warnings.find((w) => w.code === "targetPeriodMismatch")).toMatchObject({ address: "目标!A2", params: { target: "2026-01..2026-12" } });
});

test("monthly targets add up over the period; the full year is the sum of all twelve", () => {
  const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`);
  const monthly = readTargetsGrid({ sheet: "目标", values: [["指标", ...months], ["GMV", ...months.map((_, i) => 10 + i)]] }).targets;
  const gmv = metric(computeScorecard(sampleTable(), monthly, { period: JAN_SEP_2025 }), "gmv");
  // 10 + 11 + … + 18 = 126; 10 + … + 21 = 186
  expect([gmv.target, gmv.targetFullPeriod, gmv.targetBasis]).toEqual([126, 186, "as given"]);
  expect(gmv.attainment).toBeCloseTo(108 / 126, 12);
});

describe("properties", () => {
  const weights = fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 12, maxLength: 12 }).filter((w) => w.some((x) => x > 0));

  test("reviewing the whole target year compares with the full target", () => {
    fc.assert(
      fc.property(weights, fc.integer({ min: 1, max: 1e12 }), (py, full) => {
        const rows: Array<[string, number, number, number, number]> = [];
        py.forEach((g, i) => rows.push([`2024-${String(i + 1).padStart(2, "0")}`, g, 1, 1, 1]));
        py.forEach((g, i) => rows.push([`2025-${String(i + 1).padStart(2, "0")}`, g + 1, 1, 1, 1]));
        const card = computeScorecard(table(rows), targets("2025目标", [["GMV", full]]), { period: { from: makeMonth(2025, 1), to: makeMonth(2025, 12) } });
        const gmv = metric(card, "gmv");
        expect([gmv.target, gmv.targetFullPeriod, gmv.targetBasis, gmv.targetProgress]).toEqual([full, full, "as given", null]);
      }),
      { numRuns: 40 },
    );
  });

  test("the seasonal targets to date of the twelve single months add up to the full target", () => {
    fc.assert(
      fc.property(weights, fc.integer({ min: 1, max: 1e12 }), (py, full) => {
        const parts = py.map((w) => proRatedTarget(full, w, py, 1));
        expect(parts.every((p) => p.basis === "seasonal")).toBe(true);
        expect(parts.reduce((s, p) => s + p.value, 0)).toBeCloseTo(full, 0);
      }),
    );
  });
});
