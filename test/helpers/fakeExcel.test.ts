/**
 * The strict fake Excel host's own rules (the team relies on it to stand for Excel): typed input, unique
 * table/defined names, batches that are not transactions, sheet-name rules, cell-edit mode, request bytes and
 * their cap, recalculation after suspended calculation, ExcelApi versions, sheet ids that change on reopening.
 */
import { FakeExcel, jsonBytes, sheetNameProblem } from "./fakeExcel";
import { typeIn, dateSerial } from "./typedInput";

describe("strings are parsed like typed input", () => {
  test("dates, leading zeros, 16+ digits, formulas and booleans", () => {
    // 2025-01-01 is serial 45658: 1970-01-01 is 25569, plus 20089 days (55 years with 14 leap days: 55·365 + 14).
    expect(dateSerial(2025, 1, 1)).toBe(25569 + 55 * 365 + 14);
    expect(typeIn("2025-01")).toEqual({ type: "number", value: 45658, format: "mmm-yy" });
    expect(typeIn("2025/1/31")).toEqual({ type: "number", value: 45688, format: "yyyy-mm-dd" });
    expect(typeIn("2025年1月")).toMatchObject({ type: "number", value: 45658 });
    expect(typeIn("000123")).toEqual({ type: "number", value: 123 });
    expect(typeIn("1234567890123456789")).toEqual({ type: "number", value: 1234567890123460000 });
    expect(typeIn("+1")).toEqual({ type: "number", value: 1 });
    expect(typeIn("-2")).toEqual({ type: "number", value: -2 });
    expect(typeIn("=A1*2")).toEqual({ type: "formula", value: "=A1*2" });
    expect(typeIn("+渠道")).toEqual({ type: "formula", value: "=+渠道" });
    expect(typeIn("-其他")).toEqual({ type: "formula", value: "=-其他" });
    expect(typeIn("@mention")).toEqual({ type: "formula", value: "=mention" });
    expect(typeIn("TRUE")).toEqual({ type: "boolean", value: true });
    expect(typeIn("12.5%")).toMatchObject({ type: "number", value: 0.125 });
    expect(typeIn("经营复盘")).toEqual({ type: "text", value: "经营复盘" });
  });

  test("text stays text with an apostrophe or in a cell formatted @ before the write", () => {
    expect(typeIn("'000123")).toEqual({ type: "text", value: "000123" });
    expect(typeIn("''quoted")).toEqual({ type: "text", value: "'quoted" });
    expect(typeIn("2025-01", "@")).toEqual({ type: "text", value: "2025-01" });
    expect(typeIn("=x", "@")).toEqual({ type: "text", value: "=x" });
    expect(typeIn(42, "@")).toEqual({ type: "number", value: 42 });
  });

  test("through Range.formulas and Range.values; numberFormat counts only when it came first", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S");
    const ws = excel.context.workbook.worksheets.getItem("S");
    ws.getRange("A1:C1").formulas = [["2025-01", "000123", "'000123"]];
    ws.getRange("A2:B2").values = [["-其他", "=1+1"]];
    const textFirst = ws.getRange("A3:A3");
    textFirst.numberFormat = [["@"]];
    textFirst.formulas = [["2025-01"]];
    const textAfter = ws.getRange("B3:B3");
    textAfter.formulas = [["2025-01"]];
    textAfter.numberFormat = [["@"]];
    await excel.context.sync();
    expect([excel.cell("S", "A1"), excel.cell("S", "B1"), excel.cell("S", "C1")]).toEqual([45658, 123, "000123"]);
    expect([excel.cellType("S", "A2"), excel.cellType("S", "B2")]).toEqual(["formula", "formula"]);
    expect([excel.cell("S", "A3"), excel.cellType("S", "A3")]).toEqual(["2025-01", "text"]);
    expect([excel.cell("S", "B3"), excel.cellType("S", "B3")]).toEqual([45658, "number"]);
  });
});

