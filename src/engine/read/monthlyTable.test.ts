import fc from "fast-check";
import { readMonthlyGrid, type MonthlyTable } from "./monthlyTable";
import { formatMonth, makeMonth } from "./month";
import { InputError } from "../../i18n/issues";
import type { Grid } from "./grid";

function column(table: MonthlyTable, label: string) {
  const found = table.columns.find((c) => c.header === label);
  if (!found) throw new Error(`no column ${label}`);
  return found.values;
}

function errorsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => ({ code: i.code, address: i.address }));
    throw error;
  }
  throw new Error("expected an InputError");
}

const messySheet: Grid = {
  sheet: "月度数据",
  values: [
    ["2025年 月度经营数据（单位见表头）"],
    [],
    ["月份", "GMV(万元)", "访客数", "支付买家数", "复购率", "广告花费", "备注"],
    ["2025-01", 1980, "1,234,567", "３４，５６７", "12.5%", "(1,000)", "春节"],
    [45689, "1.98亿", 1000000, 20000, "13%", "¥2,000", ""],
    ["2025/3", "2,100万", "120万", "2.1万", 0.14, "-", ""],
    ["2025年4月", { formula: "B4*2", result: 3960 }, "#N/A", "—", "", "3,000元", ""],
    ["Jun 2025", "２０００", 1100000, 21000, "15.5%", 4000, ""],
    [new Date(Date.UTC(2025, 4, 1)), 2500, 1500000, 25000, "16%", 5000, ""],
    ["合计", 13470, null, null, null, 13000, ""],
    [],
    ["数据来源：生意参谋"],
  ],
};

describe("readMonthlyGrid: long layout", () => {
  test("every cell form of domain.md is read, months sorted, total checked not added", () => {
    const { table, warnings } = readMonthlyGrid(messySheet);
    expect(table.layout).toBe("long");
    expect(table.months.map(formatMonth)).toEqual(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]);
    expect(column(table, "GMV(万元)")).toEqual([19800000, 198000000, 21000000, 39600000, 25000000, 20000000]);
    expect(column(table, "访客数")).toEqual([1234567, 1000000, 1200000, null, 1500000, 1100000]);
    expect(column(table, "支付买家数")).toEqual([34567, 20000, 21000, null, 25000, 21000]);
    expect(column(table, "复购率")).toEqual([0.125, 0.13, 0.14, null, 0.16, 0.155]);
    expect(column(table, "广告花费")).toEqual([-1000, 2000, null, 3000, 5000, 4000]);
    // 13,470万 against a sum of 32,340万 (B5 is 1.98亿): reported at the total's cell.
    expect(warnings.map((w) => [w.code, w.address])).toEqual([
      ["textColumnIgnored", "月度数据!G3"],
      ["totalMismatch", "月度数据!B10"],
    ]);
    // The 广告花费 total 13,000 equals the sum of the months (−1000 + 2000 + 3000 + 5000 + 4000).
    expect(table.columns.find((c) => c.header === "GMV(万元)")!.meaning).toEqual({ kind: "metric", key: "gmv" });
    expect(table.columns.find((c) => c.header === "备注")).toBeUndefined();
  });

  test("a bad cell is rejected with its address, all of them at once", () => {
    const sheet: Grid = {
      sheet: "月度数据",
      values: [
        ["月份", "GMV", "访客数"],
        ["2025-01", 100, 1000],
        ["2025-02", "about 100", 1000],
        ["2025-03", 100, "1O00"],
      ],
    };
    expect(errorsOf(() => readMonthlyGrid(sheet))).toEqual([
      { code: "badNumber", address: "月度数据!B3" },
      { code: "badNumber", address: "月度数据!C4" },
    ]);
  });

  test("addresses account for where the range starts in the sheet", () => {
    const sheet: Grid = { sheet: "Data 2025", origin: { row: 2, col: 1 }, values: [["Month", "GMV"], ["2025-01", "x"]] };
    expect(errorsOf(() => readMonthlyGrid(sheet))).toEqual([{ code: "badNumber", address: "'Data 2025'!C4" }]);
  });

  test("duplicated months, unreadable months and months without a year are reported", () => {
    const sheet: Grid = {
      sheet: "S",
      values: [["月份", "GMV"], ["2025-01", 1], ["2025/1", 2], ["3月", 3], ["next", 4]],
    };
    expect(errorsOf(() => readMonthlyGrid(sheet))).toEqual([
      { code: "yearlessMonth", address: "S!A4" },
      { code: "badMonth", address: "S!A5" },
      { code: "duplicateMonth", address: "S!A3" },
    ]);
  });

  test("a gap in the months is a warning naming the missing months", () => {
    const sheet: Grid = { sheet: "S", values: [["月份", "GMV"], ["2025-01", 1], ["2025-04", 2], ["2025-06", 3]] };
    const { warnings } = readMonthlyGrid(sheet);
    expect(warnings.map((w) => [w.code, w.address, w.params.month])).toEqual([
      ["missingMonth", "S!A3", "2025-02..2025-03"],
      ["missingMonth", "S!A4", "2025-05"],
    ]);
  });

  test("two columns of the same metric are rejected", () => {
    const sheet: Grid = { sheet: "S", values: [["月份", "GMV", "销售额"], ["2025-01", 1, 1]] };
    expect(errorsOf(() => readMonthlyGrid(sheet))).toEqual([{ code: "duplicateColumn", address: "S!C1" }]);
  });

  test("English headers and channel columns are recognised", () => {
    const sheet: Grid = {
      sheet: "S",
      values: [["Month", "Sales", "Visitors", "Buyers", "Search GMV", "站外流量", "腾讯广告花费(元)", "腾讯广告GMV(元)"], ["Jan 2025", 1, 2, 3, 4, 5, 6, 7]],
    };
    const meanings = readMonthlyGrid(sheet).table.columns.map((c) => c.meaning);
    expect(meanings).toEqual([
      { kind: "metric", key: "gmv" },
      { kind: "metric", key: "visitors" },
      { kind: "metric", key: "buyers" },
      { kind: "channel", channel: "Search", measure: "gmv" },
      { kind: "channel", channel: "站外", measure: "traffic" },
      { kind: "channel", channel: "腾讯", measure: "adSpend" },
      { kind: "channel", channel: "腾讯", measure: "adGmv" },
    ]);
  });

  test("overrides let the analyst correct what a column means", () => {
    const sheet: Grid = { sheet: "S", values: [["月份", "成交金额", "备注"], ["2025-01", 5, 1]] };
    const { table } = readMonthlyGrid(sheet, { overrides: { 成交金额: { kind: "metric", key: "gmv" }, 备注: "ignore" } });
    expect(table.columns.map((c) => c.meaning)).toEqual([{ kind: "metric", key: "gmv" }]);
  });

  test("an empty or headerless grid is rejected; an empty one says so, naming the sheet", () => {
    expect(errorsOf(() => readMonthlyGrid({ sheet: "S", values: [] }))[0]).toEqual({ code: "emptySheet", address: "S" });
    expect(errorsOf(() => readMonthlyGrid({ sheet: "S", values: [[""], [null, "  "]] }))[0].code).toBe("emptySheet");
    expect(errorsOf(() => readMonthlyGrid({ sheet: "S", values: [["hello"], ["world"]] }))[0].code).toBe("noHeader");
  });
});

