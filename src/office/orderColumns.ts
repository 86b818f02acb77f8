/**
 * The order list as the office layer reads it: the header row and only the columns the job needs, each as one
 * flat array of cells (no array per row on Excel's UI thread). Turning them into the engine's typed order
 * columns and segmenting the customers happens here, in the Web Worker (src/taskpane/segmentation.worker.ts);
 * the typed arrays go back to the pane transferred, not copied. Free of Office.js.
 */
import { readOrderGrid, type OrderColumnChoice, type OrderTable, type ReadOrdersResult } from "../engine/customers/orderTable";
import { segmentOrders, type Segmentation } from "../engine/customers/segmentation";
import type { SegmentationSettings } from "../engine/customers/rfm";
import type { Grid } from "../engine/read/grid";
import type { CellInput } from "../engine/read/cellValue";

export interface OrderColumns {
  /** Sheet name, for addresses such as 订单!C14. */
  sheet: string;
  /** Where the header row starts on the sheet (0-based). */
  origin: { row: number; col: number };
  /** The header row, every column of the source. */
  header: CellInput[];
  /** The needed columns (index within the source) with their cells below the header. */
  columns: Array<{ index: number; cells: CellInput[] }>;
  /** Data rows below the header. */
  rows: number;
  /** Columns the analyst named (field → header), as the pane's order step chose them. */
  choice?: OrderColumnChoice;
}

export interface PreparedOrders {
  read: ReadOrdersResult;
  segmentation: Segmentation;
}

/** A grid of the source's shape holding only the needed columns (the others are holes), so addresses stay right. */
export function gridOfColumns(payload: OrderColumns): Grid {
  const width = payload.header.length;
  const values: CellInput[][] = new Array(payload.rows + 1);
  values[0] = payload.header;
  for (let r = 0; r < payload.rows; r++) {
    const row = new Array<CellInput>(width);
    for (const column of payload.columns) row[column.index] = column.cells[r];
    values[r + 1] = row;
  }
  return { values, sheet: payload.sheet, origin: payload.origin };
}

export function prepareOrders(payload: OrderColumns, settings: SegmentationSettings): PreparedOrders {
  const read = readOrderGrid(gridOfColumns(payload), payload.choice ?? {});
  return { read, segmentation: segmentOrders(read.table, settings) };
}

/**
 * The result as the worker posts it to the pane: the order ids' texts stay behind (the reader makes them only
 * when read, and the pane counts orders by their indexes), so millions of order numbers are never copied.
 * On the pane's side `orderIds` is empty while `order` keeps the indexes.
 */
export function forPosting(prepared: PreparedOrders): PreparedOrders {
  const source = prepared.read.table;
  const table = {} as Record<string, unknown>;
  for (const key of Object.keys(source)) if (key !== "orderIds") table[key] = source[key as keyof OrderTable];
  table.orderIds = source.order ? [] : null;
  return { ...prepared, read: { ...prepared.read, table: table as unknown as OrderTable } };
}

/** The buffers behind every typed array of the result: posted as transfers, they move instead of being copied. */
export function transferablesOf(prepared: PreparedOrders): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (value: unknown) => {
    // Not `instanceof`: typed arrays may come from another realm (a test runner's, a worker's).
    if (ArrayBuffer.isView(value) && Object.prototype.toString.call(value.buffer) === "[object ArrayBuffer]") buffers.add(value.buffer as ArrayBuffer);
  };
  for (const value of Object.values(prepared.read.table)) visit(value);
  for (const value of Object.values(prepared.segmentation.scores)) visit(value);
  return [...buffers];
}

export type WorkerReply = { ok: true; result: PreparedOrders } | { ok: false; message: string; issues?: unknown };

/** The worker's job: one message in, one reply out, typed arrays transferred. */
export function handleOrdersMessage(data: { payload: OrderColumns; settings: SegmentationSettings }, post: (reply: WorkerReply, transfer: ArrayBuffer[]) => void): void {
  try {
    const result = forPosting(prepareOrders(data.payload, data.settings));
    post({ ok: true, result }, transferablesOf(result));
  } catch (error) {
    const issues = error && typeof error === "object" && "issues" in error ? (error as { issues: unknown }).issues : undefined;
    post({ ok: false, message: error instanceof Error ? error.message : String(error), issues }, []);
  }
}
