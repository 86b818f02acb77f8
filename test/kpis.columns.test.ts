/**
 * What each column means, end to end (reader → scorecard): unknown columns with known answers, ratios from
 * their parts, costs scored lower-is-better, percent numbers and units in targets, comparison columns and
 * customer types. Every expected figure is worked out by hand in the comments.
 */
import { readMonthlyInputs } from "../src/engine/read/readInputs";
import { computeScorecard, type Scorecard } from "../src/engine/kpi/scorecard";
import { scorecardToJson } from "../src/engine/kpi/scorecardJson";
import { makeMonth } from "../src/engine/read/month";
import type { Grid } from "../src/engine/read/grid";
import { describeColumns } from "../src/engine/read/columnRules";

const jan = makeMonth(2025, 1);
const mar = makeMonth(2025, 3);
const metric = (card: Scorecard, key: string) => {
  const found = card.metrics.find((m) => m.key === key);
  if (!found) throw new Error(`no metric ${key}: ${card.metrics.map((m) => m.key).join(", ")}`);
  return found;
};

describe("unknown and new columns with known answers", () => {
  const monthly: Grid = {
    sheet: "月度",
    values: [
      ["月份", "GMV", "广告花费", "新客数", "广告展现量", "点击量", "粉丝数", "DSR评分", "新客成本", "CTR", "退款金额", "退款率", "库存量", "投诉量", "加购率"],
      ["2025-01", 1000, 100, 10, 10000, 300, "200万", 4.8, 10, "3%", 50, "5%", 500, 3, "8%"],
      ["2025-02", 2000, 300, 20, 20000, 700, "210万", 4.7, 15, "3.5%", 100, "5%", 400, 5, "10%"],
      ["2025-03", 3000, 600, 30, 30000, 1000, "215万", 4.9, 20, "3.33%", 210, "7%", 300, 4, "12%"],
    ],
  };
  const targets: Grid = { sheet: "目标", values: [["指标", "目标"], ["退款率", "5%"], ["新客成本", 20], ["投诉量", 10]] };
  const inputs = readMonthlyInputs(monthly, targets);
  const card = computeScorecard(inputs.table, inputs.targets, { period: { from: jan, to: mar } });

  test("stocks take the last month, averages the mean, ratios their parts' sums", () => {
    expect(metric(card, "followers").actual).toBe(2150000); // not 200万 + 210万 + 215万 = 625万
    expect(metric(card, "custom:DSR评分").actual).toBeCloseTo(4.8, 12); // (4.8 + 4.7 + 4.9) / 3, not 14.4
    expect(metric(card, "cac").actual).toBeCloseTo(1000 / 60, 12); // (100+300+600)/(10+20+30), not 10+15+20 = 45
    expect(metric(card, "ctr").actual).toBeCloseTo(2000 / 60000, 12); // 3.33%, not 3% + 3.5% + 3.33%
    expect(metric(card, "refundRate").actual).toBeCloseTo(360 / 6000, 12); // 6%
    expect(metric(card, "cpc").actual).toBeCloseTo(1000 / 2000, 12);
    expect(metric(card, "adRatio").actual).toBeCloseTo(1000 / 6000, 12);
    expect(metric(card, "custom:库存量").actual).toBe(300);
    expect(metric(card, "custom:投诉量").actual).toBe(12);
    expect(metric(card, "custom:加购率").actual).toBeCloseTo(0.1, 12); // (8% + 10% + 12%) / 3
  });

  test("costs and losses are lower-is-better: 6% refunds against 5% is 80%, not 120%", () => {
    const refund = metric(card, "refundRate");
    expect(refund.direction).toBe("lower");
    expect(refund.attainment).toBeCloseTo(1 - (0.06 - 0.05) / 0.05, 12); // 0.8
    expect(refund.status).toBe("red");
    // CAC 16.67 against 20: 1 − (16.67 − 20)/20 = 116.7%, met.
    expect(metric(card, "cac").attainment).toBeCloseTo(1 - (1000 / 60 - 20) / 20, 12);
    // 投诉量 12 against 10, lower is better by its name: 1 − 2/10 = 80%.
    expect(metric(card, "custom:投诉量").attainment).toBeCloseTo(0.8, 12);
  });

  test("the JSON states every metric's rule, and the warnings say what was inferred", () => {
    const json = scorecardToJson(card, "en", []);
    const rules = Object.fromEntries(json.metrics.map((m) => [m.key, m.rule]));
    expect(rules).toMatchObject({ gmv: "sum", followers: "last", "custom:DSR评分": "mean", cac: "ratio", ctr: "ratio", refundRate: "ratio", "custom:库存量": "last", "custom:投诉量": "sum", "custom:加购率": "mean" });
    const inferred = inputs.warnings.filter((w) => w.code === "inferredRule").map((w) => w.params.header);
    expect(inferred).toEqual(["DSR评分", "库存量", "投诉量", "加购率"]);
  });
});