describe("readMonthlyGrid: wide layout", () => {
  const wide: Grid = {
    sheet: "宽表",
    values: [
      ["指标", "2025-01", "2025-02", "2025-03", "全年"],
      ["GMV(万元)", 100, "200", "300万", 600],
      ["访客数", "1万", "2万", "3万", 60001],
      ["转化率", "1%", "2%", "3%", "2%"],
    ],
  };

  test("a column per month reads like the long layout; the total column is checked", () => {
    const { table, warnings } = readMonthlyGrid(wide);
    expect(table.layout).toBe("wide");
    expect(table.months.map(formatMonth)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(column(table, "GMV(万元)")).toEqual([1000000, 2000000, 3000000]);
    expect(column(table, "访客数")).toEqual([10000, 20000, 30000]);
    expect(column(table, "转化率")).toEqual([0.01, 0.02, 0.03]);
    expect(warnings.map((w) => [w.code, w.address])).toEqual([["totalMismatch", "宽表!E3"]]);
  });

  test("a bad cell in a wide sheet is addressed by its column", () => {
    const bad: Grid = { sheet: "宽表", values: [["指标", "2025-01", "2025-02"], ["GMV", 1, "?"]] };
    expect(errorsOf(() => readMonthlyGrid(bad))).toEqual([{ code: "badNumber", address: "宽表!C2" }]);
  });

  test("month headers without a year are rejected", () => {
    const bad: Grid = { sheet: "宽表", values: [["指标", "1月", "2月"], ["GMV", 1, 2]] };
    expect(errorsOf(() => readMonthlyGrid(bad))).toEqual([
      { code: "yearlessMonth", address: "宽表!B1" },
      { code: "yearlessMonth", address: "宽表!C1" },
    ]);
  });
});

describe("property: a grid written from a table reads back as that table", () => {
  const headers = ["GMV(元)", "访客数", "支付买家数", "复购买家数", "广告花费(元)", "搜索GMV(元)", "站外流量"];

  test("long and wide layouts, any month order, blanks and number forms", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2090 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: headers.length }),
        fc.infiniteStream(fc.option(fc.integer({ min: -1e9, max: 1e9 }), { nil: null })),
        fc.infiniteStream(fc.nat()),
        fc.constantFrom("long", "wide"),
        (year, count, width, numbers, picks, layout) => {
          const months = Array.from({ length: count }, (_, i) => makeMonth(year, 1) + i);
          const cols = headers.slice(0, width);
          const values = cols.map(() => months.map(() => numbers.next().value as number | null));
          const form = (v: number | null) => {
            if (v === null) return ["", "-", null, "#N/A"][picks.next().value % 4];
            const forms = [v, v.toLocaleString("en-US"), `${v}`, v < 0 ? `(${(-v).toLocaleString("en-US")})` : `¥${v}`];
            return forms[picks.next().value % forms.length];
          };
          const order = months.map((_, i) => i).sort((a, b) => ((picks.next().value % 3) - 1) || a - b);
          const grid: Grid =
            layout === "long"
              ? { sheet: "S", values: [["月份", ...cols], ...order.map((i) => [formatMonth(months[i]), ...values.map((col) => form(col[i]))])] }
              : { sheet: "S", values: [["指标", ...order.map((i) => formatMonth(months[i]))], ...cols.map((h, c) => [h, ...order.map((i) => form(values[c][i]))])] };
          const { table } = readMonthlyGrid(grid);
          expect(table.months).toEqual(months);
          expect(table.columns.map((c) => c.header)).toEqual(cols);
          table.columns.forEach((c, k) => expect(c.values).toEqual(values[k]));
        },
      ),
      { numRuns: 200 },
    );
  });
});
