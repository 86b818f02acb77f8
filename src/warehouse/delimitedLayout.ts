/**
 * A delimited order file (CSV, TSV; plain or .gz) as DuckDB is to read it, settled from its opening bytes by the
 * TypeScript reader's own rules (engine/read/decodeText.ts, cli/inputFiles.ts, engine/customers/orderTable.ts):
 * the delimiter (the first of the opening lines that has one), the title lines above the header (skipped). What
 * DuckDB cannot read by those rules (UTF-16, GB18030/GBK, whitespace-separated columns) is a NeedsTsEngine.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { constants, gunzipSync } from "node:zlib";
import { parseDelimitedText } from "../cli/inputFiles";
import { orderHeaderRow } from "../engine/customers/orderTable";

/** Bytes looked at: enough for the delimiter (20,000 characters), the title lines and the header. */
const HEAD_BYTES = 256 * 1024;

export interface DelimitedLayout {
  delimiter: "," | "\t" | ";";
  /** Lines above the header (a title such as 订单明细). */
  skip: number;
}

/** Why the TypeScript reader must read the file (worded in i18n/issues.ts). */
export type TsReaderReason = "utf16" | "notUtf8" | "spaceSeparated" | "dates" | "amounts" | "ids" | "amountUnit";

/** The file must be read by the TypeScript engine: the reason, and a value of the file that shows it. */
export class NeedsTsEngine extends Error {
  constructor(
    readonly reason: TsReaderReason,
    readonly value = "",
  ) {
    super(`${reason} ${value}`.trim());
    this.name = "NeedsTsEngine";
  }
}

function head(path: string, gz: boolean): { bytes: Uint8Array; whole: boolean } {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(HEAD_BYTES);
    const read = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const bytes = buffer.subarray(0, read);
    if (!gz) return { bytes, whole: read < HEAD_BYTES };
    // The opening of the stream only: a truncated gzip decompresses as far as it goes with a sync flush.
    const inflated = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
    return { bytes: inflated.subarray(0, HEAD_BYTES), whole: read < HEAD_BYTES && inflated.length <= HEAD_BYTES };
  } finally {
    closeSync(fd);
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The opening text as UTF-8, or the reason DuckDB (which reads UTF-8 only) cannot take the file. */
function openingText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) throw new NeedsTsEngine("utf16");
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body, { stream: true });
  } catch {
    throw new NeedsTsEngine("notUtf8");
  }
}

export function delimitedLayout(path: string, gz: boolean): DelimitedLayout {
  const { bytes, whole } = head(path, gz);
  let text = openingText(bytes);
  // A cut last line would be read as a short row: the opening lines up to the last complete one.
  if (!whole && text.includes("\n")) text = text.slice(0, text.lastIndexOf("\n"));
  const opening = text.slice(0, 20000).split(/\r?\n/).slice(0, 10);
  const first = opening.find((line) => /[,\t;]/.test(line));
  if (first === undefined) throw new NeedsTsEngine("spaceSeparated");
  const delimiter = first.includes("\t") ? "\t" : first.includes(",") ? "," : ";";
  const header = orderHeaderRow({ sheet: "", values: parseDelimitedText(text) });
  return { delimiter, skip: Math.max(0, header) };
}
