/**
 * Order exports of real platforms as a new analyst brings them (有赞, 抖店, headers typed with Alt+Enter): the
 * columns recognised by domain.md's rules (the paid amount first, never a price × quantity where a paid column
 * exists), through the byte reader (CSV) and the grid reader (an Excel range) alike. Numbers worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./helpers/cli";
import { readOrderGrid } from "../src/engine/customers/orderTable";

const dir = mkdtempSync(join(tmpdir(), "kpi-exports-"));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
async function segmentJson(path: string, ...flags: string[]) {
  const out = await runCli(["segment", path, "--json", ...flags]);
  expect({ code: out.code, stderr: out.stderr }).toMatchObject({ code: 0, stderr: "" });
  return JSON.parse(out.stdout);
}
const byId = (json: { customerList: Array<{ id: string; monetary: number }> }) => Object.fromEntries(json.customerList.map((c) => [c.id, c]));
const grid = (csv: string) => ({ sheet: "订单", values: csv.trim().split("\n").map((line) => line.split(",")) });

// 有赞: the order's paid amount 订单实付金额 beside the unit price and quantity (小王's first order: 68 × 2 = 136 listed, 120 paid).
const YOUZAN = `订单号,订单状态,商品名称,规格编码,商品单价,商品数量,订单实付金额,下单时间,买家付款时间,买家昵称
E001,交易成功,咖啡豆,SKU-01,68.00,2,120.00,2025-01-05 08:30:00,2025-01-05 08:31:00,小王
E002,交易成功,挂耳,SKU-02,5.00,10,45.00,2025-01-10 09:00:00,2025-01-10 09:01:00,小李
E003,交易成功,咖啡豆,SKU-01,68.00,1,68.00,2025-02-01 09:00:00,2025-02-01 09:01:00,小王
`;

describe("platform exports", () => {
  test("有赞: 订单实付金额 is the amount (paid), not 商品单价×商品数量", async () => {
    const json = await segmentJson(file("youzan.csv", YOUZAN));
    expect(json.columns).toMatchObject({ customer: "买家昵称", date: "下单时间", amount: "订单实付金额", order: "订单号", quantity: "商品数量" });
    // 小王 paid 120 + 68 = 188 (the price × quantity would be 136 + 68 = 204); 小李 paid 45 (not 50).
    expect(byId(json)["小王"]).toMatchObject({ monetary: 188, frequency: 2 });
    expect(byId(json)["小李"]).toMatchObject({ monetary: 45, frequency: 1 });
    // PERCENTILE.INC over {45, 188}: 45 + p × 143 → 73.6, 102.2, 130.8, 159.4.
    [73.6, 102.2, 130.8, 159.4].forEach((b, i) => expect(json.breaks.monetary[i]).toBeCloseTo(b, 9));
    // The grid reader (an Excel range) takes the same column.
    expect(readOrderGrid(grid(YOUZAN)).headers.amount).toBe("订单实付金额");
  });

  test("抖店: 主订单编号 (not the line's 子订单编号), 订单应付金额 and 订单提交时间", async () => {
    const csv = `子订单编号,主订单编号,选购商品,商品ID,商品数量,商品金额,订单应付金额,订单提交时间,支付完成时间,买家昵称
S1,M1,电动牙刷,36001,1,299.00,259.00,2025/01/05 08:30:00,2025/01/05 08:31:00,用户A
S2,M1,牙刷头,36002,1,30.00,25.00,2025/01/05 08:30:00,2025/01/05 08:31:00,用户A
S3,M2,牙刷头,36002,2,60.00,60.00,2025/01/20 08:30:00,2025/01/20 08:31:00,用户B
S4,M3,电动牙刷,36001,1,299.00,269.00,2025/02/11 08:30:00,2025/02/11 08:31:00,用户A
`;
    const json = await segmentJson(file("douyin.csv", csv));
    expect(json.columns).toMatchObject({ customer: "买家昵称", date: "订单提交时间", amount: "订单应付金额", order: "主订单编号", product: "商品ID", quantity: "商品数量" });
    // Orders M1 (two lines), M2, M3: three orders; as of 2025-02-12.
    expect(json.orders).toBe(3);
    expect(json.asOf).toBe("2025-02-12");
    // 用户A: 259 + 25 + 269 = 553 over M1 and M3, last on 2025-02-11 (1 day before as-of); 用户B: 60, 23 days.
    expect(byId(json)["用户A"]).toMatchObject({ monetary: 553, frequency: 2, recency: 1 });
    expect(byId(json)["用户B"]).toMatchObject({ monetary: 60, frequency: 1, recency: 23 });
  });

  test("headers typed with Alt+Enter (quoted line breaks) are matched as their names", async () => {
    const csv = '"订单\n编号","客户\nID","下单\n时间","商品总价","应付金额","买家\n实付"\nH1,h1,2025-01-05,100,95,90\nH2,h2,2025-01-06,50,50,45\n';
    const json = await segmentJson(file("linebreaks.csv", csv));
    // Named as the reader shows a header: whitespace collapsed to one space.
    expect(json.columns).toMatchObject({ customer: "客户 ID", date: "下单 时间", amount: "买家 实付", order: "订单 编号" });
    // The paid 买家实付 (90 and 45), not 商品总价 or 应付金额.
    expect(byId(json)["h1"].monetary).toBe(90);
    expect(byId(json)["h2"].monetary).toBe(45);
  });
});

describe("files that cannot be read: one line in the analyst's language, exit 1", () => {
  test.each([
    ["zh", "找不到文件"],
    ["en", "file not found"],
  ])("a missing order list (%s)", async (lang, text) => {
    const out = await runCli(["review", "--orders", join(dir, "missing.csv"), "-o", join(dir, "missing-review.xlsx"), "--lang", lang]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(text);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
  });

  test.each([
    ["zh", "另存为 .xlsx"],
    ["en", "save it as .xlsx"],
  ])("a legacy .xls saved under a .csv name (%s)", async (lang, text) => {
    const path = join(dir, "old.csv");
    writeFileSync(path, Buffer.concat([Buffer.from("D0CF11E0A1B11AE1", "hex"), Buffer.alloc(504)]));
    const out = await runCli(["segment", path, "--lang", lang]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(text);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  test("orders on the second sheet: the message for the first sheet names the others and --sheet", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet("说明");
    notes.addRow(["导出说明"]);
    notes.addRow(["金额单位：元", "数据来源：后台"]);
    const orders = workbook.addWorksheet("订单明细");
    orders.addRow(["订单号", "客户ID", "下单时间", "实付金额"]);
    orders.addRow(["O1", "c1", new Date(Date.UTC(2025, 0, 5)), 12.5]);
    orders.addRow(["O2", "c2", new Date(Date.UTC(2025, 0, 6)), 7.5]);
    const path = join(dir, "two-sheets.xlsx");
    await workbook.xlsx.writeFile(path);
    for (const [lang, text] of [["en", 'not 订单明细 (choose with --sheet'], ["zh", "未读取 订单明细（用 --sheet"]]) {
      const out = await runCli(["segment", path, "--lang", lang]);
      expect(out.code).toBe(1);
      expect(out.stderr).toContain(text);
    }
    const json = await segmentJson(path, "--sheet", "订单明细");
    // c1 paid 12.5, c2 7.5: two customers, two orders, as of 2025-01-07.
    expect(json).toMatchObject({ customers: 2, orders: 2, asOf: "2025-01-07" });
  });
});

describe("a unit in the amount's header (domain.md: GMV(万元) means every cell ×10,000)", () => {
  const CSV = "订单号,客户ID,下单时间,实付金额(万元)\nW1,a,2025-01-05,1.5\nW2,b,2025-01-06,0.25\nW3,a,2025-01-07,0.00005\n";
  test("CSV (byte reader): 1.5万 is 15,000, exactly; the output says so", async () => {
    const json = await runCli(["segment", file("wan.csv", CSV), "--json", "--lang", "en"]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    // a: 15,000 + 0.5 = 15,000.5; b: 2,500.
    expect(byId(parsed)["a"].monetary).toBe(15000.5);
    expect(byId(parsed)["b"].monetary).toBe(2500);
    expect(parsed.amountDecimals).toBe(1);
    expect(json.stderr).toContain('"实付金额(万元)"');
    expect(json.stderr).toContain("×10,000");
  });
  test("an Excel range (grid reader) reads the same", () => {
    const read = readOrderGrid({ sheet: "订单", values: [["订单号", "客户ID", "下单时间", "实付金额（万元）"], ["W1", "a", "2025-01-05", 1.5], ["W2", "b", "2025-01-06", "0.25"]] });
    expect(Array.from(read.table.amountMinor)).toEqual([15000, 2500]);
    expect(read.table.amountScale).toBe(1);
    expect(read.warnings.map((w) => w.code)).toContain("orderAmountUnit");
  });
  test("(千元) is ×1,000; a plain currency unit (元), (USD) changes nothing", () => {
    expect(Array.from(readOrderGrid(grid("客户ID,下单时间,实付金额(千元)\na,2025-01-05,2.5")).table.amountMinor)).toEqual([2500]);
    const yuan = readOrderGrid(grid("客户ID,下单时间,实付金额(元)\na,2025-01-05,2.5"));
    expect(Array.from(yuan.table.amount)).toEqual([2.5]);
    expect(yuan.warnings).toEqual([]);
    expect(Array.from(readOrderGrid(grid("Customer ID,Date,Amount (USD)\na,2025-01-05,2.5")).table.amount)).toEqual([2.5]);
  });
});

describe("title and note rows above an order list's header in a sheet", () => {
  test("a title merged across the columns (every cell of the merge reads the title) and a two-cell note are skipped", () => {
    const title = "2025年1月订单明细";
    const read = readOrderGrid({
      sheet: "订单明细",
      values: [
        [title, title, title, title],
        ["导出时间：2025-02-01", "操作人：运营A"],
        ["订单号", "客户ID", "下单时间", "实付金额"],
        ["O1", "a", new Date(Date.UTC(2025, 0, 5)), 10],
        ["O2", "b", new Date(Date.UTC(2025, 0, 6)), 20],
        ["合计", null, null, 30],
      ],
    });
    expect(read.headers).toEqual({ order: "订单号", customer: "客户ID", date: "下单时间", amount: "实付金额" });
    // Two orders of 10 and 20; the 合计 row has no customer and is left out (named at 订单明细!B6), not added.
    expect(read.table.rows).toBe(2);
    expect(Array.from(read.table.amount)).toEqual([10, 20]);
    expect(read.rejectedRows).toBe(1);
    expect(read.rejected[0].address).toBe("订单明细!B6");
  });
  test("without a readable header the missing columns are named at the first row of two cells", () => {
    expect(() => readOrderGrid({ sheet: "S", values: [["说明"], ["金额单位：元", "数据来源：后台"], ["a", "b"]] })).toThrow(/S!A2: no customer id column/);
  });
});

describe("a wrong order-list option: one line in the analyst's language, exit 2", () => {
  test.each([
    [["--date-format", "xyz"], "--date-format xyz: 应为 dmy（日/月/年", "--date-format xyz: expected dmy (day/month/year"],
    [["--as-of", "2025-13-01"], "--as-of 2025-13-01: 应为日期", "--as-of 2025-13-01: expected a date"],
    [["--tiers", "1000,5000,90,180"], "--tiers 1000,5000,90,180: 应为 高净值消费", "--tiers 1000,5000,90,180: expected high,potential"],
  ])("%s", async (flags, zh, en) => {
    const path = file("usage.csv", YOUZAN);
    const chinese = await runCli(["segment", path, ...flags]);
    expect(chinese).toMatchObject({ code: 2, stderr: expect.stringContaining(zh) });
    expect(chinese.stderr.trim().split("\n")).toHaveLength(1);
    const english = await runCli(["segment", path, ...flags, "--lang", "en"]);
    expect(english).toMatchObject({ code: 2, stderr: expect.stringContaining(en) });
  });
});

test("full-width dates and amounts read the same through the byte reader and an Excel range", async () => {
  const csv = "客户ID,下单时间,实付金额\na,２０２５-０１-０５,￥１，２３４．５０\nb,2025-01-06,１２\n";
  const json = await segmentJson(file("fullwidth.csv", csv));
  // a paid 1,234.50 on 2025-01-05, b 12 on 2025-01-06: as of 2025-01-07, a's recency 2.
  expect(json.rejectedRows).toBe(0);
  expect(byId(json)["a"]).toMatchObject({ monetary: 1234.5, recency: 2 });
  expect(Array.from(readOrderGrid(grid(csv.replace("￥１，２３４．５０", "１２３４．５０"))).table.day)).toEqual(Array.from(readOrderGrid(grid("客户ID,下单时间,实付金额\na,2025-01-05,1\nb,2025-01-06,1")).table.day));
});

test("xlsx cells: a formula saved without its value is left out with a message saying so (never an id '[object Object]'); hyperlinks, rich text and cached results read", () => {
  const read = readOrderGrid({
    sheet: "Orders",
    values: [
      ["Name", "Email", "Created at", "Total"],
      ["#1001", { text: "ann@example.com", hyperlink: "mailto:ann@example.com" }, new Date(Date.UTC(2025, 0, 5, 8, 30)), { formula: "20+28.2" }],
      ["#1002", { richText: [{ text: "bob@" }, { text: "example.com" }] }, new Date(Date.UTC(2025, 0, 20)), 1296],
      ["#1003", { formula: "B2" }, new Date(Date.UTC(2025, 1, 3)), 32],
      ["#1004", "cat@example.com", new Date(Date.UTC(2025, 1, 4)), { formula: "10*2", result: 20 }],
    ],
  });
  expect(read.table.customerIds.slice().sort()).toEqual(["bob@example.com", "cat@example.com"]);
  expect(Array.from(read.table.amount)).toEqual([1296, 20]);
  expect(read.rejected.map((r) => [r.code, r.address])).toEqual([
    ["formulaWithoutValue", "Orders!D2"],
    ["formulaWithoutValue", "Orders!B4"],
  ]);
});

test("a blank date or amount is said to be blank, not 'cannot read \"\"' (Shopify's second line of an order has no Total)", async () => {
  const csv = "Name,Email,Created at,Total\n#1001,ann@example.com,2025-01-05 08:30:00 -0500,48.20\n#1001,ann@example.com,2025-01-05 08:30:00 -0500,\n#1002,bob@example.com,,12\n";
  const path = file("shopify-lines.csv", csv);
  const en = await runCli(["segment", path, "--lang", "en"]);
  expect(en.code).toBe(0);
  expect(en.stderr).toContain("'shopify-lines'!D3: the amount is blank; row left out");
  expect(en.stderr).toContain("'shopify-lines'!C4: the date is blank; row left out");
  const zh = await runCli(["segment", path]);
  expect(zh.stderr).toContain("'shopify-lines'!D3: 金额为空，该行未计入");
  expect(zh.stderr).toContain("'shopify-lines'!C4: 日期为空，该行未计入");
});
