/** `kpi-review review --orders`: the data-source line names the columns used; the customer list is capped. */
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli, SAMPLES } from "./helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "kpi-review-orders-"));
const MONTHLY = join(dir, "monthly.csv");
copyFileSync(join(SAMPLES, "platform-2025", "monthly.csv"), MONTHLY);
const ORDERS = join(dir, "orders.csv");
writeFileSync(ORDERS, "买家,付款时间,订单金额,实付金额\na,2025-01-05,12,10\nb,2025-03-01,25,20.5\nc,2025-06-01,9,7\nb,2025-06-02,1,1\n");

test("the review names the order columns it used and lists the top customers by spend up to the cap", async () => {
  const output = join(dir, "review.xlsx");
  const out = await runCli(["review", MONTHLY, "--orders", ORDERS, "--customer-list-cap", "2", "-o", output, "--generated-at", "2026-01-01T00:00:00Z"]);
  expect(out.code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  const texts: string[] = [];
  workbook.getWorksheet("经营复盘")!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
  expect(texts.join("\n")).toContain("订单: orders.csv (客户=买家 · 日期=付款时间 · 金额=实付金额)");
  const list = workbook.getWorksheet("客户明细")!;
  expect(String(list.getCell("A1").value)).toContain("按消费金额列出前 2 位客户（共 3 位）");
  // b paid 20.5 + 1 = 21.5, a 10, c 7: the top two are b and a.
  expect([list.getCell("A4").value, list.getCell("D4").value, list.getCell("A5").value, list.getCell("D5").value]).toEqual(["b", 21.5, "a", 10]);
  expect(list.getCell("A6").value).toBeNull();
  expect((await runCli(["review", MONTHLY, "--orders", ORDERS, "--customer-list-cap", "-1", "-o", join(dir, "x.xlsx")])).code).toBe(2);
});

test("a long customer list (written past exceljs) reads back whole: every row, the table's range, styles", async () => {
  // 1,200 customers: c0000 spends 1.00, c0001 2.00, …; names with characters XML must escape.
  const lines = ["customer_id,date,amount"];
  for (let i = 0; i < 1200; i++) lines.push(`${i === 7 ? '"a<b&c>"' : `c${String(i).padStart(4, "0")}`},2025-0${1 + (i % 9)}-15,${i + 1}`);
  const orders = join(dir, "many.csv");
  writeFileSync(orders, lines.join("\n") + "\n");
  const output = join(dir, "many.xlsx");
  expect((await runCli(["review", MONTHLY, "--orders", orders, "-o", output, "--as-of", "2025-10-01"])).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  const list = workbook.getWorksheet("客户明细")!;
  // All 1,200 fit under the cap: first-order order, from row 2 (the header is row 1) to row 1201.
  expect(list.getCell("A2").value).toBe("c0000");
  expect(list.getCell("A9").value).toBe("a<b&c>");
  expect([list.getCell("A1201").value, list.getCell("D1201").value, list.getCell("D1201").numFmt]).toEqual(["c1199", 1200, "#,##0.00"]);
  expect(list.getCell("A1202").value).toBeNull();
  const table = list.getTable("客户明细表") as unknown as { table: { tableRef?: string; ref?: string } };
  expect(table.table.tableRef ?? table.table.ref).toBe("A1:J1201");
});
