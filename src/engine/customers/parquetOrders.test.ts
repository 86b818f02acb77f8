/**
 * The Parquet order reader on small files written by DuckDB: hand-checked figures, the same table as the
 * delimited-text reader on the same rows exported as CSV, DuckDB's types (DATE, TIMESTAMP, DECIMAL, DOUBLE,
 * BIGINT, text), bad values named by cell, and files it must refuse with a message.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { blobBuffer, isParquet, readParquetHead, readParquetOrders } from "./parquetOrders";
import { readDelimitedOrderBytes } from "./delimitedOrders";
import { dayFromParts, type ReadOrdersResult } from "./orderTable";
import { InputError } from "../../i18n/issues";

const dir = mkdtempSync(join(tmpdir(), "kpi-parquet-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function duck(sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Writes `select` to a Parquet file (and, when asked, the same rows to a CSV) and returns its bytes as a Blob. */
async function parquetOf(name: string, select: string, options = "COMPRESSION snappy"): Promise<Blob> {
  const path = join(dir, `${name}.parquet`);
  await duck(`COPY (${select}) TO '${path}' (FORMAT parquet, ${options})`);
  return new Blob([readFileSync(path)]);
}

async function csvOf(name: string, select: string): Promise<Uint8Array> {
  const path = join(dir, `${name}.csv`);
  await duck(`COPY (${select}) TO '${path}' (FORMAT csv, HEADER true)`);
  return readFileSync(path);
}

const read = (blob: Blob, extra: Partial<Parameters<typeof readParquetOrders>[1]> = {}) => readParquetOrders(blobBuffer(blob), { sheet: "orders", source: "orders.parquet", ...extra });

async function readError(work: Promise<unknown>): Promise<InputError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

const SHOP = `SELECT * FROM (VALUES
    ('c1', DATE '2025-01-05', 12.30::DECIMAL(12,2), 'o1', 'SKU-1', '食品', 2),
    ('c2', DATE '2025-01-06', 100.00::DECIMAL(12,2), 'o2', 'SKU-2', '3C数码', 1),
    ('c1', DATE '2025-02-10', 7.05::DECIMAL(12,2), 'o3', 'SKU-1', '食品', 1),
    ('c3', DATE '2025-03-01', -20.50::DECIMAL(12,2), 'o2', 'SKU-2', '3C数码', 1),
    ('c2', DATE '2025-03-31', 0.99::DECIMAL(12,2), NULL, NULL, NULL, NULL)
  ) t(客户ID, 下单时间, 实付金额, 订单号, 商品ID, 品类, 数量)`;

test("a shop's orders: DATE, DECIMAL and text columns into the typed table, checked by hand", async () => {
  const result = await read(await parquetOf("shop", SHOP));
  const t = result.table;
  expect(t.rows).toBe(5);
  expect(t.customerIds).toEqual(["c1", "c2", "c3"]);
  expect(Array.from(t.customer)).toEqual([0, 1, 0, 2, 1]);
  expect(Array.from(t.day)).toEqual([dayFromParts(2025, 1, 5), dayFromParts(2025, 1, 6), dayFromParts(2025, 2, 10), dayFromParts(2025, 3, 1), dayFromParts(2025, 3, 31)]);
  // 12.30 → 1230 cents, 100.00 → 10000, 7.05 → 705, −20.50 → −2050, 0.99 → 99: cents, the finest unit here.
  expect(t.amountScale).toBe(100);
  expect(Array.from(t.amountMinor)).toEqual([1230, 10000, 705, -2050, 99]);
  expect(Array.from(t.amountMinor).reduce((a, b) => a + b, 0)).toBe(1230 + 10000 + 705 - 2050 + 99);
  // o2 twice is one order; the blank order id is an order of its own, and said so.
  expect(t.orderIds!.slice(0, 3)).toEqual(["o1", "o2", "o3"]);
  expect(Array.from(t.order!)).toEqual([0, 1, 2, 1, 3]);
  expect(result.warnings.map((w) => [w.code, w.params.rows])).toEqual([["blankOrderIds", 1]]);
  expect(t.productIds).toEqual(["SKU-1", "SKU-2"]);
  expect(Array.from(t.product!)).toEqual([0, 1, 0, 1, -1]);
  expect(t.categoryIds).toEqual(["食品", "3C数码"]);
  expect(Array.from(t.quantity!)).toEqual([2, 1, 1, 1, NaN]);
  expect(result.headers).toEqual({ customer: "客户ID", date: "下单时间", amount: "实付金额", order: "订单号", product: "商品ID", category: "品类", quantity: "数量" });
  expect(result.rejectedRows).toBe(0);
});

