/** The pane's adapters over the engine: conflicts kept visible, messages as codes, settings parsed, orders checked. */
import { columnCensus, readForPane } from "./readForPane";
import { collapseMonthIssues, renderMessage } from "./paneMessage";
import { parseSettings, settingsText } from "./settingsForm";
import { checkOrders } from "./ordersCheck";
import { topOfAddress } from "./paneHost";
import { asPaneOverride, choiceFromValue, choiceOf, columnOptions, detectedMeaning, withChoice, withRule } from "./columnChoices";
import { defaultChoices } from "../office/choices";
import { issue } from "../i18n/issues";

const grid = (values: unknown[][]) => ({ sheet: "月度数据", values: values as never });
const sample = grid([
  ["月份", "访客数", "支付买家数", "用户规模", "会员数"],
  ["2025-01", 1000, 20, 500, 501],
  ["2025-02", 1100, 22, 510, 511],
]);

describe("readForPane", () => {
  test("a natural conflict (会员数 and 用户规模 are both users) keeps every column, names both cells, and the rest reads", () => {
    const census = columnCensus(sample);
    expect(census.map((c) => c.header)).toEqual(["访客数", "支付买家数", "用户规模", "会员数"]);
    const read = readForPane(sample, census, {}, null);
    expect(read.conflicts).toEqual([{ header: "会员数", address: "月度数据!E1", otherHeader: "用户规模", otherAddress: "月度数据!D1", choice: { kind: "metric", key: "users" } }]);
    expect(read.result?.table.columns.map((c) => c.header)).toEqual(["访客数", "支付买家数", "用户规模"]);
  });

  test("the conflict is shown on the column the analyst changed, even when it is the earlier one", () => {
    const census = columnCensus(sample);
    const overrides = { 访客数: { meaning: { kind: "metric", key: "buyers" } as const }, 会员数: "ignore" as const };
    const read = readForPane(sample, census, overrides, "访客数");
    expect(read.conflicts.map((c) => [c.header, c.address, c.otherAddress])).toEqual([["访客数", "月度数据!B1", "月度数据!C1"]]);
    // An ignored column stays listed, so the analyst can take it back.
    expect(read.rows.find((r) => r.header === "会员数")?.choice).toBe("ignore");
  });
});

describe("column choices", () => {
  const users = detectedMeaning("会员数");
  test("an override that says nothing new is none; a rule change keeps the meaning", () => {
    expect(withChoice(users, users)).toBeNull();
    expect(withChoice("ignore", users)).toBe("ignore");
    const custom = choiceFromValue("custom", "会员数", users);
    // The custom metric's rule comes from the engine's name rules: 会员数 is a stock (last month).
    expect(custom).toMatchObject({ kind: "custom", name: "会员数", aggregation: "last" });
    const chosen = withChoice(custom, users);
    expect(withRule(chosen!, { direction: "lower" }, users)).toEqual({ meaning: custom, direction: "lower" });
    expect(withRule(undefined, { direction: undefined }, users)).toBeNull();
    expect(choiceOf(asPaneOverride({ kind: "metric", key: "users" }), users)).toEqual(users);
  });

  test("any column can be a channel named by its header", () => {
    const options = columnOptions("抖音(元)", detectedMeaning("抖音(元)"), "zh").map((o) => o.value);
    expect(options).toEqual(expect.arrayContaining(["ignore", "custom", "channel:gmv:抖音", "channel:traffic:抖音", "metric:gmv"]));
    expect(choiceFromValue("channel:gmv:抖音", "抖音(元)", detectedMeaning("抖音(元)"))).toEqual({ kind: "channel", channel: "抖音", measure: "gmv" });
    // 老客GMV is read as a customer-type split; the ways out include channel 老客's GMV, a custom metric, not using it.
    const split = detectedMeaning("老客GMV");
    expect(split).toEqual({ kind: "segment", segment: "老客", of: "GMV" });
    expect(columnOptions("老客GMV", split, "zh").map((o) => o.value).slice(0, 4)).toEqual(["ignore", "custom", "segment:老客:GMV", "channel:gmv:老客"]);
  });
});

