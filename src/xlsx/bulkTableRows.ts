/**
 * Large Excel tables (the customer list) without exceljs's per-cell model: exceljs writes the header and the
 * first data row (so the table part, the styles and the column formats are its own), and the remaining rows are
 * written here straight into the sheet's XML with the first row's cell styles, inline strings and numbers; the
 * table's and the sheet's ranges are then extended. A few milliseconds per 10,000 rows instead of a second.
 */
import type JSZip from "jszip";
import { columnLetter } from "../engine/read/grid";

/** Tables with more data rows than this take the bulk path. */
export const BULK_TABLE_ROWS = 500;

export interface BulkRows {
  sheet: string;
  table: string;
  /** 0-based sheet row and column of the first data row (which exceljs wrote). */
  firstRow: number;
  col: number;
  width: number;
  /** The data rows after the first. */
  rows: Array<Array<string | number>>;
}

function escapeXml(text: string): string {
  // Characters XML 1.0 does not allow are dropped; the five special ones are escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The `s="…"` style attribute of each column in the row `rowNumber` (1-based) of the sheet's XML. */
function rowStyles(sheetXml: string, rowNumber: number, col: number, width: number): string[] {
  const start = sheetXml.indexOf(`<row r="${rowNumber}"`);
  const end = sheetXml.indexOf("</row>", start);
  const rowXml = start >= 0 && end > start ? sheetXml.slice(start, end) : "";
  return Array.from({ length: width }, (_, c) => {
    const match = new RegExp(`<c r="${columnLetter(col + c)}${rowNumber}"[^>]*?\\bs="(\\d+)"`).exec(rowXml);
    return match ? ` s="${match[1]}"` : "";
  });
}

/** Appends each table's remaining rows to its sheet and extends the ranges; `parts` maps sheet names to paths. */
export async function appendBulkRows(zip: JSZip, parts: Map<string, string>, pending: BulkRows[]): Promise<void> {
  for (const bulk of pending) {
    const path = parts.get(bulk.sheet)!;
    let xml = await zip.file(path)!.async("string");
    const firstNumber = bulk.firstRow + 1;
    const lastNumber = firstNumber + bulk.rows.length;
    const styles = rowStyles(xml, firstNumber, bulk.col, bulk.width);
    const letters = Array.from({ length: bulk.width }, (_, c) => columnLetter(bulk.col + c));
    const chunks: string[] = [];
    bulk.rows.forEach((row, k) => {
      const n = firstNumber + 1 + k;
      let cells = "";
      for (let c = 0; c < bulk.width; c++) {
        const value = row[c];
        if (value === undefined || value === null || value === "") continue;
        cells +=
          typeof value === "number"
            ? Number.isFinite(value)
              ? `<c r="${letters[c]}${n}"${styles[c]}><v>${value}</v></c>`
              : ""
            : `<c r="${letters[c]}${n}"${styles[c]} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
      }
      chunks.push(`<row r="${n}">${cells}</row>`);
    });
    const firstRowStart = xml.indexOf(`<row r="${firstNumber}"`);
    const insertAt = xml.indexOf("</row>", firstRowStart) + "</row>".length;
    if (firstRowStart < 0 || new RegExp(`<row r="(\\d+)"`, "g").exec(xml.slice(insertAt)) !== null) {
      throw new Error(`bulk rows of ${bulk.table}: the table must be the last thing on its sheet`);
    }
    xml = xml.slice(0, insertAt) + chunks.join("") + xml.slice(insertAt);
    xml = xml.replace(/<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"\/>/, (_, from: string, toCol: string) => `<dimension ref="${from}:${toCol}${lastNumber}"/>`);
    zip.file(path, xml);

    // The table part whose name is the table's: its range and its filter's range end at the last row.
    for (const name of Object.keys(zip.files).filter((f) => /^xl\/tables\/[^/]+\.xml$/.test(f))) {
      const tableXml = await zip.file(name)!.async("string");
      if (!new RegExp(`<table\\b[^>]*\\bname="${escapeXml(bulk.table)}"`).test(tableXml)) continue;
      zip.file(name, tableXml.replace(/ref="([A-Z]+\d+):([A-Z]+)\d+"/g, (_, from: string, toCol: string) => `ref="${from}:${toCol}${lastNumber}"`));
    }
  }
}
