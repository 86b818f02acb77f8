/**
 * Renders a WorkbookSpec as an .xlsx file: exceljs for cells, formulas, styles, merges, conditional formats,
 * tables and print setup; chart and drawing parts added afterwards with jszip (exceljs cannot write charts).
 * The file holds plain values and native formulas only: no custom function, no external link.
 */
import type ExcelJS from "exceljs";
import type JSZip from "jszip";
import { columnLetter } from "../engine/read/grid";
import { cellTextAt, type CellSpec, type SheetSpec, type StyleName, type WorkbookSpec } from "../engine/review/workbookSpec";
import { chartXml, drawingXml } from "./chartXml";
import { isLargeTable, writeLargeTables } from "./largeTables";
import { FONT_NAME, LOOKS, STATUS_COLOURS } from "../engine/review/styles";
import { addOwnMark } from "./ownMark";

type CellStyle = Partial<Pick<ExcelJS.Style, "font" | "fill" | "alignment" | "border">>;

const solid = (rgb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${rgb}` } });
const thin = (rgb: string): Partial<ExcelJS.Border> => ({ style: "thin", color: { argb: `FF${rgb}` } });

/** exceljs styles from the engine's look table. */
const STYLES = Object.fromEntries(
  Object.entries(LOOKS).map(([name, look]) => {
    const style: CellStyle = {
      font: { name: FONT_NAME, size: look.size, bold: look.bold, italic: look.italic, color: look.colour ? { argb: `FF${look.colour}` } : undefined },
    };
    if (look.fill) style.fill = solid(look.fill);
    if (look.align) style.alignment = { horizontal: look.align, vertical: "middle" };
    if (look.borderTop || look.borderBottom) style.border = { ...(look.borderTop ? { top: thin(look.borderTop) } : {}), ...(look.borderBottom ? { bottom: thin(look.borderBottom) } : {}) };
    return [name, style];
  }),
) as Record<StyleName, CellStyle>;

function cellValue(spec: CellSpec, cacheResults: boolean): ExcelJS.CellValue {
  if (spec.formula !== undefined) {
    return (cacheResults ? { formula: spec.formula, result: spec.expected } : { formula: spec.formula }) as ExcelJS.CellFormulaValue;
  }
  return spec.value ?? null;
}

function writeSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, cacheResults: boolean): void {
  const views: Array<Partial<ExcelJS.WorksheetView>> = spec.freeze ? [{ state: "frozen", xSplit: spec.freeze.cols, ySplit: spec.freeze.rows, showGridLines: false }] : [{ showGridLines: false }];
  const ws = workbook.addWorksheet(spec.name, {
    views,
    properties: { tabColor: spec.tabColour ? { argb: `FF${spec.tabColour}` } : undefined },
    pageSetup: {
      orientation: spec.print.landscape ? "landscape" : "portrait",
      paperSize: 9,
      fitToPage: spec.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: spec.print.repeatRows ? `${spec.print.repeatRows.from + 1}:${spec.print.repeatRows.to + 1}` : undefined,
    },
  });
  spec.columnWidths.forEach((width, c) => (ws.getColumn(c + 1).width = width));
  for (const [row, height] of Object.entries(spec.rowHeights)) ws.getRow(Number(row) + 1).height = height;
  for (const cell of spec.cells) {
    const target = ws.getCell(cell.row + 1, cell.col + 1);
    target.value = cellValue(cell, cacheResults);
    const style = cell.style ? STYLES[cell.style] : undefined;
    if (style?.font) target.font = style.font;
    if (style?.fill) target.fill = style.fill;
    if (style?.alignment) target.alignment = style.alignment;
    if (style?.border) target.border = style.border;
    if (cell.format) target.numFmt = cell.format;
  }
  for (const range of spec.merges) ws.mergeCells(range);
  for (const cf of spec.conditionalFormats) {
    if (cf.rule.kind === "colorScale") {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [{ type: "colorScale", priority: 1, cfvo: [{ type: "min" }, { type: "max" }], color: [{ argb: `FF${cf.rule.low}` }, { argb: `FF${cf.rule.high}` }] } as ExcelJS.ConditionalFormattingRule],
      });
      continue;
    }
    if (!("colour" in cf)) continue;
    const first = cf.range.split(":")[0];
    const formula = cf.rule.kind === "textEquals" ? `${first}="${cf.rule.text}"` : cf.rule.formula;
    const colours = STATUS_COLOURS[cf.colour];
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: "expression", priority: 1, formulae: [formula], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${colours.fill}` } }, font: { color: { argb: `FF${colours.font}` } } } }],
    });
  }
  for (const table of spec.tables) {
    ws.addTable({
      name: table.name,
      ref: `${columnLetter(table.col)}${table.row + 1}`,
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: table.header.map((name) => ({ name, filterButton: true })),
      // A large table's rows are written as XML afterwards (largeTables.ts); exceljs writes its first row.
      rows: isLargeTable(spec, table) ? table.rows.slice(0, 1) : table.rows,
    });
    table.formats?.forEach((format, c) => {
      if (format) ws.getColumn(table.col + c + 1).numFmt = format;
    });
  }
}

