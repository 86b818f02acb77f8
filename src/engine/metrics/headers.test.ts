import { parseHeader, recogniseColumn, scorecardKeyForName } from "./headers";

const meaning = (header: string) => recogniseColumn(parseHeader(header));

describe("recogniseColumn: domain.md's order", () => {
  test.each<[string, string]>([
    ["全店GMV", "gmv"], ["全站GMV", "gmv"], ["总GMV", "gmv"], ["GMV合计", "gmv"], ["CVR", "conversion"], ["ROAS", "roi"], ["AOV", "aov"],
    ["访客", "visitors"], ["毛利额", "grossProfit"], ["净利", "netProfit"], ["成功退款金额", "refunds"], ["支付件数", "units"],
    ["点击次数", "clicks"], ["关注人数", "followers"], ["毛利率", "grossMargin"], ["退款率", "refundRate"], ["UV价值", "uvValue"],
    ["件单价", "unitPrice"], ["连带率", "itemsPerOrder"], ["点击率", "ctr"], ["平均点击花费", "cpc"], ["获客成本", "cac"],
    ["营销费用率", "adRatio"], ["推广费占比", "adRatio"], ["跳出率", "bounceRate"], ["新客数", "newCustomers"], ["会员数", "users"],
  ])("%s is the catalog's %s", (header, key) => expect(meaning(header)).toEqual({ kind: "metric", key }));

  test.each<[string, string, string]>([
    ["目标GMV", "target", "GMV"], ["GMV目标", "target", "GMV"], ["预算广告花费", "target", "广告花费"], ["广告花费预算", "target", "广告花费"],
    ["去年GMV", "previous", "GMV"], ["上年访客数", "previous", "访客数"], ["同期GMV", "previous", "GMV"], ["GMV去年", "previous", "GMV"],
    ["GMV同比", "yoy", "GMV"], ["访客数环比", "mom", "访客数"], ["GMV达成率", "attainment", "GMV"], ["GMV完成率", "attainment", "GMV"],
  ])("%s is a %s column of %s, never a channel", (header, role, of) => expect(meaning(header)).toEqual({ kind: "comparison", role, of }));

  test("customer types are splits, channels stay channels, a unit is not part of the name", () => {
    expect(meaning("新客GMV")).toEqual({ kind: "segment", segment: "新客", of: "GMV" });
    expect(meaning("非会员GMV(万元)")).toEqual({ kind: "segment", segment: "非会员", of: "GMV" });
    expect(meaning("腾讯广告花费")).toEqual({ kind: "channel", channel: "腾讯", measure: "adSpend" });
    expect(meaning("搜索GMV")).toEqual({ kind: "channel", channel: "搜索", measure: "gmv" });
    expect(meaning("DSR评分")).toMatchObject({ kind: "custom", aggregation: "mean" });
  });

  test("units: (千人), (千), (百万), (亿元) scale; an unknown bracket stays in the name", () => {
    expect(parseHeader("用户规模(千人)")).toMatchObject({ name: "用户规模", scale: 1e3 });
    expect(parseHeader("订单数（千）")).toMatchObject({ name: "订单数", scale: 1e3 });
    expect(parseHeader("GMV(百万)")).toMatchObject({ name: "GMV", scale: 1e6 });
    expect(parseHeader("目标(亿元)")).toMatchObject({ name: "目标", scale: 1e8 });
    expect(parseHeader("GMV(天猫)")).toMatchObject({ name: "GMV(天猫)", scale: 1 });
  });

  test("target names map to the scorecard's keys", () => {
    expect(scorecardKeyForName("新客GMV占比")).toBe("segment:新客:gmv:share");
    expect(scorecardKeyForName("腾讯广告花费")).toBe("channel:腾讯:adSpend");
    expect(scorecardKeyForName("GMV（万元）")).toBe("gmv");
  });
});