describe("targets table overrides and percent numbers", () => {
  const monthly: Grid = {
    sheet: "M",
    values: [["月份", "GMV", "访客数", "支付买家数", "活跃店铺数", "转化率目标差"], ["2025-01", 100, 1000, 50, 10, 1], ["2025-02", 300, 1000, 60, 12, 2]],
  };
  const targets: Grid = {
    sheet: "T",
    values: [
      ["指标", "目标", "方向", "汇总"],
      ["GMV（万元）", 0.04, "", ""], // 400 元
      ["转化率(%)", 5, "", ""], // 5%
      ["活跃店铺数", "", "", "期末"], // only defines the metric: a stock
      ["转化率目标差", "", "越低越好", ""],
    ],
  };
  const inputs = readMonthlyInputs(monthly, targets);
  const card = computeScorecard(inputs.table, inputs.targets, { period: { from: jan, to: jan + 1 } });

  test("the target's unit and percent sign scale it; the analyst's aggregation and direction apply", () => {
    expect(metric(card, "gmv").target).toBe(400);
    expect(metric(card, "gmv").attainment).toBeCloseTo(1, 12); // 100 + 300 = 400
    expect(metric(card, "conversion").target).toBeCloseTo(0.05, 12);
    expect(metric(card, "conversion").actual).toBeCloseTo(110 / 2000, 12); // 5.5%
    expect(metric(card, "custom:活跃店铺数").actual).toBe(12); // 期末: the last month, not 22
    expect(metric(card, "custom:活跃店铺数").spec.decidedBy).toBe("override");
    expect(metric(card, "custom:转化率目标差").direction).toBe("lower");
  });
});

describe("comparison columns and customer types", () => {
  const monthly: Grid = {
    sheet: "M",
    values: [
      ["月份", "全店GMV", "目标GMV", "去年GMV", "GMV同比", "新客GMV", "老客GMV", "腾讯广告花费", "搜索GMV"],
      ["2025-01", 100, 90, 80, "25%", 30, 70, 10, 40],
      ["2025-02", 200, 200, 160, "25%", 60, 140, 10, 90],
      ["2025-03", 300, 250, 240, "30%", 90, 210, 10, 150],
    ],
  };
  const inputs = readMonthlyInputs(monthly);
  const card = computeScorecard(inputs.table, inputs.targets, { period: { from: jan, to: mar } });

  test("目标GMV is the monthly PL and 去年GMV the PY: GMV 600 against 540, +25% on 480", () => {
    const gmv = metric(card, "gmv");
    expect(gmv.actual).toBe(600);
    expect(gmv.target).toBe(540); // 90 + 200 + 250
    expect(gmv.attainment).toBeCloseTo(600 / 540, 12);
    expect(gmv.previous).toBe(480); // 80 + 160 + 240
    expect(gmv.growth).toBeCloseTo(0.25, 12);
  });

  test("GMV同比 is cross-checked, not a metric: March says 30%, the data 25%", () => {
    expect(card.metrics.some((m) => m.nameZh.includes("同比"))).toBe(false);
    const mismatches = inputs.warnings.filter((w) => w.code === "comparisonMismatch");
    expect(mismatches.map((w) => [w.address, w.params.given, w.params.computed])).toEqual([["M!E4", "30.0%", "25.0%"]]);
  });

  test("新客/老客 are customer-type shares; channels stay channels; a spend without its GMV stays visible", () => {
    expect(metric(card, "segment:新客:gmv:share").actual).toBeCloseTo(180 / 600, 12);
    expect(metric(card, "segment:老客:gmv:share").actual).toBeCloseTo(420 / 600, 12);
    expect(metric(card, "channel:搜索:gmvShare").actual).toBeCloseTo(280 / 600, 12);
    expect(card.metrics.some((m) => m.key.startsWith("channel:新客") || m.key.startsWith("channel:目标") || m.key.startsWith("channel:去年"))).toBe(false);
    const spend = metric(card, "channel:腾讯:adSpend");
    expect([spend.actual, spend.direction]).toEqual([30, "lower"]);
  });

  test("a targets table's own target wins over a 目标 column, and says so", () => {
    const withTable = readMonthlyInputs(monthly, { sheet: "T", values: [["指标", "目标"], ["GMV", 500]] });
    expect(withTable.targets.find((t) => t.key === "gmv")!.value).toBe(500);
    expect(withTable.warnings.map((w) => w.code)).toContain("targetColumnOverridden");
  });
});

describe("a share column beside its parts", () => {
  test("is the ratio of the parts' sums, not a mean of the typed shares, and appears once", () => {
    const inputs = readMonthlyInputs({
      sheet: "M",
      values: [["月份", "GMV", "搜索GMV", "搜索GMV占比"], ["2025-01", 100, 50, "50%"], ["2025-02", 300, 60, "20%"]],
    });
    const card = computeScorecard(inputs.table, [], { period: { from: jan, to: jan + 1 } });
    const shares = card.metrics.filter((m) => m.nameZh === "搜索GMV占比");
    expect(shares.map((m) => [m.key, m.actual])).toEqual([["channel:搜索:gmvShare", 110 / 400]]); // not (50% + 20%)/2 = 35%
    expect(describeColumns(inputs.table).find((d) => d.header === "搜索GMV占比")!.aggregation).toBe("ratio");
  });
});
