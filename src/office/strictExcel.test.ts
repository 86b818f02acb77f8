/**
 * The Office.js adapter against the strict fake host (test/helpers/fakeExcel.ts): what real Excel does to a
 * lenient adapter. Each test names the issue-10 item it covers; each failed on the adapter before the fix.
 */
import { FakeExcel } from "../../test/helpers/fakeExcel";
import { writeReviewWorkbook } from "./writeWorkbook";
import { readGrid } from "./readGrid";
import { generateFromSavedSettings } from "./ribbon";
import { defaultChoices, saveChoices } from "./choices";
import { lastRun } from "./lastRun";
import { sampleSheet } from "../../test/helpers/cli";
import type { SheetSpec, WorkbookSpec } from "../engine/review/workbookSpec";

const sheetSpec = (name: string, extra: Partial<SheetSpec> = {}): SheetSpec => ({
  name, cells: [], merges: [], columnWidths: [], rowHeights: {}, conditionalFormats: [], charts: [], tables: [], print: { landscape: true, fitToWidth: true }, ...extra,
});

const reviewSpec = (title: string, rows = 4): WorkbookSpec => ({
  generator: "kpi-review",
  sheets: [
    sheetSpec("经营复盘", {
      cells: [
        { row: 0, col: 0, value: title },
        { row: 5, col: 3, value: 2860000000, format: "#,##0" },
        { row: 5, col: 4, formula: "D6*2", expected: 5720000000 },
      ],
      charts: [{ kind: "column", title: "GMV", categories: "A1:A2", categoryCache: [], series: [{ name: { text: "AC" }, values: "D6:D7", cache: [] }], anchor: { row: 8, col: 0, rows: 5, cols: 5 }, valueFormat: '0.0,,"万"' }],
    }),
    sheetSpec("客户明细", {
      tables: [{ name: "客户明细表", row: 0, col: 0, header: ["客户ID", "月份", "金额"], rows: Array.from({ length: rows }, (_, i) => [`00012${i}`, `2025-0${(i % 9) + 1}`, 100 + i]) }],
    }),
  ],
});

