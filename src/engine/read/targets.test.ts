import { readTargetsGrid } from "./targets";
import { makeMonth } from "./month";
import { InputError } from "../../i18n/issues";

describe("readTargetsGrid", () => {
  test("names, units in cells, directions in both languages, channel and custom keys", () => {
    const { targets } = readTargetsGrid({
      sheet: "目标",
      values: [
        ["2025年目标"],
        ["指标", "2025目标", "方向"],
        ["GMV", "1.6亿", "越高越好"],
        ["广告花费", "4,200万", "越低越好"],
        ["转化率", "5%", ""],
        ["搜索GMV占比", 0.42, "higher"],
        ["腾讯广告ROI", 1.2, "Higher"],
        ["退款金额", "(1,000)", "lower"],
      ],
    });
    expect(targets.map((t) => [t.key, t.value, t.direction, t.address])).toEqual([
      ["gmv", 160000000, "higher", "目标!A3"],
      ["adSpend", 42000000, "lower", "目标!A4"],
      ["conversion", 0.05, undefined, "目标!A5"],
      ["channel:搜索:gmvShare", 0.42, "higher", "目标!A6"],
      ["channel:腾讯:roi", 1.2, "higher", "目标!A7"],
      ["refunds", -1000, "lower", "目标!A8"],
    ]);
  });

  test("a 单位 column scales its row's target like a unit in the name: 1500 万元 is 1500万, 3.5 % is 3.5%, 元 leaves 320 as it is", () => {
    const { targets } = readTargetsGrid({
      sheet: "目标",
      values: [
        ["指标", "单位", "2025目标"],
        ["GMV", "万元", 1500], // 1500 × 10,000 = 15,000,000
        ["广告花费", "亿元", 0.011], // 0.011 × 100,000,000 = 1,100,000
        ["转化率", "%", 3.5], // 0.035
        ["客单价", "元", 320],
        ["用户规模", "千人", 1200], // 1,200,000
        ["笔单价(万元)", "元", 2], // the name's unit wins: 20,000
      ],
    });
    const values = targets.map((t) => [t.key, t.value]);
    expect(values).toEqual([
      ["gmv", 15000000],
      ["adSpend", 1100000],
      ["conversion", expect.closeTo(0.035, 12)],
      ["aov", 320],
      ["users", 1200000],
      ["orderValue", 20000],
    ]);
  });

  test("monthly targets in month columns; a header unit scales plain numbers", () => {
    const { targets } = readTargetsGrid({
      sheet: "T",
      values: [
        ["Metric", "Target(万元)", "2026-01", "2026-02"],
        ["GMV", 300, "100万", "200万"],
      ],
    });
    expect(targets[0].value).toBe(3000000);
    expect([...targets[0].monthly]).toEqual([
      [makeMonth(2026, 1), 1000000],
      [makeMonth(2026, 2), 2000000],
    ]);
  });

  test("bad values, bad directions and repeated metrics are reported by cell", () => {
    try {
      readTargetsGrid({ sheet: "T", values: [["指标", "目标", "方向"], ["GMV", "lots", "up-ish"], ["成交额", 5, ""]] });
      throw new Error("expected InputError");
    } catch (error) {
      expect((error as InputError).issues.map((i) => [i.code, i.address])).toEqual([
        ["badNumber", "T!B2"],
        ["badDirection", "T!C2"],
        ["duplicateTarget", "T!A3"],
      ]);
    }
  });

  test("a table without metric and target columns is rejected", () => {
    expect(() => readTargetsGrid({ sheet: "T", values: [["a", "b"], [1, 2]] })).toThrow(InputError);
  });
});

describe("readTargetsGrid: as analysts write targets", () => {
  test("units in metric names and in the target header scale the target; percent numbers for bounded rates", () => {
    const { targets, warnings } = readTargetsGrid({
      sheet: "目标",
      values: [
        ["指标", "目标", "方向"],
        ["GMV（万元）", 250000, ""], // 25亿
        ["转化率(%)", 5, ""], // 5%
        ["复购率", 36, ""], // a percent number: 36%
        ["用户规模(千人)", 11500, ""], // 1,150万
        ["广告花费(百万)", "8", "越低越好"], // 800万
        ["ROI", 3.2, ""], // a multiple, not a percent
      ],
    });
    expect(targets.map((t) => [t.key, t.value])).toEqual([
      ["gmv", 2.5e9],
      ["conversion", 0.05],
      ["repeatRate", 0.36],
      ["users", 11.5e6],
      ["adSpend", 8e6],
      ["roi", 3.2],
    ]);
    expect(warnings.map((w) => [w.code, w.address])).toEqual([["targetPercentNumber", "目标!B4"]]);
  });

  test("`目标(亿元)` scales every row without a unit of its own", () => {
    const { targets } = readTargetsGrid({ sheet: "T", values: [["指标", "目标(亿元)"], ["GMV", 25], ["访客数（万人）", 500]] });
    expect(targets.map((t) => t.value)).toEqual([2.5e9, 5e6]);
  });

  test("a rate target above 100% that cannot be one is an error at its cell", () => {
    expect(() => readTargetsGrid({ sheet: "T", values: [["指标", "目标"], ["退款率", 150]] })).toThrow(/T!B2/);
  });

  test("方向 and 汇总 columns; a row without a target only defines the metric; a contradiction is said", () => {
    const { targets, warnings } = readTargetsGrid({
      sheet: "T",
      values: [
        ["指标", "目标", "方向", "汇总"],
        ["投诉量", "", "越低越好", "求和"],
        ["活跃店铺数", "", "", "期末"],
        ["GMV", "1亿", "越低越好", ""],
      ],
    });
    expect(targets.map((t) => [t.key, t.value, t.direction, t.aggregation])).toEqual([
      ["custom:投诉量", null, "lower", "sum"],
      ["custom:活跃店铺数", null, undefined, "last"],
      ["gmv", 1e8, "lower", undefined],
    ]);
    expect(warnings.map((w) => [w.code, w.address])).toEqual([["directionContradicts", "T!A4"]]);
  });
});
