/**
 * The review workbook's target blocks on the platform sample: the January–September review against the
 * annual target (scorecard with the full-year target beside the target to date, time progress, forecast,
 * run-rate; the trend's PL from the full-year target), and next period's targets by kind of metric through
 * the command line. Figures are worked out by hand from the sample CSV in this file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { plainCsv, runCli, SHARED_DATA } from "./helpers/cli";
import { computeReviewInputs, type ReviewCliOptions } from "../src/cli/reviewInputs";
import { buildReview, type ReviewModel } from "../src/engine/review/reviewModel";
import { reviewWorkbook } from "../src/engine/review/reviewSheets";
import type { SheetSpec } from "../src/engine/review/workbookSpec";
import { InputError } from "../src/i18n/issues";

const MONTHLY = join(SHARED_DATA, "platform-2025", "monthly.csv");
const TARGETS = join(SHARED_DATA, "platform-2025", "targets.csv");
const rows = plainCsv(readFileSync(MONTHLY, "utf8"));
const sumOf = (column: string, year: string, from: number, to: number) =>
  rows.filter((r) => r["月份"].startsWith(year) && Number(r["月份"].slice(5)) >= from && Number(r["月份"].slice(5)) <= to).reduce((s, r) => s + Number(r[column]), 0);
const monthOf = (column: string, month: string) => Number(rows.find((r) => r["月份"] === month)![column]);

async function review(options: Partial<ReviewCliOptions>): Promise<ReviewModel> {
  const { input } = await computeReviewInputs(MONTHLY, { targets: TARGETS, lang: "zh", output: "", generatedAt: "2025-10-08T09:00:00Z", ...options });
  return buildReview(input);
}

/** The cells of a sheet's row whose first cell reads `label`. */
function rowOf(sheet: SheetSpec, label: string) {
  const row = sheet.cells.find((c) => c.col === 0 && c.value === label)?.row;
  if (row === undefined) throw new Error(`no row ${label} in ${sheet.name}`);
  return (col: number) => sheet.cells.find((c) => c.row === row && c.col === col);
}
const numberIn = (cell: ReturnType<ReturnType<typeof rowOf>>) => (cell?.formula !== undefined ? cell.expected : cell?.value) as number;

