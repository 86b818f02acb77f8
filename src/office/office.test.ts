/**
 * The Office.js adapter against a fake Excel host built on office-addin-mock (test/helpers/fakeExcel.ts):
 * block reads, batched writes, replacing only the add-in's own sheets, failure mid-write, saved choices, and
 * the whole "Generate review sheet" job on the sample data.
 */
import { FakeExcel } from "../../test/helpers/fakeExcel";
import { readGrid } from "./readGrid";
import { writeReviewWorkbook, freeName, ReviewWriteError, GENERATED_SHEETS_SETTING } from "./writeWorkbook";
import { defaultChoices, loadChoices, saveChoices } from "./choices";
import { generateReview } from "./generateReview";
import { sampleSheet } from "../../test/helpers/cli";
import type { WorkbookSpec } from "../engine/review/workbookSpec";

const ALL = { isSetSupported: () => true };
const csv = sampleSheet;

function numbers(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => r * cols + c + 1));
}

describe("reading in blocks", () => {
  test.each([1000, 2000])("%d rows: one sync to resolve the range, then one per block of ≤ 1,000 cells", async (rows) => {
    const excel = new FakeExcel();
    const data = numbers(rows, 5);
    excel.addSheet("数据", data, { row: 2, col: 1 });
    excel.selection = { sheet: "数据", address: "B1:F1048576" }; // whole columns: clipped to the used range
    const progress: number[] = [];
    const grid = await readGrid(excel.context, { kind: "selection" }, 1000, (done, total) => progress.push(done / total));
    expect(progress[progress.length - 1]).toBe(1);
    expect(Math.max(...progress)).toBe(1);
    expect(grid.values).toEqual(data);
    expect(grid.origin).toEqual({ row: 2, col: 1 });
    expect(grid.sheet).toBe("数据");
    const blocks = rows / 200;
    expect(excel.syncs).toBe(1 + blocks);
    expect(excel.requestCells.slice(1)).toEqual(new Array(blocks).fill(1000));
  });

  test("tables and named ranges", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S", [["月份", "GMV"], ["2025-01", 1], ["2025-02", 2]]);
    excel.tables.set("月度表", { sheet: "S", address: "A1:B3" });
    excel.names.set("月度数据", { sheet: "S", address: "A1:B2" });
    expect((await readGrid(excel.context, { kind: "table", name: "月度表" })).values).toHaveLength(3);
    expect((await readGrid(excel.context, { kind: "name", name: "月度数据" })).values).toEqual([["月份", "GMV"], ["2025-01", 1]]);
    await expect(readGrid(excel.context, { kind: "table", name: "nope" })).rejects.toThrow(/ItemNotFound/);
  });

  test("an empty selection reads as an empty grid", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Empty");
    excel.selection = { sheet: "Empty", address: "A1:C3" };
    expect((await readGrid(excel.context, { kind: "selection" })).values).toEqual([]);
  });
});

const smallSpec = (title: string): WorkbookSpec => ({
  generator: "kpi-review",
  sheets: [
    {
      name: "经营复盘", cells: [{ row: 0, col: 0, value: title, style: "title" }, { row: 1, col: 0, value: 2 }, { row: 1, col: 1, formula: "A2*2", expected: 4, format: "0.0%" }, { row: 2, col: 0, value: "=not a formula" }],
      merges: ["A1:C1"], columnWidths: [20], rowHeights: { 0: 26 }, conditionalFormats: [{ range: "B2", rule: { kind: "formula", formula: "B2>1" }, colour: "good" }], charts: [], tables: [], print: { landscape: true, fitToWidth: true },
    },
    {
      name: "月度趋势", cells: numbers(30, 4).flatMap((row, r) => row.map((v, c) => ({ row: r, col: c, value: v }))),
      merges: [], columnWidths: [], rowHeights: {}, conditionalFormats: [], tables: [], print: { landscape: true, fitToWidth: true }, freeze: { rows: 1, cols: 0 },
      charts: [{ kind: "columnLine", title: "趋势", categories: "A1:A30", categoryCache: [], series: [{ name: { text: "AC" }, values: "B1:B30", cache: [] }, { name: { text: "PL" }, values: "C1:C30", cache: [], as: "line" }], anchor: { row: 0, col: 5, rows: 10, cols: 5 } }],
    },
  ],
});

