/**
 * A renderer-neutral description of the review workbook: cells (values or native Excel formulas with the
 * engine's expected result), number formats, named styles, merges, conditional formats, column widths,
 * freeze panes, print setup, tables and charts. The xlsx writer and the Office.js writer both render it.
 * Rows and columns are 0-based.
 */

import { columnIndex } from "../read/grid";

export type StyleName =
  | "title"
  | "subtitle"
  | "meta"
  | "section"
  | "header"
  | "label"
  | "value"
  | "formula"
  | "total"
  | "text"
  | "note"
  | "insightGood"
  | "insightBad"
  | "insightNeutral";

export interface CellSpec {
  row: number;
  col: number;
  /** A plain value; null leaves the cell empty. */
  value?: string | number | null;
  /** A native Excel formula without the leading "=", in English function names and A1 references. */
  formula?: string;
  /** What the formula must evaluate to (the engine's number, or text); checked after recalculation. */
  expected?: number | string;
  /** Excel number format code. */
  format?: string;
  style?: StyleName;
}

export type StatusColour = "good" | "bad" | "warn";

export type ConditionalFormatSpec =
  | {
      /** A1 range on the sheet, e.g. `J5:J20`. */
      range: string;
      /** Highlights cells equal to the text, or where the formula (relative to the range's first cell) is true. */
      rule: { kind: "textEquals"; text: string } | { kind: "formula"; formula: string };
      colour: StatusColour;
    }
  | {
      range: string;
      /** A two-colour scale from the range's lowest value (`low`, RRGGBB) to its highest (`high`). */
      rule: { kind: "colorScale"; low: string; high: string };
    };

export type ChartKind = "columnLine" | "stackedColumn" | "bar" | "doughnut" | "column" | "line";

export interface ChartSeriesSpec {
  /** Series name: a cell reference `B4` (on the chart's data sheet) or literal text. */
  name: { ref: string } | { text: string };
  /** Value range, e.g. `C5:C16`. */
  values: string;
  /** Cached values, so a viewer shows the chart before recalculating. */
  cache: number[];
  /** How the series is drawn; `line` series are drawn over columns in a columnLine chart. */
  as?: "column" | "line";
  /** Fill colour as RRGGBB; "none" hides the series (the base of a bridge). */
  colour?: string | "none";
  /** Data labels with this number format. */
  labels?: string;
  /** Plotted against a secondary value axis (a Pareto chart's cumulative share line). */
  axis?: "secondary";
}

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  /** Sheet holding the data; default the chart's own sheet. */
  dataSheet?: string;
  /** Category labels range, e.g. `A5:A16`, with their cached text. */
  categories: string;
  categoryCache: string[];
  series: ChartSeriesSpec[];
  /** Anchor: top-left cell and size in columns and rows. */
  anchor: { row: number; col: number; rows: number; cols: number };
  valueFormat?: string;
  /** Number format of the secondary value axis, where a series uses it. */
  secondaryFormat?: string;
}

export interface TableSpec {
  name: string;
  /** Top-left cell of the header row. */
  row: number;
  col: number;
  header: string[];
  rows: Array<Array<string | number>>;
  formats?: Array<string | undefined>;
}

export interface SheetSpec {
  name: string;
  /** Tab colour RRGGBB. */
  tabColour?: string;
  cells: CellSpec[];
  merges: string[];
  /** Column widths in characters, by column index. */
  columnWidths: number[];
  /** Row heights in points where a row needs more than the default (titles). */
  rowHeights: Record<number, number>;
  freeze?: { rows: number; cols: number };
  conditionalFormats: ConditionalFormatSpec[];
  charts: ChartSpec[];
  tables: TableSpec[];
  print: { landscape: boolean; fitToWidth: boolean; repeatRows?: { from: number; to: number } };
}

export interface WorkbookSpec {
  /** Marks the sheets as the add-in's own, so regenerating replaces only them. */
  generator: string;
  sheets: SheetSpec[];
}

export const GENERATOR = "kpi-review";

/** The text of the sheet's cell at an A1 reference such as `B4` (a chart series' name cell); "" when empty. */
export function cellTextAt(sheet: SheetSpec, ref: string): string {
  const match = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!match) throw new RangeError(`not a cell reference: ${ref}`);
  const col = columnIndex(match[1]);
  const row = Number(match[2]) - 1;
  const cell = sheet.cells.find((c) => c.col === col && c.row === row);
  return cell?.value === undefined || cell.value === null ? "" : String(cell.value);
}

export function emptySheet(name: string): SheetSpec {
  return { name, cells: [], merges: [], columnWidths: [], rowHeights: {}, conditionalFormats: [], charts: [], tables: [], print: { landscape: true, fitToWidth: true } };
}