describe("messages", () => {
  test("many unreadable months in one column become one message; others stay", () => {
    const issues = [
      issue("badMonth", "月度数据!F2", { text: "215381" }),
      issue("badMonth", "月度数据!F3", { text: "304308" }),
      issue("badMonth", "月度数据!F4", { text: "196900" }),
      issue("badNumber", "月度数据!C9", { text: "abc" }),
    ];
    expect(collapseMonthIssues(issues)).toHaveLength(2);
    const zh = renderMessage({ kind: "issues", issues }, "zh").split("\n");
    expect(zh).toHaveLength(2);
    expect(zh[0]).toContain("F 列的 3 个单元格不是月份");
    expect(renderMessage({ kind: "issues", issues }, "en").split("\n")[0]).toContain("3 cells of column F are not months");
  });

  test("a missing order column is worded with the pane's way out, not a command-line flag", () => {
    const message = { kind: "issues" as const, issues: [issue("orderColumnMissing", "订单!A1", { field: "amount" })] };
    expect(renderMessage(message, "zh")).toBe("订单!A1: 找不到金额列：请在下方的\"金额\"下拉框中选择。");
    expect(renderMessage(message, "en")).not.toContain("--");
  });

  test("a message about the quantity column names the quantity dropdown (every order field has its label)", () => {
    const message = { kind: "issues" as const, issues: [issue("orderColumnNotFound", "订单!A1", { field: "quantity", column: "件数" })] };
    expect(renderMessage(message, "zh")).toBe('订单!A1: 表头中没有列 "件数"：请重新选择数量列。');
  });
});

describe("settings", () => {
  test("round trip of the saved choices, percent as typed", () => {
    const text = settingsText(defaultChoices("zh"));
    expect(text.green).toBe("100");
    expect(text.amber).toBe("90");
    const parsed = parseSettings({ ...text, green: "120", nextTarget: "3.2亿", nextUnit: "10000" });
    expect(parsed.value).toEqual({
      thresholds: { green: 1.2, amber: 0.9 },
      tiers: { highValue: 5000, potential: 1000, dormantDays: 90, lostDays: 180 },
      asOf: null,
      nextTarget: { value: 320000000, metric: "gmv", unit: 10000 },
    });
  });

  test("values that do not read are problems on their group, never guesses", () => {
    const text = settingsText(defaultChoices("en"));
    expect(parseSettings({ ...text, amber: "110" }).problems.thresholds).toBeDefined();
    expect(parseSettings({ ...text, lostDays: "60" }).problems.tiers).toBeDefined();
    expect(parseSettings({ ...text, asOf: "2025-02-30" }).problems.asOf).toBeDefined();
    expect(parseSettings({ ...text, nextTarget: "lots" }).value).toBeNull();
  });
});

describe("orders check", () => {
  const orders = grid([
    ["单号", "买家", "日期", "实付"],
    ["o1", "c1", "2025-01-02", 100],
    ["o2", "c2", "2025-01-03", 50],
  ]);
  test("a missing amount column is reported; naming it makes the list readable", () => {
    const unnamed = checkOrders(orders, {});
    expect(unnamed.error).not.toBeNull();
    expect(unnamed.missing).toEqual(["amount"]);
    const named = checkOrders(orders, { amount: "实付", order: "单号" });
    expect(named.error).toBeNull();
    expect(named.used).toMatchObject({ customer: "买家", date: "日期", amount: "实付", order: "单号" });
    expect(named.usableRows).toBe(2);
  });

  test("the check reads the top of a range only", () => {
    expect(topOfAddress("A1:D601", 501)).toBe("A1:D501");
    expect(topOfAddress("$B$3:$E$10", 501)).toBe("B3:E10");
    expect(topOfAddress("A:D", 501)).toBeNull();
  });
});
