/**
 * Reading an order list from the workbook: the header first, then only the columns the job uses (customer,
 * date, amount, order id, product and its name, category, quantity: the engine's header rules decide which), in
 * blocks sized by bytes, each column into one flat array. What the
 * reader cannot find (no customer column…) is reported from the header before the rows are read.
 */
import { HEADER_SEARCH_ROWS, orderHeaderRow, readOrderHeader, type OrderColumnChoice } from "../engine/customers/orderTable";
import { findProductNameColumn, type OrderColumns as HeaderColumns } from "../engine/customers/orderColumns";
import { readLabel } from "../engine/read/cellValue";
import { resolveBounds, type DataSource, type ReadOptions } from "./readGrid";
import { readBlocks } from "./blockReader";
import type { OrderColumns } from "./orderColumns";
import type { CellInput } from "../engine/read/cellValue";

/** Rows read to find the header (the first non-empty row). */
/** Rows looked at for the header (the engine's HEADER_SEARCH_ROWS). */
const HEAD_ROWS = HEADER_SEARCH_ROWS;

export interface OrderReadOptions extends ReadOptions {
  onProgress?: (rowsRead: number, rowsTotal: number) => void;
  /** Columns the analyst named (field → header); the others are recognised. */
  choice?: OrderColumnChoice;
}

/** Runs of adjacent column indexes as [first, width]. */
function spansOf(indexes: number[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const i of [...indexes].sort((a, b) => a - b)) {
    const last = spans[spans.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else spans.push([i, 1]);
  }
  return spans;
}

export async function readOrderColumns(context: Excel.RequestContext, source: DataSource, options: OrderReadOptions = {}): Promise<OrderColumns> {
  const bounds = await resolveBounds(context, source);
  const origin = { row: bounds.top, col: bounds.left };
  if (bounds.rows === 0 || bounds.cols === 0) return { sheet: bounds.sheetName, origin, header: [], columns: [], rows: 0 };
  const head: CellInput[][] = [];
  await readBlocks(context, bounds.sheet, bounds.top, Math.min(HEAD_ROWS, bounds.rows), [[bounds.left, bounds.cols]], "values", (block) => head.push(...(block[0] as CellInput[][])), { between: options.between });
  // The header by the engine's rule: title and note rows above it are skipped, as the file readers skip them.
  const headerRow = orderHeaderRow({ values: head, sheet: bounds.sheetName }, options.choice ?? {});
  // The engine's own header rules decide the columns (and report missing ones by cell).
  const { columns, headers } = readOrderHeader({ values: headerRow < 0 ? head : [head[headerRow]], sheet: bounds.sheetName, origin: { row: bounds.top + Math.max(0, headerRow), col: bounds.left } }, options.choice ?? {});
  // The products' names beside their ids (for the top list), as the engine's grid reader finds them.
  const found = Object.fromEntries(Object.entries(columns).map(([field, index]) => [field, { index, header: headers[field as keyof typeof headers] ?? "" }])) as HeaderColumns;
  const nameColumn = findProductNameColumn(head[headerRow].map((cell) => readLabel(cell)), found);
  const needed = [...new Set([...(Object.values(columns) as number[]), ...(nameColumn >= 0 ? [nameColumn] : [])])].sort((a, b) => a - b);
  const out: OrderColumns = {
    sheet: bounds.sheetName,
    origin: { row: bounds.top + headerRow, col: bounds.left },
    header: head[headerRow],
    columns: needed.map((index) => ({ index, cells: [] })),
    rows: bounds.rows - headerRow - 1,
    choice: options.choice,
  };
  const byIndex = new Map(out.columns.map((c) => [c.index, c.cells]));
  const spans = spansOf(needed);
  await readBlocks(
    context,
    bounds.sheet,
    bounds.top + headerRow + 1,
    out.rows,
    spans.map(([first, width]) => [bounds.left + first, width]),
    "values",
    (block) => {
      block.forEach((part, s) => {
        const [first, width] = spans[s];
        for (let c = 0; c < width; c++) {
          const cells = byIndex.get(first + c)!;
          for (const line of part) cells.push(line[c] as CellInput);
        }
      });
    },
    { between: options.between, onBlock: options.onProgress, budget: options.budget },
  );
  return out;
}
