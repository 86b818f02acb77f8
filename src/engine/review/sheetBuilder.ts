/** A small helper for laying out a SheetSpec cell by cell with A1 references. */
import { columnLetter } from "../read/grid";
import { emptySheet, type CellSpec, type ChartSpec, type ConditionalFormatSpec, type SheetSpec, type StyleName, type TableSpec } from "./workbookSpec";

/** `B7` for row 6, column 1 (0-based). */
export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row + 1}` : `${columnLetter(col)}${row + 1}`;
}

export function rangeA1(row1: number, col1: number, row2: number, col2: number): string {
  return `${a1(row1, col1)}:${a1(row2, col2)}`;
}

export class SheetBuilder {
  readonly sheet: SheetSpec;

  constructor(name: string) {
    this.sheet = emptySheet(name);
  }

  value(row: number, col: number, value: string | number | null, style?: StyleName, format?: string): this {
    this.sheet.cells.push({ row, col, value, style, format });
    return this;
  }

  formula(row: number, col: number, formula: string, expected: number | string, format?: string, style: StyleName = "formula"): this {
    this.sheet.cells.push({ row, col, formula, expected, format, style });
    return this;
  }

  cell(spec: CellSpec): this {
    this.sheet.cells.push(spec);
    return this;
  }

  /** A row of text spanning columns col..lastCol. */
  banner(row: number, col: number, lastCol: number, text: string, style: StyleName): this {
    this.value(row, col, text, style);
    if (style === "title") this.sheet.rowHeights[row] = 26;
    if (lastCol > col) this.sheet.merges.push(rangeA1(row, col, row, lastCol));
    return this;
  }

  headers(row: number, col: number, labels: string[]): this {
    labels.forEach((label, i) => this.value(row, col + i, label, "header"));
    return this;
  }

  widths(widths: number[]): this {
    this.sheet.columnWidths = widths;
    return this;
  }

  conditional(spec: ConditionalFormatSpec): this {
    this.sheet.conditionalFormats.push(spec);
    return this;
  }

  chart(spec: ChartSpec): this {
    this.sheet.charts.push(spec);
    return this;
  }

  table(spec: TableSpec): this {
    this.sheet.tables.push(spec);
    return this;
  }
}