describe("writing the review", () => {
  test("values and formulas in blocks of ≤ N cells, formats, merges, conditional formats, charts; sheets marked as the add-in's", async () => {
    const excel = new FakeExcel();
    excel.addSheet("我的数据", [["keep me"]]);
    const result = await writeReviewWorkbook(excel.context, smallSpec("v1"), { lang: "zh", capabilities: ALL, cellsPerWrite: 40 });
    expect(result.sheets).toEqual(["经营复盘", "月度趋势"]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["我的数据", "经营复盘", "月度趋势"]);
    expect(excel.cell("经营复盘", "B2")).toBe("=A2*2");
    expect([excel.cell("经营复盘", "A3"), excel.cellType("经营复盘", "A3")]).toEqual(["=not a formula", "text"]);
    expect(excel.sheet("经营复盘")!.cells.get("1,1")!.format).toBe("0.0%");
    expect(excel.sheet("经营复盘")!.merges).toEqual(["A1:C1"]);
    expect(excel.sheet("经营复盘")!.conditionalFormats).toEqual([{ range: "B2:B2", formula: "=B2>1", fill: "#C6EFCE" }]);
    expect(excel.sheet("月度趋势")!.charts).toEqual([{ type: "ColumnClustered", title: "趋势", series: [{ name: "AC", values: "B1:B30", chartType: undefined }, { name: "PL", values: "C1:C30", chartType: "Line" }] }]);
    expect(excel.cell("月度趋势", "D30")).toBe(120);
    // 30 rows × 4 columns in blocks of 10 rows: no request writes more than 40 cells.
    expect(Math.max(...excel.requestCells)).toBeLessThanOrEqual(40);
    expect(JSON.parse(excel.settings.get(GENERATED_SHEETS_SETTING)!).sheets.map((s: { id: string }) => s.id)).toEqual(excel.sheets.slice(1).map((s) => s.id));
    expect(excel.cell("我的数据", "A1")).toBe("keep me");
  });

  test("the number of syncs grows only with the blocks", async () => {
    const syncsFor = async (cellsPerWrite: number) => {
      const excel = new FakeExcel();
      await writeReviewWorkbook(excel.context, smallSpec("v"), { lang: "zh", capabilities: ALL, cellsPerWrite });
      return excel.syncs;
    };
    // The trend sheet's 30 × 4 cells take 3 blocks of 40 instead of 1 block of 1,000; everything else is constant.
    expect((await syncsFor(40)) - (await syncsFor(1000))).toBe(2);
    expect((await syncsFor(20)) - (await syncsFor(1000))).toBe(5);
  });

  test("generating again replaces only the add-in's own sheets; a user's sheet with the same name is never touched", async () => {
    const excel = new FakeExcel();
    await writeReviewWorkbook(excel.context, smallSpec("v1"), { lang: "zh", capabilities: ALL });
    const firstIds = excel.sheets.map((s) => s.id);
    expect(JSON.parse(excel.settings.get(GENERATED_SHEETS_SETTING)!).sheets.map((s: { id: string }) => s.id)).toEqual(firstIds);
    excel.addSheet("月度趋势 (2)", [["a user's sheet"]]);
    // Which sheets are ours is decided by the ids kept in the settings, never by names.
    await writeReviewWorkbook(excel.context, smallSpec("v2"), { lang: "zh", capabilities: ALL });
    expect(excel.sheets.map((s) => s.name)).toEqual(["月度趋势 (2)", "经营复盘", "月度趋势"]);
    expect(excel.sheets.some((s) => firstIds.includes(s.id))).toBe(false);
    expect(excel.cell("经营复盘", "A1")).toBe("v2");
    expect(excel.cell("月度趋势 (2)", "A1")).toBe("a user's sheet");

    const withUserSheet = new FakeExcel();
    withUserSheet.addSheet("经营复盘", [["the analyst's own review"]]);
    const result = await writeReviewWorkbook(withUserSheet.context, smallSpec("v1"), { lang: "zh", capabilities: ALL });
    expect(result.sheets).toEqual(["经营复盘 (2)", "月度趋势"]);
    expect(withUserSheet.cell("经营复盘", "A1")).toBe("the analyst's own review");
  });

  test("a failure mid-write leaves the workbook as it was, plus one sheet marked incomplete", async () => {
    const excel = new FakeExcel();
    excel.addSheet("我的数据", [["keep me"]]);
    await writeReviewWorkbook(excel.context, smallSpec("v1"), { lang: "zh", capabilities: ALL });
    const before = excel.sheets.map((s) => ({ id: s.id, name: s.name, cells: [...s.cells] }));
    const settingsBefore = new Map(excel.settings);
    excel.failWhen = (op) => op.kind === "formulas" && op.detail.endsWith("!A11:D20"); // the second sheet's second block
    const error = await writeReviewWorkbook(excel.context, smallSpec("v2"), { lang: "zh", capabilities: ALL, cellsPerWrite: 40 }).catch((e) => e);
    expect(error).toBeInstanceOf(ReviewWriteError);
    expect((error as ReviewWriteError).incompleteSheet).toBe("月度趋势 (未完成)");
    expect((error as Error).message).toMatch(/simulated/);
    const after = excel.sheets.map((s) => ({ id: s.id, name: s.name, cells: [...s.cells] }));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((s) => s.name)).toEqual(["月度趋势 (未完成)"]);
    expect(excel.settings).toEqual(settingsBefore);
  });

  test("free names", () => {
    expect(freeName("经营复盘", ["Sheet1"])).toBe("经营复盘");
    expect(freeName("Review", ["review", "Review (2)"])).toBe("Review (3)");
    expect(freeName("x".repeat(31), ["x".repeat(31)])).toHaveLength(31);
  });
});

