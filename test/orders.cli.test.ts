/**
 * `kpi-review segment` on order lists as real exports come: GBK and UTF-16 with Chinese buyers, gross and paid
 * amounts, English product headers, products first sold after as-of, blank order ids, slash dates either way,
 * and lists with nothing usable (a message and exit 1, never a stack trace). Numbers worked out by hand here.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./helpers/cli";
import { gbkBytes, utf16leBytes } from "./helpers/encodings";

const dir = mkdtempSync(join(tmpdir(), "kpi-orders-"));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
async function segmentJson(path: string, ...flags: string[]) {
  const out = await runCli(["segment", path, "--json", ...flags]);
  expect({ code: out.code, stderr: out.stderr }).toMatchObject({ code: 0 });
  return { json: JSON.parse(out.stdout), stderr: out.stderr };
}
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86400000;

// Gross 订单金额 and paid 实付金额 side by side; five buyers with Chinese names.
const CHINESE = "客户ID,下单时间,订单金额,实付金额\n张三,2025-01-05,120.00,100.50\n李四,2025-01-06,80,70.25\n张三,2025-02-01,50,45.10\n王五,2025-02-03,30,30\n赵六,2025-02-10,10.5,9.99\n孙七,2025-03-01,200,180\n";

describe("encodings and the paid amount", () => {
  test.each([
    ["GBK CSV", "gbk.csv", gbkBytes(CHINESE), "GB18030/GBK"],
    ["UTF-16 tab-separated", "utf16.txt", utf16leBytes(CHINESE.replace(/,/g, "\t")), "UTF-16LE"],
  ])("%s: 张三, 李四, 王五, 赵六, 孙七 are five customers, scored on what they paid", async (_, name, bytes, encoding) => {
    const { json } = await segmentJson(file(name, bytes));
    expect(json.encoding).toBe(encoding);
    expect(json.columns).toMatchObject({ customer: "客户ID", date: "下单时间", amount: "实付金额" });
    expect(json.customers).toBe(5);
    const byId = Object.fromEntries(json.customerList.map((c: { id: string }) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(["孙七", "张三", "李四", "王五", "赵六"].sort());
    // As of the day after the last order, 2025-03-02. 张三 paid 100.50 + 45.10 = 145.60 over two orders.
    expect(byId["张三"]).toMatchObject({ frequency: 2, monetary: 145.6, recency: days("2025-02-01", "2025-03-02") });
    // Paid total 100.50 + 70.25 + 45.10 + 30 + 9.99 + 180 = 435.84 (the gross total would be 490.50).
    expect(json.tiers.reduce((s: number, g: { revenue: number }) => s + g.revenue, 0)).toBeCloseTo(435.84, 9);
    // M breakpoints on 9.99, 30, 70.25, 145.60, 180: ranks 0.8, 1.6, 2.4, 3.2 →
    // 9.99 + 0.8·20.01 = 25.998; 30 + 0.6·40.25 = 54.15; 70.25 + 0.4·75.35 = 100.39; 145.6 + 0.2·34.4 = 152.48
    json.breaks.monetary.forEach((v: number, i: number) => expect(v).toBeCloseTo([25.998, 54.15, 100.39, 152.48][i], 9));
    expect([byId["赵六"].M, byId["王五"].M, byId["李四"].M, byId["张三"].M, byId["孙七"].M]).toEqual([1, 2, 3, 4, 5]);
  });
  test("the text output names the columns and the encoding", async () => {
    const out = await runCli(["segment", file("gbk2.csv", gbkBytes(CHINESE))]);
    expect(out.stdout).toContain("使用的列: 客户=客户ID · 日期=下单时间 · 金额=实付金额 · 编码 GB18030/GBK");
    const en = await runCli(["segment", file("gbk3.csv", gbkBytes(CHINESE)), "--lang", "en"]);
    expect(en.stdout).toContain("Columns used: customer=客户ID · date=下单时间 · amount=实付金额 · encoding GB18030/GBK");
  });
});

describe("products", () => {
  // P1 and P2 share the name "Mug": the id keeps them apart. P4 sells only after as-of (2025-01-10).
  const ORDERS = [
    "Customer ID,Order Date,Product ID,Product Name,Gross,Paid,Order ID",
    "c1,2025-01-01,P2,Mug,12,10,o1",
    "c1,2025-01-01,P1,Mug,8,8,o1",
    "c2,2025-01-02,P1,Mug,8,8,o2",
    "c3,2025-01-03,P3,Tea,30,25,o3",
    "c4,2025-01-04,P0,Spoon,10,10,o5",
    "c3,2025-02-01,P4,Cup,100,100,o4",
  ].join("\n");
  test("Product ID before Product Name; ABC over products sold before as-of, ties by id", async () => {
    const { json } = await segmentJson(file("products.csv", ORDERS), "--as-of", "2025-01-10");
    expect(json.columns).toMatchObject({ customer: "Customer ID", date: "Order Date", amount: "Paid", order: "Order ID", product: "Product ID" });
    // Before as-of: P3 25, P1 8 + 8 = 16, P0 10, P2 10 → total 61. P0 and P2 tie at 10: by id, P0 first.
    // Share before each: 0, 25/61 = 41%, 41/61 = 67% (A), 51/61 = 83.6% (B).
    expect(json.abc.map((i: { product: string; revenue: number; abcClass: string }) => [i.product, i.revenue, i.abcClass])).toEqual([
      ["P3", 25, "A"],
      ["P1", 16, "A"],
      ["P0", 10, "A"],
      ["P2", 10, "B"],
    ]);
    expect(json.abc[3].cumulativeBefore).toBeCloseTo(51 / 61, 12);
    // c1's order o1 has two lines: one order of 18.
    expect(json.customerList.find((c: { id: string }) => c.id === "c1")).toMatchObject({ frequency: 1, monetary: 18 });
  });
});

test("a title line above the header is skipped", async () => {
  const { json } = await segmentJson(file("titled.csv", "订单明细（2025年）\n\n客户ID,下单时间,实付金额(元)\na,2025-01-01,10\nb,2025-01-02,20\n"));
  expect(json.columns).toMatchObject({ customer: "客户ID", date: "下单时间", amount: "实付金额(元)" });
  expect(json.customers).toBe(2);
});

describe("order ids", () => {
  test("rows without an order id count as one order each, with a note", async () => {
    const path = file("blank-ids.csv", "customer,date,amount,order_id\na,2025-01-01,10,o1\na,2025-01-01,5,o1\na,2025-01-02,7,\na,2025-01-03,8,\nb,2025-01-01,1,o2\n");
    const { json, stderr } = await segmentJson(path);
    // a: o1 (10 + 5) plus two rows without an id → 3 orders, 30 in all; b: 1 order.
    expect(json.customerList.find((c: { id: string }) => c.id === "a")).toMatchObject({ frequency: 3, monetary: 30 });
    expect(json.orders).toBe(4);
    expect(stderr).toContain("2 行的订单号（\"order_id\"）为空，每行各算一笔订单");
    expect(json.warnings).toHaveLength(1);
  });
});

describe("slash dates", () => {
  test("month-first, settled by 7/27/2024, with times", async () => {
    const path = file("mdy.csv", "customer,date,amount\na,4/1/2025 16:25,10\nb,7/27/2024 09:00,20\nc,12/5/2024 10:00,5\n");
    const { json, stderr } = await segmentJson(path);
    // Month-first: a 2025-04-01 (the latest, so as-of 2025-04-02), b 2024-07-27, c 2024-12-05.
    expect(json.asOf).toBe("2025-04-02");
    expect(json.dateFormat).toBe("mdy");
    const recency = Object.fromEntries(json.customerList.map((c: { id: string; recency: number }) => [c.id, c.recency]));
    expect(recency).toEqual({ a: 1, b: days("2024-07-27", "2025-04-02"), c: days("2024-12-05", "2025-04-02") });
    expect(stderr).toContain("按 月/日/年 读取（依据 \"7/27/2024 09:00\"）");
  });
  test("day-first, settled by 27/7/2024", async () => {
    const { json } = await segmentJson(file("dmy.csv", "customer,date,amount\na,4/1/2025,10\nb,27/7/2024,20\n"));
    expect(json.dateFormat).toBe("dmy");
    expect(json.asOf).toBe("2025-01-05"); // a ordered on 4 January 2025
  });
  test("nothing settles them: an error naming the column; --date-format chooses", async () => {
    const path = file("either.csv", "customer,付款时间,amount\na,4/1/2025,10\nb,5/2/2025,20\n");
    const out = await runCli(["segment", path]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('日期列 "付款时间"');
    expect(out.stderr).toContain("--date-format");
    expect(out.stderr).not.toMatch(/\n\s+at /);
    const { json } = await segmentJson(path, "--date-format", "dmy");
    expect(json.asOf).toBe("2025-02-06"); // 5/2/2025 day-first is 5 February
    expect((await runCli(["segment", path, "--date-format", "ymd"])).code).toBe(2);
  });
  test("day-first and month-first values in one column: an error naming both", async () => {
    const out = await runCli(["segment", file("mixed.csv", "customer,date,amount\na,27/7/2024,10\nb,7/27/2024,20\n"), "--lang", "en"]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('column "date" holds dates that only read day-first (mixed!B2 "27/7/2024") and dates that only read month-first (mixed!B3 "7/27/2024")');
  });
});

describe("lists with nothing to use: a message, exit 1, no stack trace", () => {
  test.each([
    ["empty", "", /订单表是空的/],
    ["only blank lines", "\n\n", /订单表是空的/],
    ["header only", "customer_id,date,amount\n", /表头下没有订单行/],
    ["no readable date", "customer_id,date,amount\na,yesterday,1\nb,soon,2\n", /2 行订单中没有一行可用/],
    ["no amount column", "customer_id,date\na,2025-01-01\n", /找不到金额列/],
  ])("%s", async (name, content, message) => {
    const out = await runCli(["segment", file(`${name.replace(/ /g, "-")}.csv`, content)]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/Error|\n\s+at /);
    expect(out.stdout).toBe("");
  });
  test("as-of before every order", async () => {
    const out = await runCli(["segment", file("late.csv", "customer_id,date,amount\na,2025-01-01,1\n"), "--as-of", "2024-01-01", "--lang", "en"]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain("there are no orders before the as-of date 2024-01-01 (the first is on 2025-01-01)");
  });
});
