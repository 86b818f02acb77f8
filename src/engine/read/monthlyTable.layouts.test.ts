/**
 * Sheets as analysts keep them (domain.md, "Columns that are not plain metrics" and "Cells as analysts type
 * them"): unknown columns with their inferred rules, percent numbers, daily rows, a dimension column, year
 * totals, the new month forms, quarterly data refused. Expected numbers are worked out by hand in comments.
 */
import { readMonthlyGrid } from "./monthlyTable";
import { describeColumns } from "./columnRules";
import { formatMonth, makeMonth, readMonth, isQuarterLabel } from "./month";
import { InputError } from "../../i18n/issues";
import type { Grid } from "./grid";

function errorsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => [i.code, i.address]);
    throw error;
  }
  throw new Error("expected an InputError");
}


describe("month forms", () => {
  test.each<[unknown, string]>([
    ["24年1月", "2024-01"],
    ["2025年1月份", "2025-01"],
    ["Jan-24", "2024-01"],
    [2024.01, "2024-01"],
    [2024.1, "2024-10"],
    [2024.12, "2024-12"],
    ["45658", "2025-01"],
  ])("%p is %s", (cell, month) => expect(formatMonth(readMonth(cell)!)).toBe(month));

  test("quarters are recognised so they can be refused", () => {
    for (const q of ["2025Q1", "2025年第1季度", "Q3 2025", "2025年一季度", "2025-Q4"]) expect(isQuarterLabel(q)).toBe(true);
    for (const q of ["2025-01", "合计", "Q"]) expect(isQuarterLabel(q)).toBe(false);
    const quarterly: Grid = { sheet: "季度", values: [["季度", "GMV"], ["2025Q1", 100], ["2025Q2", 200]] };
    expect(errorsOf(() => readMonthlyGrid(quarterly))).toEqual([
      ["quarterlyData", "季度!A2"],
      ["quarterlyData", "季度!A3"],
    ]);
  });
});

describe("unknown columns: rules from the name, always stated", () => {
  const sheet: Grid = {
    sheet: "月度",
    values: [
      ["月份", "GMV", "DSR评分", "库存量", "投诉量", "加购率", "平均停留时长", "店铺收藏数", "ROI倍数"],
      ["2025-01", 1000, 4.8, 500, 3, "8%", 30, 10, 2],
      ["2025-02", 2000, 4.7, 400, 5, "10%", 40, 20, 3],
      ["2025-03", 3000, 4.9, 300, 4, "12%", 50, 30, 4],
    ],
  };

  test("each column's aggregation, direction and who decided", () => {
    const { table, warnings } = readMonthlyGrid(sheet);
    const described = Object.fromEntries(describeColumns(table).map((d) => [d.header, [d.aggregation, d.direction, d.decidedBy]]));
    expect(described).toEqual({
      GMV: ["sum", "higher", "catalog"],
      DSR评分: ["mean", "higher", "name rule"], // 评分: an average
      库存量: ["last", "higher", "name rule"], // 库存: a stock
      投诉量: ["sum", "lower", "name rule"], // 投诉: a loss, lower is better
      加购率: ["mean", "higher", "name rule"], // a rate without parts
      平均停留时长: ["mean", "higher", "name rule"],
      店铺收藏数: ["sum", "higher", "name rule"],
      ROI倍数: ["mean", "higher", "name rule"],
    });
    // Every inferred rule is said, at the header's cell.
    expect(warnings.filter((w) => w.code === "inferredRule").map((w) => w.address)).toEqual(["月度!C1", "月度!D1", "月度!E1", "月度!F1", "月度!G1", "月度!H1", "月度!I1"]);
  });

  test("overrides change meaning, rule, direction and scale, and say so", () => {
    const { table } = readMonthlyGrid(sheet, {
      overrides: { 投诉量: { direction: "higher" }, 店铺收藏数: { aggregation: "last", scale: 10 }, DSR评分: "ignore" },
    });
    const described = describeColumns(table);
    expect(described.find((d) => d.header === "投诉量")).toMatchObject({ direction: "higher", decidedBy: "override" });
    expect(described.find((d) => d.header === "店铺收藏数")).toMatchObject({ aggregation: "last", scale: 10, decidedBy: "override" });
    expect(table.columns.find((c) => c.header === "店铺收藏数")!.values).toEqual([100, 200, 300]);
    expect(described.find((d) => d.header === "DSR评分")).toBeUndefined();
  });
});

