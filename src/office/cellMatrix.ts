/**
 * A sheet of the review as the dense matrices Office.js writes: `formulas` (formulas as "=...", text prefixed
 * with an apostrophe so Excel keeps it as text: month labels such as 2025-01, ids such as 000123 or 16+ digit
 * numbers, texts starting with + - = @), number formats, and `readBack`, what `Range.formulas` returns for
 * those cells afterwards (the text without its apostrophe), from which the sheet's checksum is taken.
 */
import type { CellSpec, SheetSpec } from "../engine/review/workbookSpec";

export interface CellMatrix {
  formulas: (string | number)[][];
  formats: string[][];
  readBack: (string | number)[][];
  rows: number;
  cols: number;
}

export function cellMatrix(sheet: SheetSpec): CellMatrix {
  const tableCells = sheet.tables.flatMap((table) => [
    ...table.header.map((h, c) => ({ row: table.row, col: table.col + c, value: h }) as CellSpec),
    ...table.rows.flatMap((r, i) => r.map((v, c) => ({ row: table.row + 1 + i, col: table.col + c, value: v, format: table.formats?.[c] }) as CellSpec)),
  ]);
  const cells = [...sheet.cells, ...tableCells];
  let rows = 0;
  let cols = 0;
  for (const cell of cells) {
    if (cell.row + 1 > rows) rows = cell.row + 1;
    if (cell.col + 1 > cols) cols = cell.col + 1;
  }
  const formulas = Array.from({ length: rows }, () => new Array<string | number>(cols).fill(""));
  const readBack = Array.from({ length: rows }, () => new Array<string | number>(cols).fill(""));
  const formats = Array.from({ length: rows }, () => new Array<string>(cols).fill("General"));
  for (const cell of cells) {
    const value = cell.value === null || cell.value === undefined ? "" : cell.value;
    if (cell.formula !== undefined) {
      formulas[cell.row][cell.col] = `=${cell.formula}`;
      readBack[cell.row][cell.col] = `=${cell.formula}`;
    } else if (typeof value === "string" && value !== "") {
      formulas[cell.row][cell.col] = `'${value}`;
      readBack[cell.row][cell.col] = value;
    } else {
      formulas[cell.row][cell.col] = value;
      readBack[cell.row][cell.col] = value;
    }
    if (cell.format) formats[cell.row][cell.col] = cell.format;
  }
  return { formulas, formats, readBack, rows, cols };
}

/** FNV-1a (32 bit) over the cells' JSON, row by row: the same content gives the same checksum. */
export function checksumRows(rows: Iterable<readonly unknown[]>, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (const row of rows) {
    const text = JSON.stringify(row.map((v) => (v === null || v === undefined ? "" : v)));
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash ^= 10;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