describe("January–September 2025 against the 2025 targets", () => {
  let model: ReviewModel;
  let sheets: SheetSpec[];
  const pyJanSep = sumOf("GMV(元)", "2024", 1, 9);
  const pyYear = sumOf("GMV(元)", "2024", 1, 12);
  const acJanSep = sumOf("GMV(元)", "2025", 1, 9);
  beforeAll(async () => {
    model = await review({ from: "2025-01", to: "2025-09" });
    sheets = reviewWorkbook(model).sheets;
  });

  test("the scorecard's header puts the full-year target beside the target to date, and progress after the status", () => {
    const header = sheets[0].cells.filter((c) => c.row === 4).sort((a, b) => a.col - b.col).map((c) => c.value);
    expect(header).toEqual(["指标", "单位", "全年目标", "目标至今(PL)", "实际(AC)", "达成率", "ΔPL", "同期(PY)", "同比", "同比(pp)", "状态", "全年完成", "时间进度", "全年预测", "剩余月均需", "目标口径"]);
  });

  test("GMV: 25亿 for the year, 17.15亿 to date, 114.2% 达成; 78.4% of the year done at 75% of the time", () => {
    const gmv = rowOf(sheets[0], "GMV");
    expect(gmv(2)?.value).toBe(2500000000);
    expect(numberIn(gmv(3)) / 1e8).toBeCloseTo(17.15, 2);
    expect(numberIn(gmv(3))).toBeCloseTo((2500000000 * pyJanSep) / pyYear, 3);
    expect(numberIn(gmv(5))).toBeCloseTo(1.142, 3);
    expect(gmv(10)?.expected).toBe("达成");
    expect(gmv(11)?.formula).toBe("IF(AND(ISNUMBER(E6),C6<>0),E6/C6,\"n.a.\")");
    expect(numberIn(gmv(11))).toBeCloseTo(acJanSep / 2500000000, 12); // 78.4%
    expect(gmv(12)?.value).toBe(0.75);
    expect(gmv(15)?.value).toBe("季节折算");
  });

  test("GMV's seasonal forecast 19.59亿 / (14.53亿 / 21.19亿) = 28.56亿, and (25亿 − 19.59亿) / 3 = 1.80亿 a month still needed", () => {
    const gmv = rowOf(sheets[0], "GMV");
    const forecast = acJanSep / (pyJanSep / pyYear);
    expect(forecast / 1e8).toBeCloseTo(28.56, 2);
    expect(gmv(13)?.formula).toBe("IF(AND(ISNUMBER(E6),D6<>0),E6*C6/D6,\"n.a.\")");
    expect(numberIn(gmv(13))).toBeCloseTo(forecast, 3);
    expect(gmv(14)?.formula).toBe("IF(ISNUMBER(E6),(C6-E6)/3,\"n.a.\")");
    expect(numberIn(gmv(14))).toBeCloseTo((2500000000 - acJanSep) / 3, 6);
  });

  test("用户规模 is compared with its year-end 1150万 as it is; progress from 845万 at the start of the year", () => {
    const users = rowOf(sheets[0], "用户规模");
    expect([users(2)?.value, users(3)?.value, users(15)?.value]).toEqual([11500000, 11500000, "原值"]);
    const start = monthOf("用户规模", "2024-12");
    const latest = monthOf("用户规模", "2025-09");
    expect(numberIn(users(11))).toBeCloseTo((latest - start) / (11500000 - start), 12);
    expect(numberIn(users(14))).toBeCloseTo((11500000 - latest) / 3, 6);
    expect(users(13)).toBeUndefined(); // no forecast for a stock
  });

  test("a rate shows its target as given and only the time progress", () => {
    const conversion = rowOf(sheets[0], "转化率");
    expect([conversion(2)?.value, conversion(3)?.value, conversion(12)?.value, conversion(15)?.value]).toEqual([0.05, 0.05, 0.75, "原值"]);
    expect([conversion(11), conversion(13), conversion(14)]).toEqual([undefined, undefined, undefined]);
  });

  test("the sheet says how the targets were brought to the period", () => {
    const notes = sheets[0].cells.filter((c) => c.style === "note").map((c) => String(c.value));
    expect(notes.some((n) => n.startsWith("GMV、广告花费: 目标为 2025-01..2025-12 的全年目标") && n.includes("季节性"))).toBe(true);
    expect(notes.some((n) => n.startsWith("目标至今："))).toBe(true);
  });

  test("the highlight for GMV cites the target to date and the full year", () => {
    const texts = sheets[0].cells.filter((c) => c.style === "insightGood").map((c) => String(c.value));
    expect(texts[0]).toBe("✓ GMV达成率 114.2%，超出目标进度：实际 19.59亿，目标至今 17.15亿（全年目标 25亿，已完成 78.4%，时间进度 75.0%）。");
  });

  test("the trend's PL is the full-year 25亿 split over 2024's twelve months; the nine months shown add to about 17.15亿", () => {
    const trend = model.trend!;
    expect(trend.planSource).toBe("yearSplit");
    expect(trend.planFull).toBe(2500000000);
    // January: 25亿 × 2024-01 / 2024 = 25亿 × 152,533,333 / 2,118,518,519, within one 元 of rounding.
    expect(Math.abs(trend.plan![0] - (2500000000 * monthOf("GMV(元)", "2024-01")) / pyYear)).toBeLessThan(1);
    const shown = trend.plan!.reduce((s, v) => s + v, 0);
    expect(Math.abs(shown - (2500000000 * pyJanSep) / pyYear)).toBeLessThan(9);
  });

  test("the trend sheet's cumulative attainment divides by the full-year target written below the total: 78.4% in September against 75%", () => {
    const trend = sheets.find((s) => s.name === "月度趋势")!;
    const full = rowOf(trend, "全年目标");
    expect(full(2)?.value).toBe(2500000000);
    const september = rowOf(trend, "2025-09");
    expect(september(8)?.formula).toBe(`IF($C$${full(2)!.row + 1}=0,"n.a.",G${september(0)!.row + 1}/$C$${full(2)!.row + 1})`);
    expect(numberIn(september(8))).toBeCloseTo(acJanSep / 2500000000, 12);
    expect(september(9)?.value).toBe(0.75);
  });
});