/** Every typed column of two tables, and the ids, equal. */
function expectSameTable(a: ReadOrdersResult, b: ReadOrdersResult): void {
  const plain = (r: ReadOrdersResult) => Object.fromEntries(Object.entries(r.table).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v]));
  expect(plain(a)).toEqual(plain(b));
  expect(a.headers).toEqual(b.headers);
  expect(a.rejectedRows).toBe(b.rejectedRows);
  expect(a.rejected).toEqual(b.rejected);
}

test("the same table as the CSV reader on the same rows, over several row groups", async () => {
  // 20,000 rows in row groups of 4,096 (DuckDB rounds 3,000 up to whole vectors): ids as BIGINT and text, timestamps, DOUBLE amounts, refunds, blanks.
  const select = `SELECT
      CASE WHEN i % 997 = 0 THEN NULL ELSE 'C' || (hash(i, 1) % 1500)::VARCHAR END AS customer_id,
      TIMESTAMP '2024-01-01 00:00:00' + to_seconds((hash(i, 2) % (731 * 86400))::BIGINT) AS order_time,
      round(((hash(i, 3) % 100000)::DOUBLE / 100) * CASE WHEN i % 50 = 0 THEN -1 ELSE 1 END, 2) AS paid_amount,
      (100000000000 + i // 2)::BIGINT AS order_id,
      'P' || (hash(i, 4) % 300)::VARCHAR AS sku,
      CASE WHEN i % 7 = 0 THEN NULL ELSE (1 + hash(i, 5) % 3)::INTEGER END AS quantity
    FROM range(20000) t(i)`;
  const parquet = await read(await parquetOf("many", select, "COMPRESSION snappy, ROW_GROUP_SIZE 3000"));
  const csv = readDelimitedOrderBytes(await csvOf("many", select), { sheet: "orders", source: "orders.csv" });
  expect(parquet.table.rows).toBe(20000 - Math.floor(19999 / 997) - 1);
  // The rows without a customer are named by cell, as in the CSV (row 1 is the header: i = 997 is row 999).
  expect(parquet.rejected[1].address).toBe("orders!A999");
  expectSameTable(parquet, csv);
});

test("progress after each row group, and a stop between them", async () => {
  // DuckDB writes row groups of whole 2,048-row vectors: 2048 × 4 + 1808.
  const blob = await parquetOf("groups", "SELECT 'c' || i AS customer, DATE '2025-01-01' + (i % 300)::INTEGER AS date, 10 AS amount FROM range(10000) t(i)", "ROW_GROUP_SIZE 2048");
  const seen: Array<[number, number]> = [];
  await read(blob, { onProgress: (done, total) => seen.push([done, total]) });
  expect(seen).toEqual([[2048, 10000], [4096, 10000], [6144, 10000], [8192, 10000], [10000, 10000]]);
  let groups = 0;
  await expect(read(blob, { between: () => { if (++groups === 2) throw new Error("stop"); } })).rejects.toThrow("stop");
  expect(groups).toBe(2);
});

test("text dates and amounts as the text readers read them; bad values named by cell", async () => {
  const blob = await parquetOf("text", `SELECT * FROM (VALUES ('a', '2025/3/15', '¥1,234.50'), ('b', 'soon', '10'), ('c', '20250316', 'n/a'), ('d', '2025年3月17日', '3.5万')) t(买家, 付款时间, 支付金额)`);
  const result = await read(blob);
  expect(result.table.customerIds).toEqual(["a", "d"]);
  expect(Array.from(result.table.day)).toEqual([dayFromParts(2025, 3, 15), dayFromParts(2025, 3, 17)]);
  // ¥1,234.50 has one decimal that counts (1234.5): tenths are the unit, 12345; 3.5万 is 35000 yuan = 350000 tenths.
  expect(result.table.amountScale).toBe(10);
  expect(Array.from(result.table.amountMinor)).toEqual([12345, 350000]);
  expect(result.rejected.map((r) => [r.code, r.address, r.params.text])).toEqual([
    ["badDate", "orders!B3", "soon"],
    ["badAmount", "orders!C4", "n/a"],
  ]);
});

