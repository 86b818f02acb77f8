import { isBoundedRateName, ruleFromName } from "./nameRules";

describe("rules from a name (domain.md: the first group that matches wins)", () => {
  test.each<[string, string, string]>([
    ["加购率", "mean", "higher"], ["新客占比", "mean", "higher"], ["直播ROI", "mean", "higher"],
    ["DSR评分", "mean", "higher"], ["平均停留时长", "mean", "higher"], ["人均浏览量", "mean", "higher"], ["单客成本", "mean", "lower"], ["ARPU", "mean", "higher"],
    ["库存量", "last", "higher"], ["SKU数", "last", "higher"], ["累计会员", "last", "higher"], ["账户余额", "last", "higher"],
    ["投诉量", "sum", "lower"], ["退货件数", "sum", "lower"], ["物流费用", "sum", "lower"], ["收藏数", "sum", "higher"], ["差评数", "sum", "lower"],
    ["库存周转天数", "mean", "lower"], ["缺货率", "mean", "lower"],
  ])("%s → %s, %s is better", (name, aggregation, direction) => {
    expect(ruleFromName(name)).toMatchObject({ aggregation, direction });
  });

  test("bounded rates exclude growths and multiples", () => {
    expect(isBoundedRateName("加购率")).toBe(true);
    expect(isBoundedRateName("店铺占比")).toBe(true);
    expect(isBoundedRateName("增长率")).toBe(false);
    expect(isBoundedRateName("直播ROI")).toBe(false);
  });
});