describe("percent numbers", () => {
  test("a bounded rate typed as 5.2 is 5.2%, and the reader says so", () => {
    const grid: Grid = { sheet: "S", values: [["月份", "转化率", "复购率(%)"], ["2025-01", 5.2, 30], ["2025-02", 4.8, 40]] };
    const { table, warnings } = readMonthlyGrid(grid);
    expect(table.columns[0].values).toEqual([0.052, 0.048]);
    expect(table.columns[1].values).toEqual([0.3, 0.4]);
    expect(warnings.map((w) => [w.code, w.address])).toEqual([["percentNumbers", "S!B1"]]); // (%) in the header needs no inference
    expect(describeColumns(table)[0]).toMatchObject({ percentNumbers: true, scale: 0.01 });
  });

  test("a rate above 100% that cannot be one is an error at its cell", () => {
    const mixed: Grid = { sheet: "S", values: [["月份", "转化率", "退款率"], ["2025-01", 0.05, "3%"], ["2025-02", 5.2, "120%"]] };
    expect(errorsOf(() => readMonthlyGrid(mixed))).toEqual([
      ["rateAbove100", "S!B3"],
      ["rateAbove100", "S!C3"],
    ]);
  });
});

describe("daily rows", () => {
  // January 2025 complete (31 days), February with days 1..27 only (28 in 2025).
  const rows: unknown[][] = [["统计日期", "GMV", "粉丝数", "DSR评分"]];
  for (let d = 1; d <= 31; d++) rows.push([`2025-01-${String(d).padStart(2, "0")}`, 10, 1000 + d, d <= 15 ? 4.0 : 5.0]);
  for (let d = 1; d <= 27; d++) rows.push([`2025/2/${d}`, 20, 2000 + d, 4.5]);
  const grid: Grid = { sheet: "日报", values: rows };

  test("combined by each column's rule: sum, a stock's last day, a mean of days; missing days named", () => {
    const { table, warnings } = readMonthlyGrid(grid);
    expect(table.months.map(formatMonth)).toEqual(["2025-01", "2025-02"]);
    expect(table.columns[0].values).toEqual([310, 540]); // 31 × 10; 27 × 20
    expect(table.columns[1].values).toEqual([1031, 2027]); // the last day of each month
    // (15 × 4.0 + 16 × 5.0) / 31 = 140 / 31; February 4.5
    expect(table.columns[2].values[0]).toBeCloseTo(140 / 31, 12);
    expect(table.columns[2].values[1]).toBeCloseTo(4.5, 12);
    expect(table.daily).toEqual({ incompleteMonths: [makeMonth(2025, 2)] });
    expect(warnings.find((w) => w.code === "dailyRows")!.params).toEqual({ days: 58, months: 2 });
    expect(warnings.find((w) => w.code === "incompleteDays")!.params).toEqual({ months: "2025-02" });
  });

  test("compact dates (20250101, as text in a CSV or a number in xlsx) are days of a daily export", () => {
    // December 2024 complete (31 days) as text, January 2025 days 1..30 as numbers; 100 a day, 用户规模 1000 + day.
    const compact: unknown[][] = [["统计日期", "GMV", "用户规模"]];
    for (let d = 1; d <= 31; d++) compact.push([`202412${String(d).padStart(2, "0")}`, 100, 1000 + d]);
    for (let d = 1; d <= 30; d++) compact.push([20250100 + d, 100, 1000 + d]);
    const { table, warnings } = readMonthlyGrid({ sheet: "日报", values: compact });
    expect(table.months.map(formatMonth)).toEqual(["2024-12", "2025-01"]);
    expect(table.columns[0].values).toEqual([3100, 3000]); // 31 × 100; 30 × 100
    expect(table.columns[1].values).toEqual([1031, 1030]); // the last day given
    expect(warnings.find((w) => w.code === "incompleteDays")!.params).toEqual({ months: "2025-01" });
  });

  test("a monthly sheet of dates with one month repeated stays monthly: the repeat is an error", () => {
    const monthly: Grid = { sheet: "M", values: [["日期", "GMV"], ["2025-01-01", 1], ["2025-01-31", 1], ["2025-02-01", 1], ["2025-03-01", 1]] };
    expect(errorsOf(() => readMonthlyGrid(monthly))).toEqual([["duplicateMonth", "M!A3"]]);
  });

  test("many repeated months end with a hint on what the rows may be", () => {
    const rows: unknown[][] = [["月份", "GMV"]];
    for (let k = 0; k < 4; k++) rows.push(["2025-01", k]);
    const codes = errorsOf(() => readMonthlyGrid({ sheet: "R", values: rows })).map(([code]) => code);
    expect(codes).toEqual(["duplicateMonth", "duplicateMonth", "duplicateMonth", "duplicateMonthsHint"]);
  });

  test("the same day twice is an error naming both rows", () => {
    const twice: Grid = { sheet: "日报", values: [["统计日期", "GMV"], ["2025-01-01", 1], ["2025-01-02", 1], ["2025-01-02", 1]] };
    expect(errorsOf(() => readMonthlyGrid(twice))).toEqual([["duplicateMonth", "日报!A4"]]);
  });
});

