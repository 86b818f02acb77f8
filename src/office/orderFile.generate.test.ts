/**
 * Generate with an order file picked in the pane (read and segmented off the workbook; here in-line, as where
 * no Worker exists) writes the same customer sheets as the same orders chosen as a range, the data-source line
 * names the file, no order row lands in the workbook, and Cancel while the file is read leaves it as it was.
 */
import { FakeExcel } from "../../test/helpers/fakeExcel";
import { gbkBytes } from "../../test/helpers/encodings";
import { generateReview, type OrderFileSource } from "./generateReview";
import { defaultChoices } from "./choices";
import { segmentFileInWorker } from "./segmentInWorker";

/** 400 order lines of 90 customers over 2024–2025, with a 品类 and refunds; some order ids repeat (multi-line orders). */
function orderRows(): unknown[][] {
  const rows: unknown[][] = [["订单号", "买家会员名", "付款时间", "实付金额", "品类"]];
  for (let i = 0; i < 400; i++) {
    const day = new Date(Date.UTC(2024, 0, 1 + ((i * 53) % 720))).toISOString().slice(0, 10);
    const amount = i % 37 === 0 ? -((i % 50) + 0.5) : ((i * 131) % 900) + 0.25 * (i % 4);
    rows.push([`T${Math.floor(i / 2)}`, `买家${(i * 7) % 90}`, day, amount, i % 3 === 0 ? "服饰" : "食品"]);
  }
  return rows;
}

const csvOf = (rows: unknown[][]) => rows.map((row) => row.join(",")).join("\r\n") + "\r\n";

function fileSource(file: File): OrderFileSource {
  return { name: file.name, segment: (choice, settings, run) => segmentFileInWorker(file, choice, settings, run) };
}

/** Every cell of a sheet, by address key. */
function cellsOf(excel: FakeExcel, sheet: string): Map<string, unknown> {
  return new Map([...excel.sheet(sheet)!.cells].map(([key, cell]) => [key, cell.formula]));
}

const NOW = new Date("2026-01-05T00:00:00Z");

test("an order file gives the same customer sheets as the same orders as a range; the source line names the file", async () => {
  const rows = orderRows();
  const choices = { ...defaultChoices("zh"), data: null, period: { from: "2025-01", to: "2025-12" } };

  const range = new FakeExcel();
  range.addSheet("订单", rows);
  await generateReview(range.context, { ...choices, orders: { kind: "range", sheet: "订单", address: "A1:E401" } }, { capabilities: range.capabilities, now: NOW });

  const fromFile = new FakeExcel();
  fromFile.addSheet("我的笔记", [["keep me"]]);
  const file = new File([gbkBytes(csvOf(rows)) as Uint8Array<ArrayBuffer>], "订单导出.csv");
  const progress: Array<[string, number, number | undefined]> = [];
  const result = await generateReview(fromFile.context, { ...choices, orders: null }, {
    capabilities: fromFile.capabilities,
    now: NOW,
    orderFile: fileSource(file),
    onProgress: (stage, _fraction, counts) => progress.push([stage, counts.bytesRead ?? -1, counts.bytesTotal]),
  });

  const sheets = ["用户分层", "客户明细", "新老客与留存", "品类"];
  expect(result.write.sheets).toEqual(expect.arrayContaining(sheets));
  for (const sheet of sheets) expect([sheet, cellsOf(fromFile, sheet)]).toEqual([sheet, cellsOf(range, sheet)]);
  // The review sheet differs only in its data-source line: the file (and its encoding) instead of the sheet.
  const source = (excel: FakeExcel) => [...cellsOf(excel, "经营复盘").values()].find((v) => typeof v === "string" && v.includes("买家会员名")) as string;
  expect(source(range)).toContain("订单 (客户=买家会员名");
  expect(source(fromFile)).toContain("订单导出.csv (客户=买家会员名");
  expect(source(fromFile)).toContain("GB18030/GBK");
  // Bytes read, reported against the file's size; then the worker computes.
  expect(progress.find(([stage, read]) => stage === "computing" && read >= 0)).toEqual(["computing", file.size, file.size]);
  // Nothing of the file in the workbook: no sheet holds an order id.
  for (const sheet of fromFile.sheets) for (const value of cellsOf(fromFile, sheet.name).values()) expect(typeof value === "string" && /^T\d+$/.test(value)).toBe(false);
  expect(fromFile.cell("我的笔记", "A1")).toBe("keep me");
});

test("Cancel while an order file is read leaves the workbook as it was", async () => {
  const excel = new FakeExcel();
  excel.addSheet("我的笔记", [["keep me"]]);
  const before = excel.sheets.map((s) => s.name);
  // Over 1 MB, so that the reader stops between blocks.
  const rows = [orderRows()[0], ...Array.from({ length: 40000 }, (_, i) => [`T${i}`, `买家${i % 500}`, "2025-03-01", 10 + (i % 7), "食品"])];
  const file = new File([csvOf(rows)], "big.csv");
  expect(file.size).toBeGreaterThan(1 << 20);
  const signal = { aborted: false };
  const job = generateReview(excel.context, { ...defaultChoices("en"), data: null, orders: null }, {
    capabilities: excel.capabilities,
    signal,
    orderFile: fileSource(file),
    onProgress: (_stage, _fraction, counts) => {
      if ((counts.bytesRead ?? 0) > 0) signal.aborted = true;
    },
  });
  await expect(job).rejects.toMatchObject({ name: "AbortError" });
  expect(excel.sheets.map((s) => s.name)).toEqual(before);
});

test("without the file (the ribbon, a colleague's pane), a review whose orders came from a file asks for it again", async () => {
  const excel = new FakeExcel();
  excel.addSheet("我的笔记", [["keep me"]]);
  const choices = { ...defaultChoices("zh"), data: null, orders: null, orderFile: "orders.parquet" };
  await expect(generateReview(excel.context, choices, { capabilities: excel.capabilities })).rejects.toMatchObject({ issues: [{ code: "orderFileAgain", address: "orders.parquet" }] });
  expect(excel.sheets.map((s) => s.name)).toEqual(["我的笔记"]);
});