/** Maps sheet names to their part paths (`xl/worksheets/sheet1.xml`) through workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  for (const m of rels.matchAll(/<Relationship\b[^>]*\bTarget="([^"]+)"[^>]*\bId="([^"]+)"/g)) targets.set(m[2], m[1]);
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*\bname="([^"]+)"[^>]*\br:id="([^"]+)"/g)) {
    const name = m[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    const target = targets.get(m[2])!;
    parts.set(name, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return parts;
}

/** Adds the charts of every sheet, and the rows of large tables, to the saved workbook. */
async function addCharts(buffer: Buffer, spec: WorkbookSpec): Promise<Buffer> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(buffer);
  const parts = await sheetParts(zip);
  await writeLargeTables(zip, spec.sheets, parts);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  let chartNumber = 0;
  let drawingNumber = 0;
  for (const sheet of spec.sheets) {
    if (sheet.charts.length === 0) continue;
    const sheetPath = parts.get(sheet.name)!;
    drawingNumber++;
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    const drawingRels: string[] = [];
    sheet.charts.forEach((chart, k) => {
      chartNumber++;
      const names = chart.series.map((s) => ("ref" in s.name ? cellTextAt(sheet, s.name.ref) : s.name.text));
      zip.file(`xl/charts/chart${chartNumber}.xml`, chartXml(chart, sheet.name, names));
      drawingRels.push(`<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart${chartNumber}.xml"/>`);
      types = types.replace("</Types>", `<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`);
    });
    zip.file(drawingPath, drawingXml(sheet.charts));
    zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRels.join("")}</Relationships>`);
    types = types.replace("</Types>", `<Override PartName="/${drawingPath}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`);

    const relsPath = sheetPath.replace(/worksheets\/([^/]+)$/, "worksheets/_rels/$1.rels");
    const existing = zip.file(relsPath) ? await zip.file(relsPath)!.async("string") : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const relId = "rIdKpiDrawing";
    zip.file(relsPath, existing.replace("</Relationships>", `<Relationship Id="${relId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing${drawingNumber}.xml"/></Relationships>`));
    let sheetXml = await zip.file(sheetPath)!.async("string");
    if (!sheetXml.includes('xmlns:r="')) sheetXml = sheetXml.replace("<worksheet ", '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
    // <drawing> goes before legacyDrawing, tableParts and extLst (the schema's element order).
    const before = ["<legacyDrawing", "<tableParts", "<extLst", "</worksheet>"].map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0);
    const at = Math.min(...before);
    sheetXml = `${sheetXml.slice(0, at)}<drawing r:id="${relId}"/>${sheetXml.slice(at)}`;
    zip.file(sheetPath, sheetXml);
  }
  zip.file("[Content_Types].xml", types);
  // Level 1: several times faster than the default on a large customer list, for a slightly larger file.
  await addOwnMark(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

export interface WriteOptions {
  /** Workbook creation time (document properties); the review's generated time. */
  created: Date;
  /**
   * Store the engine's results beside the formulas (default), so that viewers which do not recalculate show
   * numbers. Tests turn it off to make the spreadsheet software compute every formula itself.
   */
  cacheResults?: boolean;
}

/** The workbook as .xlsx bytes. */
export async function writeXlsx(spec: WorkbookSpec, options: WriteOptions): Promise<Buffer> {
  // Loaded when a workbook is written: the command line starts faster for the commands that write none.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = spec.generator;
  workbook.lastModifiedBy = spec.generator;
  workbook.created = options.created;
  workbook.modified = options.created;
  for (const sheet of spec.sheets) writeSheet(workbook, sheet, options.cacheResults ?? true);
  // Stored without compression here: the package is compressed once, after the chart parts are added.
  const saved = Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as Partial<ExcelJS.XlsxWriteOptions>));
  return addCharts(saved, spec);
}