test("17-digit ids keep every digit; the analyst's column choice is taken", async () => {
  const blob = await parquetOf("ids", `SELECT * FROM (VALUES (12345678901234567::BIGINT, DATE '2025-01-01', 5.5::DOUBLE, 1.0::DOUBLE), (12345678901234568::BIGINT, DATE '2025-01-02', 6::DOUBLE, 2.0::DOUBLE)) t(member, day, gross, net)`);
  const result = await read(blob, { choice: { customer: "member", date: "day", amount: "net" } });
  expect(result.table.customerIds).toEqual(["12345678901234567", "12345678901234568"]);
  expect(Array.from(result.table.amountMinor)).toEqual([1, 2]);
  expect(result.headers.amount).toBe("net");
});

test("the head of a file as a grid for the order step's check", async () => {
  const head = await readParquetHead(blobBuffer(await parquetOf("head", SHOP)), 3, "shop", "shop.parquet");
  expect(head.rowsTotal).toBe(5);
  expect(head.values).toEqual([
    ["客户ID", "下单时间", "实付金额", "订单号", "商品ID", "品类", "数量"],
    ["c1", new Date(Date.UTC(2025, 0, 5)), 12.3, "o1", "SKU-1", "食品", 2],
    ["c2", new Date(Date.UTC(2025, 0, 6)), 100, "o2", "SKU-2", "3C数码", 1],
    ["c1", new Date(Date.UTC(2025, 1, 10)), 7.05, "o3", "SKU-1", "食品", 1],
  ]);
});

test("files it cannot read are refused with a message naming the file", async () => {
  const zstd = await parquetOf("zstd", SHOP, "COMPRESSION zstd");
  const codec = await readError(read(zstd));
  expect(codec.issues.map((i) => [i.code, i.address, i.params.codec])).toEqual([["parquetCodec", "orders.parquet", "ZSTD"]]);
  const notParquet = await readError(read(new Blob(["客户ID,下单时间,实付金额\nc1,2025-01-01,10\n"])));
  expect(notParquet.issues.map((i) => [i.code, i.address])).toEqual([["parquetInvalid", "orders.parquet"]]);
  const missing = await readError(read(await parquetOf("nocustomer", "SELECT DATE '2025-01-01' AS date, 1 AS amount")));
  expect(missing.issues.map((i) => [i.code, i.params.field])).toEqual([["orderColumnMissing", "customer"]]);
  expect(isParquet(new Uint8Array(await zstd.slice(0, 4).arrayBuffer()))).toBe(true);
  expect(isParquet(new TextEncoder().encode("PAR"))).toBe(false);
});

test("ids read from their bytes by the text readers' rule: trimmed, Excel's guard undone, Unicode spaces too", async () => {
  const blob = await parquetOf("guarded", `SELECT * FROM (VALUES
      ('  ="00123" ', DATE '2025-01-01', 1, ' o1'),
      ('00123', DATE '2025-01-02', 2, 'o1 '),
      (chr(12288) || 'c2', DATE '2025-01-03', 3, ''),
      ('   ', DATE '2025-01-04', 4, 'o3')
    ) t(customer_id, order_date, amount, order_id)`);
  const result = await read(blob);
  // The guarded 00123 and the plain one are one customer; U+3000 (ideographic space) is trimmed as String.trim does.
  expect(result.table.customerIds).toEqual(["00123", "c2"]);
  expect(Array.from(result.table.customer)).toEqual([0, 0, 1]);
  // " o1" and "o1 " are one order; the blank order id is an order of its own.
  expect(Array.from(result.table.order!)).toEqual([0, 0, 1]);
  expect(result.rejected.map((r) => [r.code, r.address])).toEqual([["badCustomer", "orders!A5"]]);
});
