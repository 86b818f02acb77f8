/**
 * Order logs without a line-amount column (the UCI "Online Retail" shape: Quantity and UnitPrice per line,
 * cancellations as negative quantities, rows without a customer id): the line amount is unit price × quantity,
 * exactly in cents, by both readers alike, and the output says which columns made it. Amounts worked by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findOrderColumns } from "../src/engine/customers/orderColumns";
import { readDelimitedOrderBytes } from "../src/engine/customers/delimitedOrders";
import { readOrderGrid } from "../src/engine/customers/orderTable";
import { parseDelimitedText } from "../src/cli/inputFiles";
import { runCli } from "./helpers/cli";

const headersOf = (labels: string[], choice = {}) => Object.fromEntries(Object.entries(findOrderColumns(labels, choice, "S!A1")).map(([f, c]) => [f, c!.header]));

// UCI Online Retail: 17850 buys 6 × 2.55 + 6 × 3.39 (one invoice) and 6 × 1.85 = 15.30 + 20.34 + 11.10 = 46.74;
// 13047 buys 32 × 1.69 + 6 × 4.25 = 54.08 + 25.50 = 79.58; 14527 is refunded −1 × 27.50 and buys 24 × 1.45,
// 34.80 − 27.50 = 7.30; the last row has no customer id and is left out. 12/13/2010 settles month-first.
const UCI = [
  "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
  "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom",
  "536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom",
  "536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom",
  "536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,12/1/2010 8:34,1.69,13047,United Kingdom",
  "536368,22960,JAM MAKING SET WITH JARS,6,12/13/2010 8:34,4.25,13047,United Kingdom",
  "C536379,D,Discount,-1,12/13/2010 9:41,27.50,14527,United Kingdom",
  "536380,22961,JAM MAKING SET PRINTED,24,12/13/2010 9:41,1.45,14527,United Kingdom",
  "536414,22139,RETROSPOT TEA SET,56,12/13/2010 11:52,0.00,,United Kingdom",
].join("\n");

// Online Retail II names: Invoice, Price, Customer ID; ISO dates. 0.1 × 3 is 0.3 exactly, not 0.30000000000000004.
const UCI_II = [
  "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country",
  "489434,85048,15CM CHRISTMAS GLASS BALL,3,2009-12-01 07:45:00,0.1,13085,United Kingdom",
  "489434,79323P,PINK CHERRY LIGHTS,12,2009-12-01 07:45:00,6.75,13085,United Kingdom",
  "489435,22350,CAT BOWL,12,2009-12-01 07:46:00,2.55,13086,United Kingdom",
].join("\n");

describe("no amount column: unit price × quantity", () => {
  test("recognised from unit-price and quantity headers, in both languages; an amount column still wins", () => {
    expect(headersOf(UCI.split("\n")[0].split(","))).toMatchObject({ customer: "CustomerID", date: "InvoiceDate", amount: "UnitPrice×Quantity", order: "InvoiceNo", product: "StockCode", quantity: "Quantity" });
    expect(headersOf(UCI_II.split("\n")[0].split(","))).toMatchObject({ customer: "Customer ID", amount: "Price×Quantity", order: "Invoice" });
    expect(headersOf(["客户ID", "下单时间", "商品单价", "购买数量"]).amount).toBe("商品单价×购买数量");
    expect(headersOf(["客户ID", "下单时间", "单价", "数量", "实付金额"]).amount).toBe("实付金额");
    // A price without a quantity is not an amount: the message asks for the amount column.
    expect(() => findOrderColumns(["客户ID", "下单时间", "单价"], {}, "S!A1")).toThrow(/金额|amount/i);
    // The analyst may name the product explicitly.
    expect(headersOf(["cust", "day", "p", "n"], { customer: "cust", date: "day", amount: "p*n" })).toEqual({ customer: "cust", date: "day", amount: "p×n", quantity: "n" });
    // Without either, the message says how to multiply.
    expect(() => findOrderColumns(["客户ID", "下单时间", "Cost", "Units"], {}, "S!A1")).toThrow(/--amount "Price×Quantity"/);
  });

  test("both readers give the line amounts exactly, negative lines included", () => {
    const bytes = new TextEncoder().encode(UCI);
    const grid = readOrderGrid({ sheet: "uci", values: parseDelimitedText(UCI) });
    const fast = readDelimitedOrderBytes(bytes, { sheet: "uci", source: "uci.csv" });
    for (const read of [grid, fast]) {
      expect(read.table.amountScale).toBe(100);
      expect(Array.from(read.table.amountMinor)).toEqual([1530, 2034, 1110, 5408, 2550, -2750, 3480]);
      expect(read.rejectedRows).toBe(1);
      expect(read.headers.amount).toBe("UnitPrice×Quantity");
    }
    const ii = readDelimitedOrderBytes(new TextEncoder().encode(UCI_II), { sheet: "ii", source: "ii.csv" });
    expect(ii.table.amountScale).toBe(10); // the finest line is 0.3, one decimal
    expect(Array.from(ii.table.amountMinor)).toEqual([3, 810, 306]);
    expect(Array.from(ii.table.amount)).toEqual([0.3, 81, 30.6]);
  });

  test("kpi-review segment on the UCI shape: customers' spend by hand, columns said in text and JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-uci-"));
    const path = join(dir, "Online Retail.csv");
    writeFileSync(path, UCI);
    const json = await runCli(["segment", path, "--json"]);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.columns).toMatchObject({ amount: "UnitPrice×Quantity", quantity: "Quantity", customer: "CustomerID" });
    expect(out.customers).toBe(3);
    expect(out.rejectedRows).toBe(1);
    const spend = Object.fromEntries(out.customerList.map((c: { id: string; monetary: number }) => [c.id, c.monetary]));
    expect(spend).toEqual({ "17850": 46.74, "13047": 79.58, "14527": 7.3 });
    const text = await runCli(["segment", path]);
    expect(text.stdout).toContain("金额=UnitPrice×Quantity");
  });
});

describe("marketplace exports as analysts have them", () => {
  test("Taobao/Tmall, JD, Pinduoduo and Shopify headers: the paid amount, the product id, the category, the quantity", () => {
    const taobao = "订单编号,买家会员名,买家应付货款,总金额,买家实际支付金额,订单状态,订单创建时间,订单付款时间,宝贝标题,宝贝种类,宝贝总数量".split(",");
    expect(headersOf(taobao)).toEqual({ customer: "买家会员名", date: "订单创建时间", amount: "买家实际支付金额", order: "订单编号", product: "宝贝标题", quantity: "宝贝总数量" });
    const jd = "订单号,下单时间,下单帐号,应付金额,实付金额,商品ID,商品名称,购买数量,一级分类".split(",");
    expect(headersOf(jd)).toEqual({ customer: "下单帐号", date: "下单时间", amount: "实付金额", order: "订单号", product: "商品ID", category: "一级分类", quantity: "购买数量" });
    // Pinduoduo has no buyer id: the customer must be chosen (--id), everything else is found.
    const pdd = "商品,订单号,订单状态,商品总价(元),店铺优惠折扣(元),用户实付金额(元),商家实收金额(元),商品数量(件),订单成交时间,支付时间,商品id,收货人".split(",");
    expect(headersOf(pdd, { customer: "收货人" })).toEqual({ customer: "收货人", date: "支付时间", amount: "用户实付金额(元)", order: "订单号", product: "商品id", quantity: "商品数量(件)" });
    expect(() => findOrderColumns(pdd, {}, "pdd!A1")).toThrow(/pdd!A1.*--id/);
    const shopify = "Name,Email,Financial Status,Paid at,Subtotal,Shipping,Taxes,Total,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku".split(",");
    expect(headersOf(shopify)).toMatchObject({ customer: "Email", date: "Created at", amount: "Total", product: "Lineitem sku", quantity: "Lineitem quantity" });
  });

  test("Shopify's dates with an offset (2025-01-03 10:00:00 +0800) are read as written, by both readers", () => {
    // a@x.com pays 110.00 on 2025-01-03 and 35.00 on 2025-02-01 = 145; b@x.com 80.00 on 2025-01-04.
    const csv = ["Email,Created at,Total", "a@x.com,2025-01-03 10:00:00 +0800,110.00", "b@x.com,2025-01-04 23:30:00 -0500,80.00", "a@x.com,2025-02-01T09:00:00+08:00,35.00"].join("\n");
    const grid = readOrderGrid({ sheet: "s", values: parseDelimitedText(csv) });
    const fast = readDelimitedOrderBytes(new TextEncoder().encode(csv), { sheet: "s", source: "s.csv" });
    const jan3 = Date.UTC(2025, 0, 3) / 86400000;
    for (const read of [grid, fast]) {
      expect(read.rejectedRows).toBe(0);
      expect(Array.from(read.table.day)).toEqual([jan3, jan3 + 1, jan3 + 29]);
      expect(Array.from(read.table.amountMinor)).toEqual([110, 80, 35]);
    }
  });

  test("a Taobao export saved as GBK: buyers kept apart, the paid amount summed by hand", async () => {
    const { gbkBytes } = await import("./helpers/encodings");
    // 张三 pays 90.50 + 45.10 = 135.60 (gross 150); 李四 180.00 (gross 210).
    const csv = "订单编号,买家会员名,总金额,买家实际支付金额,订单创建时间,宝贝标题,宝贝总数量\n1001,张三,100.00,90.50,2025-01-05 10:00:00,连衣裙,1\n1002,李四,210.00,180.00,2025-01-06 11:00:00,衬衫,2\n1003,张三,50.00,45.10,2025-02-01 09:00:00,裤子,1\n";
    const dir = mkdtempSync(join(tmpdir(), "kpi-taobao-"));
    const path = join(dir, "ExportOrderList.csv");
    writeFileSync(path, gbkBytes(csv));
    const out = await runCli(["segment", path, "--json"]);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.encoding).toBe("GB18030/GBK");
    expect(json.columns).toMatchObject({ customer: "买家会员名", amount: "买家实际支付金额", product: "宝贝标题", quantity: "宝贝总数量" });
    const spend = Object.fromEntries(json.customerList.map((c: { id: string; monetary: number }) => [c.id, c.monetary]));
    expect(spend).toEqual({ 张三: 135.6, 李四: 180 });
  });
});

test("the pane's check of an order range says the amount is UnitPrice×Quantity, not the price column alone", async () => {
  const { checkOrders } = await import("../src/taskpane/ordersCheck");
  const check = checkOrders({ sheet: "Online Retail", values: parseDelimitedText(UCI) }, {});
  expect(check.used.amount).toBe("UnitPrice×Quantity");
  expect(check.usableRows).toBe(7);
  expect(check.rejectedRows).toBe(1);
  // Chosen back as the analyst would (the reader's own name for it), it reads the same products.
  const again = readOrderGrid({ sheet: "uci", values: parseDelimitedText(UCI) }, { amount: check.used.amount });
  expect(Array.from(again.table.amountMinor)).toEqual([1530, 2034, 1110, 5408, 2550, -2750, 3480]);
});

test("property: both readers make the same exact line amounts from any prices and quantities (decimal, negative)", async () => {
  const fc = (await import("fast-check")).default;
  // price in cents, quantity in thousandths (0.5 kg, −3): the line in 10⁻⁵ units is their integer product.
  const line = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 10_000_00 }), fc.integer({ min: -50_000, max: 50_000 }));
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
      const text = (units: number, decimals: number) => (units < 0 ? "-" : "") + (Math.abs(units) / 10 ** decimals).toFixed(decimals);
      const csv = ["customer,date,unit price,qty", ...lines.map(([c, cents, milli]) => `c${c},2025-01-0${1 + (c % 9)},${text(cents, 2)},${text(milli, 3)}`)].join("\n");
      const grid = readOrderGrid({ sheet: "s", values: parseDelimitedText(csv) });
      const fast = readDelimitedOrderBytes(new TextEncoder().encode(csv), { sheet: "s", source: "s.csv" });
      const exact = lines.map(([, cents, milli]) => cents * milli); // < 2^53: exact in 10⁻⁵ units
      for (const read of [grid, fast]) {
        const scale = read.table.amountScale;
        expect(Array.from(read.table.amountMinor, (m) => m * (100_000 / scale))).toEqual(exact.map((e) => (e === 0 ? 0 : e)));
      }
      expect(Array.from(fast.table.amountMinor)).toEqual(Array.from(grid.table.amountMinor));
    }),
    { numRuns: 200 },
  );
});

test("ids behind Excel's text guard (=\"00123\", as Taobao writes 订单编号) are the text inside, by both readers", () => {
  // 00123 appears guarded and plain: one customer with 10 + 5 = 15 and two orders; ="" stays as typed.
  const csv = ['客户ID,订单编号,下单时间,实付金额', '="00123",="T1",2025-01-01,10', '00123,T2,2025-01-02,5', '="",T3,2025-01-03,1'].join("\n");
  const grid = readOrderGrid({ sheet: "s", values: parseDelimitedText(csv) });
  const fast = readDelimitedOrderBytes(new TextEncoder().encode(csv), { sheet: "s", source: "s.csv" });
  for (const read of [grid, fast]) {
    expect(read.table.customerIds).toEqual(["00123", '=""']);
    expect(read.table.orderIds).toEqual(["T1", "T2", "T3"]);
    expect(Array.from(read.table.customer)).toEqual([0, 0, 1]);
  }
});

test("an unreadable quantity or price is named at its own cell, by both readers", () => {
  // Row 2's quantity (B2) and row 3's price (D3) cannot be read; row 4 is 2 × 1.50 = 3.00.
  const csv = ["InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID", "1,abc,2010-12-01,2.5,7", "2,2,2010-12-01,,7", "3,2,2010-12-01,1.5,7"].join("\n");
  const grid = readOrderGrid({ sheet: "bad", values: parseDelimitedText(csv) });
  const fast = readDelimitedOrderBytes(new TextEncoder().encode(csv), { sheet: "bad", source: "bad.csv" });
  for (const read of [grid, fast]) {
    expect(read.rejected.map((i) => i.address)).toEqual(["bad!B2", "bad!D3"]);
    expect(Array.from(read.table.amount)).toEqual([3]);
  }
});

test("the SQL engines refuse a list whose amount is unit price × quantity instead of summing the price alone", async () => {
  const { orderSourceOf } = await import("../src/warehouse/orderRelation");
  const names = UCI_II.split("\n")[0].split(",");
  expect(() => orderSourceOf("t", names, {}, "online_retail_II.csv")).toThrow(/online_retail_II\.csv: .*Price×Quantity.*--engine ts/);
  // An amount column is taken as before.
  expect(orderSourceOf("t", ["Customer ID", "InvoiceDate", "Amount"], {}, "x.csv").amount).toBe("Amount");
});

test("an order workbook of several sheets (Online Retail II: one per year): the output says only the first was read", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  for (const [name, year] of [["Year 2009-2010", 2009], ["Year 2010-2011", 2010]] as const) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"]);
    sheet.addRow([489434, "85048", "BALL", 3, new Date(Date.UTC(year, 11, 1, 7, 45)), 0.1, 13085, "United Kingdom"]);
  }
  const dir = mkdtempSync(join(tmpdir(), "kpi-uci2-"));
  const path = join(dir, "online_retail_II.xlsx");
  await workbook.xlsx.writeFile(path);
  const first = await runCli(["segment", path, "--json"]);
  expect(first.code).toBe(0);
  expect(first.stderr).toContain('online_retail_II.xlsx: 只读取了第一个工作表 "Year 2009-2010"，未读取 Year 2010-2011');
  const json = JSON.parse(first.stdout);
  expect(json.asOf).toBe("2009-12-02");
  expect(json.customerList[0].monetary).toBe(0.3); // 3 × 0.10
  const chosen = await runCli(["segment", path, "--sheet", "Year 2010-2011", "--json"]);
  expect(chosen.stderr).not.toContain("只读取");
  expect(JSON.parse(chosen.stdout).asOf).toBe("2010-12-02");
});