test("the full-year review keeps its layout: no progress columns, PL as given", async () => {
  const sheets = reviewWorkbook(await review({})).sheets;
  const header = sheets[0].cells.filter((c) => c.row === 4).map((c) => c.value);
  expect(header).toHaveLength(10);
  expect(rowOf(sheets[0], "GMV")(2)?.value).toBe(2500000000);
});

describe("next period's targets", () => {
  const split = async (options: Partial<ReviewCliOptions>) => (await review(options)).targetSplit!;

  test("the demo's 33亿 (+15.4% on 28.6亿) in whole 万 by 2025's months, adding up exactly", async () => {
    const s = await split({ nextTarget: "33亿", nextUnit: "10000" });
    expect(s.kind).toBe("additive");
    expect(s.method).toBe("seasonal");
    expect(s.values.reduce((a, v) => a + v, 0)).toBe(3300000000);
    expect(s.values.every((v) => v % 10000 === 0)).toBe(true);
    // November 2025 was 4.004亿 of 28.6亿: 33亿 × 4.004 / 28.6 = 4.62亿.
    expect(Math.abs(s.values[10] - 462000000)).toBeLessThanOrEqual(10000);
    expect(s.target / sumOf("GMV(元)", "2025", 1, 12) - 1).toBeCloseTo(0.1538, 4);
  });

  test("a target that is not a whole number of units: 32.155亿 in 100万 → 3215 whole 百万 split, the 50万 on November (the largest month)", async () => {
    const s = await split({ nextTarget: "32.155亿", nextUnit: "100万" });
    expect(s.remainder).toBe(500000);
    expect(s.months[s.remainderIndex]).toBe(s.months[10]);
    expect(s.values.reduce((a, v) => a + v, 0)).toBe(3215500000);
    s.values.forEach((v, i) => expect((i === 10 ? v - 500000 : v) % 1000000).toBe(0));
    const sheet = reviewWorkbook(await review({ nextTarget: "32.155亿", nextUnit: "100万" })).sheets.find((x) => x.name === "目标分解")!;
    expect(sheet.cells.some((c) => String(c.value).includes("余下的 50万 计入 2026-11"))).toBe(true);
  });

  test("a stock (用户规模 1400万 at the end of 2026): a path from 1200万 in equal 2025 net adds, ending on the target", async () => {
    const s = await split({ nextTarget: "1400万", nextMetric: "用户规模", nextUnit: "1万" });
    expect(s.kind).toBe("stock");
    expect(s.values[11]).toBe(14000000);
    // 2025 added 295,833 or so each month: 200万 in 200 units of 1万 over 12 equal weights → 17,17,…,16 万.
    const steps = s.values.map((v, i) => v - (i === 0 ? 12000000 : s.values[i - 1]));
    expect(steps.every((d) => d === 170000 || d === 160000)).toBe(true);
    expect(steps.reduce((a, d) => a + d, 0)).toBe(2000000);
  });

  test("a rate (转化率 5.5%): the same target each month", async () => {
    const s = await split({ nextTarget: "5.5%", nextMetric: "转化率" });
    expect(s.kind).toBe("rate");
    expect(s.values).toEqual(new Array(12).fill(0.055));
  });

  test("the split sheet uses the review's 亿 like the trend sheet", async () => {
    const sheets = reviewWorkbook(await review({ nextTarget: "33亿", nextUnit: "10000" })).sheets;
    const formatOf = (sheet: SheetSpec, label: string, col: number) => rowOf(sheet, label)(col)?.format;
    const trendFormat = formatOf(sheets.find((x) => x.name === "月度趋势")!, "2025-01", 1);
    const split = sheets.find((x) => x.name === "目标分解")!;
    expect(trendFormat).toContain("亿");
    expect(formatOf(split, "2026-01", 1)).toBe(trendFormat);
    expect(formatOf(split, "2026-01", 3)).toBe(trendFormat);
  });

  test("--next-metric naming a metric not in the data is an error that lists the metrics there", async () => {
    await expect(review({ nextTarget: "33亿", nextMetric: "退款率" })).rejects.toThrow(InputError);
    const result = await runCli(["review", MONTHLY, "--targets", TARGETS, "--next-target", "33亿", "--next-metric", "退款率", "-o", "/tmp/never-written.xlsx"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^--next-metric 退款率: 月度数据中没有这个指标；可用的指标：GMV、订单数、访客数.*用户规模/);
    expect(result.stderr).not.toMatch(/\bat \w+ \(/); // no stack trace
    const en = await runCli(["review", MONTHLY, "--next-target", "33亿", "--next-metric", "Refund rate", "-o", "/tmp/never-written.xlsx", "--lang", "en"]);
    expect(en.stderr).toMatch(/^--next-metric Refund rate: the monthly data has no such metric; available: GMV, Orders, Visitors/);
  });
});

test("--next-target, --next-unit: amounts as analysts write them; bad ones are usage errors (exit 2), never a crash", async () => {
  const { nextTargetOption } = await import("../src/cli/options");
  expect(nextTargetOption("33亿", undefined, "1万")).toEqual({ value: 3300000000, metric: "gmv", unit: 10000, name: "GMV" });
  expect(nextTargetOption("5.5%", "转化率", undefined)).toEqual({ value: 0.055, metric: "conversion", unit: 1, name: "转化率" });
  expect(() => nextTargetOption("lots", undefined, undefined)).toThrow(/--next-target lots: expected an amount/);
  expect(() => nextTargetOption("33亿", undefined, "0")).toThrow(/--next-unit 0: expected a positive number/);
  expect(() => nextTargetOption(undefined, "GMV", undefined)).toThrow(/go with --next-target/);
  const result = await runCli(["review", MONTHLY, "--next-target", "33亿", "--next-unit", "-5", "-o", "/tmp/never-written.xlsx"]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^kpi-review: --next-unit -5: expected a positive number/);
});

const acJanSep2025 = sumOf("GMV(元)", "2025", 1, 9);

test("a plain 目标 column on a January–September review: the scorecard says it was taken for those nine months and how to mark an annual target", async () => {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const plain = join(mkdtempSync(join(tmpdir(), "plain-target-")), "targets.csv");
  writeFileSync(plain, "指标,目标\nGMV,2000000000\n");
  const model = await review({ from: "2025-01", to: "2025-09", targets: plain });
  const gmv = model.scorecard.metrics.find((m) => m.key === "gmv")!;
  expect([gmv.target, gmv.targetBasis, gmv.targetProgress]).toEqual([2000000000, "as given", null]);
  const texts = reviewWorkbook(model).sheets[0].cells.map((c) => String(c.value ?? ""));
  const note = texts.find((t) => t.includes('目标列 "目标"'));
  expect(note).toContain("2025-01..2025-09");
  expect(note).toContain('"2025目标"');
  expect(note).toContain('"全年目标"');
  // The trend runs against that nine-month target: time progress 1/9 in January, 9/9 in September, beside
  // cumulative attainment = AC Jan–Sep / 20亿.
  const trend = reviewWorkbook(model).sheets.find((x) => x.name === "月度趋势")!;
  expect(numberIn(rowOf(trend, "2025-01")(9))).toBeCloseTo(1 / 9, 12);
  expect(numberIn(rowOf(trend, "2025-09")(9))).toBeCloseTo(1, 12);
  expect(numberIn(rowOf(trend, "2025-09")(8))).toBeCloseTo(acJanSep2025 / 2000000000, 9);
});

test("a July–September review against the 2025 targets: the trend's time progress counts the months it sums (3/12 in September), beside Jul–Sep's share of 25亿", async () => {
  const model = await review({ from: "2025-07", to: "2025-09" });
  const trend = reviewWorkbook(model).sheets.find((x) => x.name === "月度趋势")!;
  expect(numberIn(rowOf(trend, "2025-07")(9))).toBeCloseTo(1 / 12, 12);
  expect(numberIn(rowOf(trend, "2025-09")(9))).toBeCloseTo(3 / 12, 12);
  expect(numberIn(rowOf(trend, "2025-09")(8))).toBeCloseTo(sumOf("GMV(元)", "2025", 7, 9) / 2500000000, 9);
});