describe("issue 10 against the strict fake host", () => {
  test("1. regenerating with a customer table does not reuse the table name while the old table exists", async () => {
    const excel = new FakeExcel();
    await writeReviewWorkbook(excel.context, reviewSpec("v1"), { lang: "zh", capabilities: excel.capabilities });
    const second = await writeReviewWorkbook(excel.context, reviewSpec("v2"), { lang: "zh", capabilities: excel.capabilities });
    expect(second.sheets).toEqual(["经营复盘", "客户明细"]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["经营复盘", "客户明细"]);
    // Once the old table is gone, the new one takes the spec's name back.
    expect(excel.sheet("客户明细")!.tables.map((t) => t.name)).toEqual(["客户明细表"]);
  });

  test("1. a workbook name that equals the table's name does not make the write fail", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Mine", [[1]]);
    excel.names.set("客户明细表", { sheet: "Mine", address: "A1" });
    await writeReviewWorkbook(excel.context, reviewSpec("v1"), { lang: "zh", capabilities: excel.capabilities });
    expect(excel.sheet("客户明细")!.tables.map((t) => t.name)).toEqual(["客户明细表_2"]);
  });

  test("2. text is written as text: month labels, leading-zero and long ids, + and - and = texts; numbers stay numbers", async () => {
    const excel = new FakeExcel();
    const spec = reviewSpec("v1");
    spec.sheets[0].cells.push(
      { row: 1, col: 0, value: "2025-01" },
      { row: 1, col: 1, value: "1234567890123456789" },
      { row: 1, col: 2, value: "+站外" },
      { row: 1, col: 3, value: "-其他" },
      { row: 1, col: 4, value: "=not a formula" },
      { row: 1, col: 5, value: 45658, format: "yyyy-mm" },
    );
    await writeReviewWorkbook(excel.context, spec, { lang: "zh", capabilities: excel.capabilities });
    const row2 = ["A2", "B2", "C2", "D2", "E2", "F2"].map((a) => [excel.cell("经营复盘", a), excel.cellType("经营复盘", a)]);
    expect(row2).toEqual([["2025-01", "text"], ["1234567890123456789", "text"], ["+站外", "text"], ["-其他", "text"], ["=not a formula", "text"], [45658, "number"]]);
    expect([excel.cell("客户明细", "A2"), excel.cell("客户明细", "B2"), excel.cell("客户明细", "C2")]).toEqual(["000120", "2025-01", 100]);
    expect(excel.cellType("经营复盘", "D6")).toBe("number");
    expect([excel.cell("经营复盘", "E6"), excel.cellType("经营复盘", "E6")]).toEqual(["=D6*2", "formula"]);
  });

  test("4. a failure while swapping leaves one complete review: the old one before the new takes its names", async () => {
    const excel = new FakeExcel();
    await writeReviewWorkbook(excel.context, reviewSpec("v1"), { lang: "zh", capabilities: excel.capabilities });
    excel.failWhen = (op) => op.kind === "renameSheet" && / → 客户明细$/.test(op.detail);
    await expect(writeReviewWorkbook(excel.context, reviewSpec("v2"), { lang: "zh", capabilities: excel.capabilities })).rejects.toThrow(/simulated/);
    expect(excel.sheets.map((s) => s.name)).toEqual(["经营复盘", "客户明细"]);
    expect(excel.cell("经营复盘", "A1")).toBe("v1");
    expect(excel.sheet("客户明细")!.tables.map((t) => t.name)).toEqual(["客户明细表"]);
  });

  test("4. a failure while deleting the old sheets leaves the new review complete, never none", async () => {
    const excel = new FakeExcel();
    await writeReviewWorkbook(excel.context, reviewSpec("v1"), { lang: "zh", capabilities: excel.capabilities });
    excel.failWhen = (op) => op.kind === "deleteSheet";
    const result = await writeReviewWorkbook(excel.context, reviewSpec("v2"), { lang: "zh", capabilities: excel.capabilities }).catch((e: Error) => e);
    expect(result).not.toBeInstanceOf(Error);
    expect(excel.sheets.map((s) => s.name).sort()).toEqual(["客户明细", "客户明细 ~old", "经营复盘", "经营复盘 ~old"].sort());
    expect(excel.cell("经营复盘", "A1")).toBe("v2");
    expect((result as { leftovers: string[] }).leftovers).toEqual(["经营复盘 ~old", "客户明细 ~old"]);
    // The next run removes what was left over.
    await writeReviewWorkbook(excel.context, reviewSpec("v3"), { lang: "zh", capabilities: excel.capabilities });
    expect(excel.sheets.map((s) => s.name)).toEqual(["经营复盘", "客户明细"]);
  });

  test("4. user formulas that pointed at the old review point at the new one afterwards, not at #REF!", async () => {
    const excel = new FakeExcel();
    await writeReviewWorkbook(excel.context, reviewSpec("v1"), { lang: "zh", capabilities: excel.capabilities });
    // Adjacent formula cells come back from special cells as one area (A1:C1).
    excel.addSheet("我的看板", [["=经营复盘!D6/1e8", "='客户明细'!C2", "=1+1"], [null, "=SUM(客户明细!C2:C5)"]]);
    const result = await writeReviewWorkbook(excel.context, reviewSpec("v2"), { lang: "zh", capabilities: excel.capabilities });
    expect([excel.cell("我的看板", "A1"), excel.cell("我的看板", "B1"), excel.cell("我的看板", "C1"), excel.cell("我的看板", "B2")]).toEqual(["=经营复盘!D6/1e8", "='客户明细'!C2", "=1+1", "=SUM(客户明细!C2:C5)"]);
    expect(result.brokenFormulas).toEqual([]);
  });

  test("4. below ExcelApi 1.9 the formulas cannot be found: the result says it could not check", async () => {
    const excel = new FakeExcel({ apiVersion: "1.8" });
    await writeReviewWorkbook(excel.context, reviewSpec("v1"), { lang: "zh", capabilities: excel.capabilities });
    excel.addSheet("我的看板", [["=经营复盘!D6/1e8"]]);
    const result = await writeReviewWorkbook(excel.context, reviewSpec("v2"), { lang: "zh", capabilities: excel.capabilities });
    expect(result.brokenFormulas).toBeNull();
    expect(excel.cell("我的看板", "A1")).toBe("=#REF!D6/1e8");
  });

  test("5. the ribbon's run waits while the user edits a cell instead of failing", async () => {
    const excel = new FakeExcel();
    excel.addSheet("数据", sampleSheet("shop-2025q3/monthly.csv"));
    Object.assign(globalThis, { Excel: { run: excel.run }, Office: { context: { requirements: excel.capabilities }, addin: { showAsTaskpane: async () => undefined } } });
    try {
      await saveChoices(excel.context, { ...defaultChoices("en"), data: { kind: "range", sheet: "数据", address: "A1:L11" }, period: { from: "2025-06", to: "2025-10" } });
      excel.editingCell = true;
      setTimeout(() => excel.endCellEdit(), 5);
      await generateFromSavedSettings();
      expect(lastRun()).toMatchObject({ ok: true, sheets: ["Review", "Monthly trend", "Channels"] });
    } finally {
      delete (globalThis as { Excel?: unknown }).Excel;
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  test("6. formulas are recalculated once after the write; screen updating is suspended once per sync that needs it, not per block", async () => {
    const excel = new FakeExcel();
    await writeReviewWorkbook(excel.context, reviewSpec("v1", 200), { lang: "zh", capabilities: excel.capabilities, cellsPerWrite: 30 });
    expect(excel.stale).toBe(false);
    expect(excel.calculations).toBe(1);
    expect(Math.max(...excel.screenSuspensionsPerSync)).toBe(1);
    // 200 rows in blocks of 10: 20+ block syncs, but screen updating is suspended only for the layout of each
    // sheet and the swap.
    expect(excel.syncs).toBeGreaterThan(20);
    expect(excel.screenSuspensions).toBeLessThanOrEqual(4);
  });

  test("11. the review is written on a host with ExcelApi 1.8, the set the manifest declares", async () => {
    const excel = new FakeExcel({ apiVersion: "1.8" });
    const result = await writeReviewWorkbook(excel.context, reviewSpec("v1"), { lang: "zh", capabilities: excel.capabilities });
    expect(result.sheets).toEqual(["经营复盘", "客户明细"]);
    excel.reopen();
    await writeReviewWorkbook(excel.context, reviewSpec("v2"), { lang: "zh", capabilities: excel.capabilities });
    expect(excel.sheets.map((s) => s.name)).toEqual(["经营复盘", "客户明细"]);
  });

  test("12. value axes get the spec's number format (万/亿)", async () => {
    const excel = new FakeExcel();
    await writeReviewWorkbook(excel.context, reviewSpec("v1"), { lang: "zh", capabilities: excel.capabilities });
    expect(excel.sheet("经营复盘")!.charts[0].valueFormat).toBe('0.0,,"万"');
  });

  test("13. own sheets are found after reopening (sheet ids changed): regenerate replaces them, no duplicates", async () => {
    const excel = new FakeExcel();
    await writeReviewWorkbook(excel.context, reviewSpec("v1"), { lang: "zh", capabilities: excel.capabilities });
    excel.reopen();
    await writeReviewWorkbook(excel.context, reviewSpec("v2"), { lang: "zh", capabilities: excel.capabilities });
    expect(excel.sheets.map((s) => s.name)).toEqual(["经营复盘", "客户明细"]);
    expect(excel.cell("经营复盘", "A1")).toBe("v2");
  });

  test("13. a copy the analyst made of an own sheet is not taken for the add-in's", async () => {
    const excel = new FakeExcel();
    await writeReviewWorkbook(excel.context, reviewSpec("v1"), { lang: "zh", capabilities: excel.capabilities });
    const copy = excel.addSheet("经营复盘 (2)", [["my copy"]]);
    copy.customProperties = new Map(excel.sheet("经营复盘")!.customProperties);
    excel.reopen();
    await writeReviewWorkbook(excel.context, reviewSpec("v2"), { lang: "zh", capabilities: excel.capabilities });
    expect(excel.cell("经营复盘 (2)", "A1")).toBe("my copy");
  });

  test("reading: a monthly range is still read whole (all its columns are used)", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S", [["月份", "GMV"], ["2025-01", 1]]);
    expect((await readGrid(excel.context, { kind: "range", sheet: "S", address: "A1:B2" })).values).toEqual([["月份", "GMV"], ["2025-01", 1]]);
  });
});
