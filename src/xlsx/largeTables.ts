/**
 * Large tables (the customer list of a big order log: hundreds of thousands of rows) written as sheet XML
 * directly instead of through exceljs, which keeps an object per cell and needs minutes and gigabytes for
 * millions of cells. exceljs writes the table with its header and first row (so the table part, the column
 * styles and the first row's cell styles exist); the rows are then replaced by generated XML using those
 * styles, and the table's and the sheet's ranges are extended.
 */
import type JSZip from "jszip";
import { columnLetter } from "../engine/read/grid";
import type { SheetSpec, TableSpec } from "../engine/review/workbookSpec";
import { xmlEscape } from "./chartXml";

/** Tables with more rows than this are written as XML. */
export const LARGE_TABLE_ROWS = 2000;
const ROWS_PER_CHUNK = 5000;

/** The table's rows are written by `writeLargeTables` when the table is large and nothing else on the sheet sits below its header. */
export function isLargeTable(sheet: SheetSpec, table: TableSpec): boolean {
  return table.rows.length > LARGE_TABLE_ROWS && !sheet.cells.some((c) => c.row > table.row);
}

function cellXml(ref: string, style: string, value: string | number): string {
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : `<c r="${ref}"${style}/>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${/[&<>"]/.test(value) ? xmlEscape(value) : value}</t></is></c>`;
}

/** Replaces the first data row exceljs wrote for each large table with all of the table's rows. */
export async function writeLargeTables(zip: JSZip, sheets: SheetSpec[], parts: Map<string, string>): Promise<void> {
  const tableFiles = Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
  for (const sheet of sheets) {
    for (const table of sheet.tables.filter((t) => isLargeTable(sheet, t))) {
      const path = parts.get(sheet.name)!;
      let xml = await zip.file(path)!.async("string");
      const firstRow = table.row + 2; // 1-based: the header is table.row + 1
      const rowMatch = new RegExp(`<row r="${firstRow}"[^>]*>[\\s\\S]*?</row>`).exec(xml);
      if (!rowMatch) throw new Error(`large table ${table.name}: row ${firstRow} not found`);
      const styles = new Map<string, string>();
      for (const c of rowMatch[0].matchAll(/<c\b([^>]*)>/g)) {
        const column = /\br="([A-Z]+)\d+"/.exec(c[1]);
        const style = /\bs="(\d+)"/.exec(c[1]);
        if (column) styles.set(column[1], style ? ` s="${style[1]}"` : "");
      }
      const letters = table.header.map((_, c) => columnLetter(table.col + c));
      const lastRow = table.row + 1 + table.rows.length;
      const range = `${letters[0]}${table.row + 1}:${letters[letters.length - 1]}${lastRow}`;
      xml = xml.replace(/<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"\/>/, (_, from, col) => `<dimension ref="${from}:${col}${lastRow}"/>`);
      const at = xml.indexOf(rowMatch[0]);
      // The rows go in as UTF-8 bytes, a block of rows at a time: no string of the whole sheet is ever built.
      const encoder = new TextEncoder();
      const chunks: Uint8Array[] = [encoder.encode(xml.slice(0, at))];
      for (let start = 0; start < table.rows.length; start += ROWS_PER_CHUNK) {
        const block: string[] = [];
        for (let i = start; i < Math.min(start + ROWS_PER_CHUNK, table.rows.length); i++) {
          const r = firstRow + i;
          block.push(`<row r="${r}">${table.rows[i].map((v, c) => cellXml(`${letters[c]}${r}`, styles.get(letters[c]) ?? "", v)).join("")}</row>`);
        }
        chunks.push(encoder.encode(block.join("")));
      }
      chunks.push(encoder.encode(xml.slice(at + rowMatch[0].length)));
      const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      zip.file(path, bytes);
      for (const file of tableFiles) {
        const text = await zip.file(file)!.async("string");
        if (!new RegExp(`\\b(?:displayName|name)="${xmlEscape(table.name)}"`).test(text)) continue;
        zip.file(file, text.replace(/(<table\b[^>]*\bref=")[^"]+"/, `$1${range}"`).replace(/(<autoFilter\b[^>]*\bref=")[^"]+"/, `$1${range}"`));
      }
    }
  }
}
