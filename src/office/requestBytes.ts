/**
 * Request sizes for Excel on the web, which caps one request (or response) at 5 MB: an estimate of the JSON
 * bytes a block of cells takes, so that reads and writes are cut into blocks by bytes, not by cell count.
 * Characters past ASCII count 3 bytes (UTF-8; Chinese text); the budget leaves room for escaping.
 */

/** Bytes per request the adapter aims at: well below the 5 MB cap even if every non-ASCII character were escaped. */
export const BYTES_PER_REQUEST = 2_000_000;

/** Estimated JSON bytes of one cell value (with its separator). */
export function cellBytes(value: unknown): number {
  if (value === null || value === undefined) return 5;
  if (typeof value === "number") return String(value).length + 1;
  if (typeof value === "boolean") return 6;
  const text = String(value);
  let bytes = text.length + 3;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) bytes += 2;
  return bytes;
}

/** Estimated JSON bytes of a row of cells. */
export function rowBytes(row: readonly unknown[]): number {
  let bytes = 2;
  for (const value of row) bytes += cellBytes(value);
  return bytes;
}

/**
 * How many rows from `start` fit in one request: at most `maxCells` cells and `budget` bytes (the bytes of a row
 * given by `bytesOfRow`), at least one row.
 */
export function rowsThatFit(start: number, end: number, bytesOfRow: (row: number) => number, cols: number, maxCells: number, budget = BYTES_PER_REQUEST): number {
  const maxRows = Math.max(1, Math.floor(maxCells / Math.max(1, cols)));
  let bytes = 0;
  let n = 0;
  while (start + n < end && n < maxRows) {
    const next = bytesOfRow(start + n);
    if (n > 0 && bytes + next > budget) break;
    bytes += next;
    n++;
  }
  return Math.max(1, n);
}