describe("the analyst's choices", () => {
  test("round-trip through the workbook's settings", async () => {
    const excel = new FakeExcel();
    expect(await loadChoices(excel.context)).toBeNull();
    const choices = { ...defaultChoices("en"), data: { kind: "table", name: "Monthly" } as const, period: { from: "2025-06", to: "2025-10" }, overrides: { 成交金额: { kind: "metric", key: "gmv" } as const } };
    await saveChoices(excel.context, choices);
    expect(await loadChoices(excel.context)).toEqual(choices);
    excel.settings.set("kpiReview.choices", "{not json");
    expect(await loadChoices(excel.context)).toBeNull();
  });
});

describe("Generate review sheet, end to end on the fake host", () => {
  test("the platform sample: reads the ranges, writes the review, remembers the choices", async () => {
    const excel = new FakeExcel();
    excel.addSheet("月度数据", csv("platform-2025/monthly.csv"));
    excel.addSheet("目标", csv("platform-2025/targets.csv"));
    const choices = { ...defaultChoices("zh"), data: { kind: "range", sheet: "月度数据", address: "A1:L25" } as const, targets: { kind: "range", sheet: "目标", address: "A1:C11" } as const };
    const stages = new Set<string>();
    const result = await generateReview(excel.context, choices, { capabilities: ALL, now: new Date("2026-01-05T09:00:00Z"), onProgress: (stage) => stages.add(stage) });
    expect(result.write.sheets).toEqual(["经营复盘", "月度趋势", "渠道结构"]);
    expect([...stages]).toEqual(["reading", "computing", "writing"]);
    expect(excel.cell("经营复盘", "A6")).toBe("GMV");
    expect(excel.cell("经营复盘", "D6")).toBe(2860000000);
    expect(String(excel.cell("经营复盘", "E6"))).toMatch(/^=IF\(ISNUMBER\(C6\)/);
    expect(excel.sheet("经营复盘")!.charts.map((c) => c.type)).toEqual(["ColumnStacked"]);
    expect(await loadChoices(excel.context)).toEqual(choices);
    // Nothing the engine wrote is a custom function.
    for (const sheet of excel.sheets) for (const cell of sheet.cells.values()) expect(String(cell.formula)).not.toMatch(/KPI\./);
  });

  test("a review from an order range alone: products, categories, customers over time with a colour scale", async () => {
    const excel = new FakeExcel();
    excel.addSheet("订单", [
      ["下单时间", "客户ID", "订单号", "商品ID", "品类", "数量", "实付金额"],
      ["2024-01-05", "A", "O1", "P1", "X", 2, 80],
      ["2024-02-20", "B", "O2", "P2", "Y", 1, 150],
      ["2025-01-10", "A", "O4", "P1", "X", 1, 40],
      ["2025-01-15", "C", "O5", "P2", "Y", 2, 300],
      ["2025-02-03", "C", "O7", "P1", "X", 3, 120],
      ["2025-02-10", "D", "O8", "P4", "Z", 1, 250],
    ]);
    const choices = { ...defaultChoices("zh"), data: null, orders: { kind: "range", sheet: "订单", address: "A1:G7" } as const };
    const result = await generateReview(excel.context, choices, { capabilities: ALL, now: new Date("2025-03-01T00:00:00Z") });
    // 品类 joins once the pane's order reader carries the category column (the order reader's typed columns).
    expect(result.write.sheets).toEqual(expect.arrayContaining(["经营复盘", "月度趋势", "商品", "新老客与留存", "用户分层", "客户明细"]));
    // GMV 2025 = 40 + 300 + 120 + 250 = 710, from the orders.
    expect(excel.cell("经营复盘", "A6")).toBe("GMV");
    expect(excel.cell("经营复盘", "D6")).toBe(710);
    const retention = excel.sheet("新老客与留存")!;
    expect(retention.conditionalFormats.some((cf) => cf.formula.startsWith("colorScale:") && cf.formula.includes("LowestValue"))).toBe(true);
    expect(retention.charts.map((c) => [c.type, c.seriesBy])).toEqual([["ColumnStacked", undefined], ["Line", "Rows"]]);
    expect(excel.sheet("商品")!.charts[0].series[1]).toMatchObject({ chartType: "Line", axisGroup: "Secondary" });
  });

  test("bad input is reported by cell and nothing is written", async () => {
    const excel = new FakeExcel();
    excel.addSheet("月度数据", [["月份", "GMV"], ["2025-01", "lots"]]);
    const choices = { ...defaultChoices("zh"), data: { kind: "range", sheet: "月度数据", address: "A1:B2" } as const };
    await expect(generateReview(excel.context, choices, { capabilities: ALL })).rejects.toMatchObject({ issues: [{ code: "badNumber", address: "月度数据!B2" }] });
    expect(excel.sheets.map((s) => s.name)).toEqual(["月度数据"]);
  });
});
