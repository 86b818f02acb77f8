/**
 * Order files as the pane reads them (a File in the Web Worker; a Blob here): the head for the order step's
 * check, then the whole file, text in GBK and UTF-16 through the byte reader, Parquet by its magic bytes, a
 * workbook refused with the way out.
 */
import { readFileSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { readOrderFile, readOrderFileHead, sheetOfFile } from "./orderFile";
import { readDelimitedOrderBytes } from "./delimitedOrders";
import { dayFromParts } from "./orderTable";
import { checkOrders } from "../../taskpane/ordersCheck";
import { InputError } from "../../i18n/issues";
import { gbkBytes, utf16leBytes } from "../../../test/helpers/encodings";

/** 3,000 orders in GBK: 600 customers, amounts with fen, a title line and a note of two cells above the header. */
function shopCsv(): string {
  const lines = ["订单明细", "导出时间,2025-12-31 23:59", "订单号,买家会员名,付款时间,实付金额,宝贝标题"];
  for (let i = 0; i < 3000; i++) {
    const day = new Date(Date.UTC(2025, 0, 1 + (i % 200))).toISOString().slice(0, 10);
    lines.push(`T${i},买家${i % 600},${day} 10:00:00,${(i % 97) + 0.5},"连衣裙, 夏季"`);
  }
  return lines.join("\r\n") + "\r\n";
}

test("a GBK CSV: the head checked like a range, then the whole file read in blocks, as the CLI reads it", async () => {
  const bytes = gbkBytes(shopCsv());
  const file = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const head = await readOrderFileHead(file, "淘宝订单.csv", 500);
  expect(head.kind).toBe("text");
  expect(head.grid.sheet).toBe("淘宝订单");
  // The title line, the note, the header and 500 rows.
  expect(head.grid.values).toHaveLength(503);
  expect(head.grid.values[2]).toEqual(["订单号", "买家会员名", "付款时间", "实付金额", "宝贝标题"]);
  expect(head.grid.values[502][4]).toBe("连衣裙, 夏季");
  const check = checkOrders(head.grid, {});
  expect(check.used).toEqual({ customer: "买家会员名", date: "付款时间", amount: "实付金额", order: "订单号", product: "宝贝标题" });
  expect([check.usableRows, check.rejectedRows]).toEqual([500, 0]);

  const progress: number[] = [];
  const read = await readOrderFile(file, "淘宝订单.csv", { onProgress: (done, total, unit) => progress.push(done / total) && expect(unit).toBe("bytes") });
  expect(read.table.rows).toBe(3000);
  expect(read.table.customerIds).toHaveLength(600);
  expect(read.encoding).toBe("GB18030/GBK");
  // Σ over i of (i mod 97) + 0.5: 30 full cycles of 0..96 (4656 each) and 0..89 (4005), plus 3000 × 0.5.
  expect(Array.from(read.table.amountMinor).reduce((a, b) => a + b, 0) / read.table.amountScale).toBe(30 * 4656 + 4005 + 1500);
  expect(progress[progress.length - 1]).toBe(1);
  expect(read.table).toEqual(readDelimitedOrderBytes(bytes, { sheet: "淘宝订单", source: "淘宝订单.csv" }).table);
});

test("the head of a large file is cut at a line's end, in UTF-16 as well", async () => {
  const lines = ["客户ID\t下单时间\t实付金额"];
  // About 1.5 MB in UTF-16: past the head's 1 MB, so the head is cut.
  for (let i = 0; i < 30000; i++) lines.push(`客户${i}\t2025-02-${String(1 + (i % 28)).padStart(2, "0")}\t${i}.25`);
  const file = new Blob([utf16leBytes(lines.join("\n")) as Uint8Array<ArrayBuffer>]);
  expect(file.size).toBeGreaterThan(1 << 20);
  const head = await readOrderFileHead(file, "unicode.txt", 40000);
  const last = head.grid.values[head.grid.values.length - 1];
  // Every row of the head is whole: three cells, the amount complete.
  expect(last).toHaveLength(3);
  expect(last[2]).toBe(`${head.grid.values.length - 2}.25`);
  const all = await readOrderFile(file, "unicode.txt");
  expect(all.table.rows).toBe(30000);
  expect(all.encoding).toBe("UTF-16LE");
  expect(all.table.day[29999]).toBe(dayFromParts(2025, 2, 1 + (29999 % 28)));
});

test("a Parquet file is recognised by its bytes, whatever its name", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-orderfile-"));
  try {
    const path = join(dir, "x.parquet");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT 'c' || (i % 3) AS customer_id, DATE '2025-01-01' + i::INTEGER AS order_date, 1.5 AS amount FROM range(10) t(i)) TO '${path}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const file = new Blob([readFileSync(path)]);
    const head = await readOrderFileHead(file, "export.dat", 4);
    expect([head.kind, head.rowsTotal, head.grid.values.length]).toEqual(["parquet", 10, 5]);
    const steps: string[] = [];
    const read = await readOrderFile(file, "export.dat", { onProgress: (done, total, unit) => steps.push(`${done}/${total} ${unit}`) });
    expect(steps).toEqual(["10/10 rows"]);
    expect(read.table.customerIds).toEqual(["c0", "c1", "c2"]);
    expect(Array.from(read.table.amountMinor)).toEqual(new Array(10).fill(15));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a workbook picked as an order file is refused with the way out", async () => {
  const zip = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])]);
  await expect(readOrderFileHead(zip, "orders.xlsx", 10)).rejects.toThrow(InputError);
  await expect(readOrderFile(zip, "orders.xlsx")).rejects.toMatchObject({ issues: [{ code: "orderFileWorkbook", address: "orders.xlsx" }] });
  expect(sheetOfFile("a.b.csv")).toBe("a.b");
  expect(sheetOfFile(".hidden")).toBe(".hidden");
});