describe("names", () => {
  test("table names are unique across the workbook, case-insensitively, and shared with defined names", async () => {
    const excel = new FakeExcel();
    excel.addSheet("A");
    excel.addSheet("B");
    const a = excel.context.workbook.worksheets.getItem("A").tables.add("A1:B3", true);
    a.name = "客户明细表";
    await excel.context.sync();
    const b = excel.context.workbook.worksheets.getItem("B").tables.add("A1:B3", true);
    b.name = "客户明细表";
    await expect(excel.context.sync()).rejects.toThrow(/InvalidArgument/);
    const c = excel.context.workbook.worksheets.getItem("B").tables.add("D1:E3", true);
    c.name = "CUSTOMERLIST";
    excel.context.workbook.names.add("customerList", "A!A1");
    await expect(excel.context.sync()).rejects.toThrow(/InvalidArgument: the name customerList/);
    expect(excel.sheet("B")!.tables.map((t) => t.name)).toEqual([expect.stringMatching(/^Table\d+$/), "CUSTOMERLIST"]);
  });

  test("a deleted sheet takes its tables with it: the name is free again", async () => {
    const excel = new FakeExcel();
    excel.addSheet("A");
    excel.addSheet("B");
    excel.context.workbook.worksheets.getItem("A").tables.add("A1:B3", true).name = "T";
    await excel.context.sync();
    excel.context.workbook.worksheets.getItem("A").delete();
    excel.context.workbook.worksheets.getItem("B").tables.add("A1:B3", true).name = "T";
    await excel.context.sync();
    expect(excel.sheet("B")!.tables.map((t) => t.name)).toEqual(["T"]);
  });

  test("sheet names: 1–31 characters, none of []:*?/\\, unique case-insensitively", async () => {
    expect(sheetNameProblem("x".repeat(31))).toBeNull();
    expect(sheetNameProblem("x".repeat(32))).toMatch(/31/);
    for (const bad of ["a/b", "a\\b", "a[1]", "q?", "a:b", "*", "'quoted'", ""]) expect(sheetNameProblem(bad)).not.toBeNull();
    const excel = new FakeExcel();
    excel.addSheet("Review");
    excel.context.workbook.worksheets.add("review");
    await expect(excel.context.sync()).rejects.toThrow(/InvalidArgument: a sheet named review exists/);
    excel.context.workbook.worksheets.getItem("Review").name = "2025/01";
    await expect(excel.context.sync()).rejects.toThrow(/InvalidArgument/);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Review"]);
  });

  test("renaming a sheet retargets formulas that point at it; deleting it turns them into #REF!", async () => {
    const excel = new FakeExcel();
    excel.addSheet("经营复盘", [["x", 5]]);
    excel.addSheet("Mine", [["=经营复盘!B1*2", "='经营复盘'!A1", "=SUM(A1:B1)"]]);
    excel.context.workbook.worksheets.getItem("经营复盘").name = "Old review";
    await excel.context.sync();
    expect([excel.cell("Mine", "A1"), excel.cell("Mine", "B1"), excel.cell("Mine", "C1")]).toEqual(["='Old review'!B1*2", "='Old review'!A1", "=SUM(A1:B1)"]);
    excel.context.workbook.worksheets.getItem("Old review").delete();
    await excel.context.sync();
    expect([excel.cell("Mine", "A1"), excel.cell("Mine", "B1")]).toEqual(["=#REF!B1*2", "=#REF!A1"]);
  });
});

describe("special cells", () => {
  test("formula cells come back as areas of adjacent cells with their formulas (ExcelApi 1.9)", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S", [["=1", "=2", "x", "=3"], [5, "=A1"]]);
    const special = excel.context.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true).getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType);
    special.load("isNullObject,cellCount");
    special.areas.load("items/address,items/formulas");
    await excel.context.sync();
    expect(special.cellCount).toBe(4);
    expect(special.areas.items.map((a) => [a.address, a.formulas])).toEqual([["S!A1:B1", [["=1", "=2"]]], ["S!D1", [["=3"]]], ["S!B2", [["=A1"]]]]);
    expect(() => new FakeExcel({ apiVersion: "1.8" }).rangeOn("S", { row: 0, col: 0, rows: 1, cols: 1 }).getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType)).toThrow(/ApiNotFound/);
  });
});

describe("a batch is not a transaction", () => {
  test("operations before the failing one stay applied; the rest are dropped", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S");
    const ws = excel.context.workbook.worksheets.getItem("S");
    ws.getRange("A1").formulas = [["first"]];
    excel.context.workbook.worksheets.add("bad/name");
    ws.getRange("A2").formulas = [["after"]];
    await expect(excel.context.sync()).rejects.toThrow(/InvalidArgument/);
    expect(excel.cell("S", "A1")).toBe("first");
    expect(excel.cell("S", "A2")).toBeUndefined();
    expect(excel.sheets.map((s) => s.name)).toEqual(["S"]);
  });

  test("failWhen fails a chosen operation, once", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S");
    excel.addSheet("T");
    excel.failWhen = (op) => op.kind === "deleteSheet";
    excel.context.workbook.worksheets.getItem("S").name = "S2";
    excel.context.workbook.worksheets.getItem("T").delete();
    await expect(excel.context.sync()).rejects.toThrow(/simulated/);
    expect(excel.sheets.map((s) => s.name)).toEqual(["S2", "T"]);
    excel.context.workbook.worksheets.getItem("T").delete();
    await excel.context.sync();
    expect(excel.sheets.map((s) => s.name)).toEqual(["S2"]);
  });
});