describe("a dimension column", () => {
  // The month only on the first row of its group, as analysts merge or leave it blank.
  const grid: Grid = {
    sheet: "渠道",
    values: [
      ["月份", "渠道", "GMV", "访客数", "支付买家数", "粉丝数", "DSR评分"],
      ["2024-01", "天猫", 600, 6000, 60, 100, 4.6],
      ["", "京东", 400, 5000, 40, 50, 4.8],
      ["2025-01", "天猫", 900, 8000, 90, 120, 4.7],
      ["", "京东", 300, 4000, 30, 60, 4.9],
      ["", "抖音", 300, 3000, 15, 20, 4.5],
    ],
  };

  test("monthly totals by each rule, the breakdown kept per member", () => {
    const { table, warnings } = readMonthlyGrid(grid);
    expect(table.months.map(formatMonth)).toEqual(["2024-01", "2025-01"]);
    const col = (h: string) => table.columns.find((c) => c.header === h)!.values;
    expect(col("GMV")).toEqual([1000, 1500]);
    expect(col("粉丝数")).toEqual([150, 200]); // stocks of members add up
    expect(col("DSR评分")[1]).toBeCloseTo((4.7 + 4.9 + 4.5) / 3, 12); // means average
    expect(table.breakdown!.dimension).toBe("渠道");
    expect(table.breakdown!.kind).toBe("channel");
    expect(table.breakdown!.members.map((m) => m.name)).toEqual(["天猫", "京东", "抖音"]);
    const douyin = table.breakdown!.members[2].table;
    expect(douyin.columns.find((c) => c.header === "GMV")!.values).toEqual([null, 300]);
    expect(warnings.map((w) => w.code)).toContain("dimensionRows");
  });

  test("a member 合计 row per month is checked against the members, not added", () => {
    const withTotals: Grid = {
      sheet: "渠道",
      values: [["月份", "渠道", "GMV"], ["2025-01", "天猫", 600], ["", "京东", 400], ["", "合计", 1000], ["2025-02", "天猫", 500], ["", "京东", 300], ["", "合计", 900]],
    };
    const { table, warnings } = readMonthlyGrid(withTotals);
    expect(table.columns[0].values).toEqual([1000, 800]);
    expect(table.breakdown!.members.map((m) => m.name)).toEqual(["天猫", "京东"]);
    // February: 500 + 300 = 800, the row says 900.
    expect(warnings.filter((w) => w.code === "totalMismatch").map((w) => [w.address, w.params.sum])).toEqual([["渠道!C7", "800"]]);
  });

  test("a text column under another name is a dimension when months repeat (text beside the month, several rows a month)", () => {
    const other: Grid = { sheet: "P", values: [["月份", "产品线", "GMV"], ["2025-01", "A线", 10], ["2025-01", "B线", 20], ["2025-02", "A线", 30], ["2025-02", "B线", 40]] };
    const { table } = readMonthlyGrid(other);
    expect(table.columns[0].values).toEqual([30, 70]);
    expect([table.breakdown!.dimension, table.breakdown!.kind, table.breakdown!.members.map((m) => m.name)]).toEqual(["产品线", "other", ["A线", "B线"]]);
    // Months that do not repeat: a text column stays a note, left out and said so.
    const notes: Grid = { sheet: "P", values: [["月份", "备注", "GMV"], ["2025-01", "春节", 10], ["2025-02", "春节", 20]] };
    expect(readMonthlyGrid(notes).table.breakdown).toBeUndefined();
  });

  test("a row with figures but no member is an error at the member's cell", () => {
    const bad: Grid = { sheet: "渠道", values: [["月份", "品类", "GMV"], ["2025-01", "女装", 1], ["2025-02", "", 2]] };
    expect(errorsOf(() => readMonthlyGrid(bad))).toEqual([["missingMember", "渠道!B3"]]);
  });
});

