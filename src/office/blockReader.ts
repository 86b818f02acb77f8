/**
 * Reading a rectangle of a sheet in blocks sized by bytes: the first block is small, every next one is sized
 * from the bytes per row measured so far, so a request stays under BYTES_PER_REQUEST whatever the cells hold
 * (numbers, or long Chinese text at 3+ bytes a character). One sync per block.
 */
import { BYTES_PER_REQUEST, rowBytes } from "./requestBytes";

export interface BlockReadOptions {
  /** Cap on cells per request, whatever their size. */
  maxCells?: number;
  budget?: number;
  /** Called between blocks; throw to stop (cancellation). */
  between?: () => void;
  onBlock?: (rowsRead: number, rowsTotal: number) => void;
}

export const MAX_CELLS_PER_READ = 200_000;
const FIRST_BLOCK_ROWS = 500;

/**
 * Reads rows top..top+rows of the given columns (each `[left, width]` span read as its own range) and hands
 * each block to `take` as rows of the spans' cells side by side.
 */
export async function readBlocks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  top: number,
  rows: number,
  spans: Array<[left: number, width: number]>,
  property: "values" | "formulas",
  take: (block: unknown[][][], firstRow: number) => void,
  options: BlockReadOptions = {},
): Promise<void> {
  const cols = spans.reduce((n, [, w]) => n + w, 0);
  const maxCells = options.maxCells ?? MAX_CELLS_PER_READ;
  const budget = options.budget ?? BYTES_PER_REQUEST;
  const maxRows = Math.max(1, Math.floor(maxCells / Math.max(1, cols)));
  let blockRows = Math.min(maxRows, FIRST_BLOCK_ROWS);
  for (let row = top; row < top + rows; ) {
    options.between?.();
    const n = Math.min(blockRows, top + rows - row);
    const ranges = spans.map(([left, width]) => {
      const range = sheet.getRangeByIndexes(row, left, n, width);
      range.load(property);
      return range;
    });
    await context.sync();
    const block = ranges.map((r) => (property === "values" ? r.values : r.formulas) as unknown[][]);
    take(block, row);
    row += n;
    options.onBlock?.(row - top, rows);
    let bytes = 0;
    for (const part of block) for (const line of part) bytes += rowBytes(line);
    const perRow = Math.max(1, bytes / n);
    blockRows = Math.max(1, Math.min(maxRows, Math.floor(budget / (perRow * 1.25))));
  }
}