describe("cell-edit mode", () => {
  test("a run without delayForCellEdit fails while the user edits a cell; with it, it waits", async () => {
    const excel = new FakeExcel();
    excel.editingCell = true;
    await expect(excel.run(async () => "ran")).rejects.toThrow(/InvalidOperationInCellEditMode/);
    let done = false;
    const waiting = excel.run({ delayForCellEdit: true }, async () => {
      done = true;
      return "ran";
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    excel.endCellEdit();
    await expect(waiting).resolves.toBe("ran");
  });
});

describe("requests", () => {
  test("bytes of what is written and read; UTF-8, so Chinese text is 3 bytes a character", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S", [["经营"]]);
    const ws = excel.context.workbook.worksheets.getItem("S");
    ws.getRange("B1:C1").formulas = [[1, "ab"]];
    await excel.context.sync();
    // [[1,"ab"]] is 10 bytes.
    expect(excel.requestBytes[excel.requestBytes.length - 1]).toBe(10);
    const read = ws.getRange("A1");
    read.load("values");
    await excel.context.sync();
    // [["经营"]]: 6 ASCII bytes + 2 characters × 3 bytes.
    expect(excel.requestBytes[excel.requestBytes.length - 1]).toBe(12);
    expect(read.values).toEqual([["经营"]]);
    expect(excel.largestRequestBytes).toBe(12);
    expect(jsonBytes([["经营"]])).toBe(12);
  });

  test("a request above the cap fails before anything of it is applied", async () => {
    const excel = new FakeExcel({ maxRequestBytes: 100 });
    excel.addSheet("S");
    const ws = excel.context.workbook.worksheets.getItem("S");
    ws.getRange("A1:A20").formulas = Array.from({ length: 20 }, (_, i) => [`row ${i}`]);
    await expect(excel.context.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(excel.sheet("S")!.cells.size).toBe(0);
  });

  test("formulas written under suspended calculation are stale until a recalculation", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S");
    excel.context.application.suspendApiCalculationUntilNextSync();
    excel.context.workbook.worksheets.getItem("S").getRange("A1").formulas = [["=1+1"]];
    await excel.context.sync();
    expect(excel.stale).toBe(true);
    excel.context.application.calculate("Full" as Excel.CalculationType);
    await excel.context.sync();
    expect(excel.stale).toBe(false);
    expect(excel.calculations).toBe(1);
  });

  test("screen-updating suspensions are counted per sync", async () => {
    const excel = new FakeExcel();
    excel.context.application.suspendScreenUpdatingUntilNextSync();
    excel.context.application.suspendScreenUpdatingUntilNextSync();
    await excel.context.sync();
    await excel.context.sync();
    expect(excel.screenSuspensionsPerSync).toEqual([2, 0]);
  });
});

describe("versions and sessions", () => {
  test("members above the host's ExcelApi version throw ApiNotFound; capabilities say so", () => {
    const excel = new FakeExcel({ apiVersion: "1.8" });
    excel.addSheet("S");
    const ws = excel.context.workbook.worksheets.getItem("S");
    expect(() => ws.customProperties).toThrow(/ApiNotFound.*1\.12/);
    expect(() => excel.context.application.suspendScreenUpdatingUntilNextSync()).toThrow(/ApiNotFound/);
    expect(excel.capabilities.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(excel.capabilities.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(excel.capabilities.isSetSupported("ExcelApi", "1.10")).toBe(false);
  });

  test("reopening gives sheets new ids; custom properties and sheet-scoped names travel with the sheet", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S");
    const ws = excel.context.workbook.worksheets.getItem("S");
    ws.customProperties.add("owner", "kpi-review");
    ws.names.add("KpiReviewSheet", ws.getRange("A1"));
    await excel.context.sync();
    const id = excel.sheets[0].id;
    excel.reopen();
    expect(excel.sheets[0].id).not.toBe(id);
    const property = excel.context.workbook.worksheets.getItem("S").customProperties.getItemOrNullObject("owner");
    property.load("value");
    await excel.context.sync();
    expect(property.value).toBe("kpi-review");
    expect([...excel.sheet("S")!.names.keys()]).toEqual(["KpiReviewSheet"]);
  });
});
