/**
 * A large delimited order file read in two parts at once, on this machine's two cores: this thread reads the
 * first part, a worker thread the second (from a line start past the middle, after the header's bytes so that it
 * finds the same header), and the first reader absorbs the second's rows as if it had read on
 * (DelimitedOrderReader.absorbPart). The result is the one reading in one go gives; where the parts cannot be
 * joined (transcoded text, a quoted field across the cut, a worker that fails) the file is read in one go.
 * KPI_REVIEW_READ_IN_PARTS=never reads every file in one go, =always every file in parts (tests use it).
 */
import { closeSync, existsSync, openSync, readSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { DelimitedOrderReader, RowLimitExceeded, type DelimitedOrderOptions, type ReaderPart } from "../engine/customers/delimitedOrders";
import type { ReadOrdersResult } from "../engine/customers/orderTable";

/**
 * Below this size two threads save no time (measured on the 2-core machine: a million orders, 26 MB, take as long
 * either way and more CPU in two; five million, 132 MB, about 12% less time): starting a worker, compiling the
 * reader again there and joining the parts cost what the second core gains.
 */
export const PARTS_MIN_BYTES = 48 << 20;
const BLOCK = 1 << 20;
const WORKER = join(__dirname, "orderPartWorker.js");

/** What the worker posts back. */
export type PartMessage = { part: ReaderPart } | { unjoinable: true } | { rowLimit: number };

export interface PartJob {
  path: string;
  /** The file's bytes [0, headerEnd) (title lines and header), then [start, end). */
  headerEnd: number;
  start: number;
  end: number;
  options: DelimitedOrderOptions;
}

/** Reads bytes [from, to) of a file into the reader, a block at a time. */
export function pushRange(fd: number, reader: DelimitedOrderReader, from: number, to: number): void {
  const block = Buffer.allocUnsafe(BLOCK);
  for (let position = from; position < to; ) {
    const read = readSync(fd, block, 0, Math.min(BLOCK, to - position), position);
    if (read === 0) break;
    reader.push(block.subarray(0, read));
    position += read;
  }
}

/** The first line start at or after `from` (null when no line ends within 1 MB of it). */
function lineStartAfter(fd: number, from: number, size: number): number | null {
  const window = Buffer.allocUnsafe(Math.min(BLOCK, size - from));
  const read = readSync(fd, window, 0, window.length, from);
  const lf = window.subarray(0, read).indexOf(10);
  return lf < 0 ? null : from + lf + 1;
}

/**
 * Reads the file in two parts when that can be faster and joined; null when the caller should read it in one
 * go (small file, one core, no built worker, header not within the first block, parts that cannot be joined).
 * `fd` is open on the file; `options.expectedBytes` is its size.
 */
export async function readOrderFileInParts(path: string, fd: number, options: DelimitedOrderOptions): Promise<ReadOrdersResult | null> {
  const size = options.expectedBytes ?? 0;
  const setting = process.env.KPI_REVIEW_READ_IN_PARTS;
  if (setting === "never" || (setting !== "always" && (size < PARTS_MIN_BYTES || availableParallelism() < 2)) || !existsSync(WORKER)) return null;
  // The worker starts at the first line past the middle (a little past: this thread starts sooner).
  const start = lineStartAfter(fd, Math.floor(size * 0.52), size);
  if (start === null || start >= size) return null;
  const first = new DelimitedOrderReader(options);
  pushRange(fd, first, 0, Math.min(BLOCK, start));
  const headerEnd = first.headerBytesEnd();
  if (headerEnd === null || headerEnd > start) return null;
  const job: PartJob = { path, headerEnd, start, end: size, options: { ...options, expectedBytes: size - start } };
  const worker = new Worker(WORKER, { workerData: job });
  // Settles with null when the worker fails (the file is then read in one go), so it never rejects unheard.
  const posted = new Promise<PartMessage | null>((resolve) => {
    worker.once("message", resolve);
    worker.once("error", () => resolve(null));
  }).finally(() => void worker.terminate());
  try {
    pushRange(fd, first, Math.min(BLOCK, start), start);
  } catch (error) {
    void worker.terminate();
    throw error;
  }
  const message = await posted;
  if (message === null || "unjoinable" in message) return null;
  if ("rowLimit" in message) throw new RowLimitExceeded(message.rowLimit);
  if (!first.absorbPart(message.part)) return null;
  return first.finish();
}

/** The worker's side: reads its part and posts it back (typed arrays transferred, not copied). */
export function readPart(job: PartJob): { message: PartMessage; transfer: ArrayBuffer[] } {
  const fd = openSync(job.path, "r");
  try {
    const reader = new DelimitedOrderReader(job.options);
    pushRange(fd, reader, 0, job.headerEnd);
    pushRange(fd, reader, job.start, job.end);
    const part = reader.finishPart();
    if (!part) return { message: { unjoinable: true }, transfer: [] };
    const rows = part.rows;
    const arrays = [rows.customer, rows.day, rows.minor, rows.order, rows.product, rows.category, rows.quantity, part.keys.customers.numberedKey, part.keys.orders.numberedKey, part.keys.products.numberedKey, part.keys.categories.numberedKey];
    const transfer = [...new Set(arrays.filter((a): a is NonNullable<typeof a> => a !== null).map((a) => a.buffer as ArrayBuffer))];
    return { message: { part }, transfer };
  } catch (error) {
    if (error instanceof RowLimitExceeded) return { message: { rowLimit: error.limit }, transfer: [] };
    // Any other problem (bytes that are not text, …) is reported by reading the file in one go.
    return { message: { unjoinable: true }, transfer: [] };
  } finally {
    closeSync(fd);
  }
}
