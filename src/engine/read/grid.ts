/**
 * A grid is a rectangle of cell values as Office.js `Range.values`, a CSV file or an xlsx sheet gives it,
 * with the name of its sheet and where its top-left cell sits, so that every problem can name its cell.
 */
import type { CellInput } from "./cellValue";

export interface Grid {
  values: CellInput[][];
  /** Sheet (or file) name used in addresses: `月度数据!C14`. */
  sheet: string;
  /** 0-based row and column of values[0][0] in the sheet; default A1. */
  origin?: { row: number; col: number };
}

/** 0 → A, 25 → Z, 26 → AA */
export function columnLetter(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A → 0, AA → 26 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Sheet names other than plain letters, digits, CJK and underscores are quoted as Excel does. */
export function quoteSheetName(sheet: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** The A1 address of grid cell (row, col), both 0-based within the grid. */
export function cellAddress(grid: Grid, row: number, col: number): string {
  const r = row + (grid.origin?.row ?? 0);
  const c = col + (grid.origin?.col ?? 0);
  return `${quoteSheetName(grid.sheet)}!${columnLetter(c)}${r + 1}`;
}

export function rangeAddress(grid: Grid): string {
  const rows = Math.max(1, grid.values.length);
  const cols = Math.max(1, ...grid.values.map((r) => r.length));
  const start = cellAddress(grid, 0, 0);
  if (rows === 1 && cols === 1) return start;
  const end = `${columnLetter(cols - 1 + (grid.origin?.col ?? 0))}${rows + (grid.origin?.row ?? 0)}`;
  return `${start}:${end}`;
}

export function cellAt(grid: Grid, row: number, col: number): CellInput {
  return grid.values[row]?.[col] ?? null;
}