describe("year totals", () => {
  test("rows `2024合计` and `2025年合计` are checked against their own year, not read as months", () => {
    const grid: Grid = {
      sheet: "Y",
      values: [["月份", "GMV"], ["2024-01", 10], ["2024-02", 20], ["2024合计", 30], ["2025-01", 15], ["2025-02", 25], ["2025年合计", 41]],
    };
    const { table, warnings } = readMonthlyGrid(grid);
    expect(table.months.length).toBe(4);
    // 2025: 15 + 25 = 40, the row says 41.
    expect(warnings.filter((w) => w.code !== "missingMonth").map((w) => [w.code, w.address, w.params.sum])).toEqual([["totalMismatch", "Y!B7", "40"]]);
  });

  test("a column `2024全年` in a wide table", () => {
    const grid: Grid = { sheet: "W", values: [["指标", "2024-01", "2024-02", "2024全年"], ["GMV", 10, 20, 31]] };
    const { warnings } = readMonthlyGrid(grid);
    expect(warnings.map((w) => [w.code, w.address])).toEqual([["totalMismatch", "W!D2"]]);
  });
});

describe("comparison and customer-type columns", () => {
  const grid: Grid = {
    sheet: "M",
    values: [
      ["月份", "全店GMV", "目标GMV", "去年GMV", "GMV同比", "新客GMV", "老客GMV", "腾讯广告花费"],
      ["2025-01", 100, 90, 80, "25%", 30, 70, 10],
      ["2025-02", 200, 200, 160, "25%", 60, 140, 10],
    ],
  };

  test("never metrics: PL, PY and checks go aside; customer types are splits; 全店GMV is GMV", () => {
    const { table, warnings } = readMonthlyGrid(grid);
    expect(table.columns.map((c) => c.meaning.kind)).toEqual(["metric", "segment", "segment", "channel"]);
    expect(table.columns[0].meaning).toEqual({ kind: "metric", key: "gmv" });
    expect(table.comparisons!.map((c) => [c.header, c.meaning.role, c.meaning.of])).toEqual([
      ["目标GMV", "target", "GMV"],
      ["去年GMV", "previous", "GMV"],
      ["GMV同比", "yoy", "GMV"],
    ]);
    // 去年GMV fills 2024-01 and 2024-02, which the data lacks.
    expect(table.months.map(formatMonth)).toEqual(["2024-01", "2024-02", "2025-01", "2025-02"]);
    expect(table.columns[0].values).toEqual([80, 160, 100, 200]);
    expect(warnings.find((w) => w.code === "previousFromColumn")!.params.months).toBe("2024-01, 2024-02");
  });

  test("where the data has last year's month, the data wins and a difference is said", () => {
    const both: Grid = { sheet: "M", values: [["月份", "GMV", "去年GMV"], ["2024-01", 80, null], ["2025-01", 100, 90]] };
    const { table, warnings } = readMonthlyGrid(both);
    expect(table.columns[0].values).toEqual([80, 100]);
    expect(warnings.filter((w) => w.code !== "missingMonth").map((w) => [w.code, w.address])).toEqual([["previousDiffers", "M!C3"]]);
  });
});

describe("a 单位 column in a wide sheet", () => {
  // GMV in 万元: 100 + 200 + 300 = 600万; 转化率 in %: 3.1% …; 订单数 in 单 (no scale); 停留时长 in 秒 (a unit
  // the reader does not scale: the name stays as written); a unit already in the name wins.
  const grid: Grid = {
    sheet: "宽表",
    values: [
      ["指标", "单位", "2025-01", "2025-02", "2025-03"],
      ["GMV", "万元", 100, 200, 300],
      ["订单数", "单", 10, 20, 30],
      ["转化率", "%", 3.1, 3.2, 3.3],
      ["平均停留时长", "秒", 30, 40, 50],
      ["广告花费(元)", "万元", 5, 6, 7],
    ],
  };

  test("scales each row like a unit in its name", () => {
    const { table, warnings } = readMonthlyGrid(grid);
    const byHeader = Object.fromEntries(table.columns.map((c) => [c.header, c.values]));
    expect(byHeader["GMV(万元)"]).toEqual([1000000, 2000000, 3000000]);
    expect(byHeader["订单数(单)"]).toEqual([10, 20, 30]);
    byHeader["转化率(%)"].forEach((v, i) => expect(v).toBeCloseTo([0.031, 0.032, 0.033][i], 12));
    expect(byHeader["平均停留时长"]).toEqual([30, 40, 50]);
    expect(byHeader["广告花费(元)"]).toEqual([5, 6, 7]);
    expect(warnings.map((w) => w.code)).not.toContain("percentNumbers"); // the unit said so; nothing inferred
  });
});
