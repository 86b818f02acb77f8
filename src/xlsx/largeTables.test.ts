import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeXlsx } from "./writeXlsx";
import { emptySheet, type WorkbookSpec } from "../engine/review/workbookSpec";
import { LARGE_TABLE_ROWS } from "./largeTables";

describe("large tables written as sheet XML", () => {
  test("every row, value and column format arrives; the table covers them all", async () => {
    const n = LARGE_TABLE_ROWS + 500;
    const sheet = emptySheet("客户明细");
    sheet.tables.push({
      name: "客户明细表",
      row: 0,
      col: 0,
      header: ["客户ID", "消费金额", "备注"],
      rows: Array.from({ length: n }, (_, i) => [`C${i}<&>`, i * 1.25, i % 2 ? "甲" : "乙"]),
      formats: [undefined, "#,##0.00"],
    });
    const spec: WorkbookSpec = { generator: "kpi-review", sheets: [sheet] };
    const workbook = new ExcelJS.Workbook();
    const bytes = await writeXlsx(spec, { created: new Date("2026-01-01T00:00:00Z") });
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet("客户明细")!;
    expect(ws.getCell("A1").value).toBe("客户ID");
    expect(ws.getCell("A2").value).toBe("C0<&>");
    expect(ws.getCell(`A${n + 1}`).value).toBe(`C${n - 1}<&>`);
    expect(ws.getCell(`B${n + 1}`).value).toBe((n - 1) * 1.25);
    expect(ws.getCell(`B${n + 1}`).numFmt).toBe("#,##0.00");
    expect(ws.getCell(`C${n}`).value).toBe("乙");
    expect(ws.getCell(`A${n + 2}`).value).toBeNull();
    const zip = await JSZip.loadAsync(bytes);
    const table = await zip.file("xl/tables/table1.xml")!.async("string");
    expect(table).toContain(`ref="A1:C${n + 1}"`);
    expect(table).toMatch(new RegExp(`<autoFilter ref="A1:C${n + 1}"`));
  });
});
