/**
 * The fast path for order lists in delimited text (CSV, tab-separated, whitespace-separated like
 * CDNOW_master.txt): bytes go straight into typed columns in one pass, chunk by chunk, without a grid of
 * strings. Ids are interned from their bytes (a string is made once per distinct id), dates become day
 * numbers and amounts integer minor units by the same rules as the grid reader (orderValues.ts), so both
 * readers give identical tables. Memory holds the columns and one chunk, not the file's text.
 *
 * No Node API: the caller passes the chunks (a file read in blocks in the command line, `File.stream()` in
 * the pane's Web Worker). Encodings as engine/read/decodeText decides them, on the first chunk: a byte-order
 * mark (UTF-8, UTF-16LE/BE), else UTF-8, else GB18030; other encodings are decoded by TextDecoder in
 * streaming mode and re-encoded as UTF-8 for the byte parser.
 */
import { readLabel } from "../read/cellValue";
import { cellAddress } from "../read/grid";
import { encodingNote, type TextEncodingName } from "../read/decodeText";
import { InputError, issue } from "../../i18n/issues";
import { ByteInterner, type InternedKeys } from "./byteInterner";
import { findOrderColumns, rowColumns, type OrderColumnChoice } from "./orderColumns";
import { OrderTableBuilder, type OrderTablePart, type ReadOrdersResult } from "./orderTableBuilder";
import { amountFromText, isAsciiSpace, dayFromParts, multiplyAmounts, unguardId, MAX_DECIMALS, quantityFromText, readDayText, type DateFormat } from "./orderValues";
import { HEADER_SEARCH_ROWS, headerRowKind, type ReadOrderOptions } from "./orderTable";

export interface DelimitedOrderOptions extends ReadOrderOptions {
  /** Header names chosen by the analyst; others are recognised. */
  choice?: OrderColumnChoice;
  /** The name used in cell addresses (`orders!C14`): the file name without its extension. */
  sheet: string;
  /** The file name, for messages about its bytes. */
  source: string;
  /** About how many bytes will come (the file's size), to size the columns once instead of growing them. */
  expectedBytes?: number;
  /** Records (lines, as a sheet's rows) the caller takes at most: one more ends the reading with RowLimitExceeded. */
  maxRecords?: number;
}

/** What a reader read from one part of a list (DelimitedOrderReader.finishPart), in a form that can be posted. */
export interface ReaderPart {
  rows: OrderTablePart;
  /** Records read, the header and the lines above it included. */
  records: number;
  headerRecord: number;
  keys: { customers: InternedKeys; orders: InternedKeys; products: InternedKeys; categories: InternedKeys };
  productNames: string[] | null;
}

/** The list has more records than `DelimitedOrderOptions.maxRecords` (the caller reads it another way). */
export class RowLimitExceeded extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} rows`);
    this.name = "RowLimitExceeded";
  }
}

const LF = 10;
const CR = 13;
const TAB = 9;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
const SEMICOLON = 59;
const MAX_MANTISSA = 999_999_999_999_999;
/** Lines and bytes looked at for the delimiter (parseDelimitedText looks at as many lines and characters). */
const DELIMITER_LINES = 10;
const DELIMITER_BYTES = 20000;
/** Bytes looked at before deciding the encoding (decodeText looks for NUL bytes in as many). */
const SNIFF_BYTES = 4096;

/** Reads an order list from chunks of bytes; push every chunk, then finish. */
export class DelimitedOrderReader {
  // Decoding
  private stage: "sniff" | "utf8" | "transcode" = "sniff";
  private sniffed: Uint8Array[] = [];
  private sniffedBytes = 0;
  private encoding: TextEncodingName = "utf-8";
  private bom = false;
  private utf8Check: TextDecoder | null = null;
  private transcoder: TextDecoder | null = null;
  private readonly encoder = new TextEncoder();
  private readonly utf8 = new TextDecoder("utf-8");
  private asciiSoFar = true;
  /** The previous chunk ended inside no multi-byte sequence (its last byte was ASCII). */
  private cleanEnd = true;
  private offset = 0;

  // Parsing: `work` holds the unfinished record of the previous chunk followed by the new bytes.
  private work = new Uint8Array(1 << 16);
  private used = 0;
  private mode: "unknown" | "whitespace" | "delimited" = "unknown";
  private delimiter = COMMA;
  /** A quoted field was met: records go through the full RFC 4180 scanner from there on. */
  private quoted = false;
  /** The data ended inside a quoted field. */
  private unterminatedQuote = false;
  /** Offset in the parsed byte stream of work[0], and of the end of the record being read (within work). */
  private workBase = 0;
  private recordEnd = 0;
  /** The header's record number and the offset in the parsed byte stream just after it. */
  private headerRecord = -1;
  private headerEnd = -1;
  private record = 0;
  private fieldStart = new Int32Array(64);
  private fieldEnd = new Int32Array(64);
  private fieldEscaped = new Uint8Array(64);
  private fields = 0;
  private scratch = new Uint8Array(256);
  private builder: OrderTableBuilder | null = null;
  private headerAddress = "";
  private readonly customers: ByteInterner;
  private readonly orders: ByteInterner;
  /** Day numbers of yyyy-mm-dd dates already read, by (year − 1900, month, day); 0 = not yet. */
  private readonly dayCache = new Int32Array(1100 * 12 * 31);
  private readonly products = new ByteInterner();
  private readonly categories = new ByteInterner();
  private cCol = -1;
  private dCol = -1;
  private aCol = -1;
  /** The quantity column the amount is multiplied by (unit price × quantity), −1 when the amount is a column. */
  private tCol = -1;
  private oCol = -1;
  private pCol = -1;
  private gCol = -1;
  private qCol = -1;
  /** While no header is found: the first record of two or more different cells, and the first filled one. */
  private firstTwoCells: { r: number; labels: string[] } | null = null;
  private firstFilled: { r: number; labels: string[] } | null = null;
  private nameCol = -1;
  private productNames: string[] | null = null;
  // The current field's trimmed bytes (set by `trimmed`).
  private buf: Uint8Array = this.work;
  private ts = 0;
  private te = 0;
  private readonly sheetGrid: { sheet: string; values: never[] };

  private readonly maxRecords: number;

  constructor(private readonly options: DelimitedOrderOptions) {
    this.maxRecords = options.maxRecords ?? Infinity;
    this.sheetGrid = { sheet: options.sheet, values: [] };
    // A row of an order export takes 20 bytes or more; ids repeat, so an eighth of that many keys to start with.
    const rows = Math.min(options.expectedBytes ?? 0, 1 << 30) / 20;
    this.customers = new ByteInterner(Math.max(1 << 12, rows / 8));
    this.orders = new ByteInterner(Math.max(1 << 12, rows / 8));
  }

  push(chunk: Uint8Array): void {
    this.decode(chunk, false);
  }

  finish(): ReadOrdersResult {
    this.decode(new Uint8Array(0), true);
    const fallback = this.firstTwoCells ?? this.firstFilled;
    if (!this.builder && fallback) this.header(fallback.r, fallback.labels);
    if (!this.builder) throw new InputError([issue("ordersEmpty", this.options.source)]);
    const ids = { customers: this.customers, orders: this.orders, products: this.products, categories: this.categories, productNames: this.productNames };
    return this.builder.finish(ids, encodingNote({ text: "", encoding: this.encoding, bom: this.bom }));
  }

  /**
   * Where a second reader may take over, for reading the list in parts: the bytes of the file up to and with the
   * header (the part's reader reads them first, so that it finds the same header and numbers rows alike). Null
   * while the header is not read, while the encoding or the delimiter is still undecided (a reader in one go
   * might decide them on bytes past this point), or when the text is transcoded (offsets in the file unknown).
   */
  headerBytesEnd(): number | null {
    if (this.mode === "unknown") return null;
    if (this.headerEnd < 0 || this.stage !== "utf8") return null;
    return this.headerEnd + (this.bom ? 3 : 0);
  }

  /**
   * Ends the reading of one part of a list (the text from a record start on, after the header bytes): what it
   * read, for the reader of the part before it to absorb. Null when the part cannot be joined to another: its
   * text was transcoded, or it ended inside a quoted field.
   */
  finishPart(): ReaderPart | null {
    this.decode(new Uint8Array(0), true);
    if (!this.builder || this.stage !== "utf8" || this.unterminatedQuote) return null;
    return {
      rows: this.builder.part(),
      records: this.record,
      headerRecord: this.headerRecord,
      keys: { customers: this.customers.keys(), orders: this.orders.keys(), products: this.products.keys(), categories: this.categories.keys() },
      productNames: this.productNames,
    };
  }

  /**
   * Takes in the part that follows this reader's text (read by another reader from the record after this
   * reader's last one), as if this reader had read on. False when the two cannot be joined (this reader's text
   * ended inside a quoted field or was transcoded): then read the list in one go.
   */
  absorbPart(part: ReaderPart): boolean {
    this.decode(new Uint8Array(0), true);
    if (!this.builder || this.stage !== "utf8" || this.unterminatedQuote) return false;
    const customer = this.customers.absorb(part.keys.customers);
    const map = (own: ByteInterner, keys: InternedKeys, used: boolean) => (used ? own.absorb(keys) : null);
    const order = map(this.orders, part.keys.orders, this.oCol >= 0);
    const productsBefore = this.products.size;
    const product = map(this.products, part.keys.products, this.pCol >= 0);
    const category = map(this.categories, part.keys.categories, this.gCol >= 0);
    if (this.productNames && part.productNames && product) {
      for (let j = 0; j < product.length; j++) if (product[j] >= productsBefore && product[j] === this.productNames.length) this.productNames.push(part.productNames[j]);
    }
    const firstDataRecord = part.headerRecord + 1;
    this.builder.absorb(part.rows, { customer, order, product, category }, this.record - firstDataRecord);
    this.record += part.records - firstDataRecord;
    if (this.record > this.maxRecords) throw new RowLimitExceeded(this.maxRecords);
    return true;
  }

  // ---- Decoding -------------------------------------------------------------------------------------------

  private decode(chunk: Uint8Array, final: boolean): void {
    if (this.stage === "sniff") {
      if (chunk.length > 0) {
        this.sniffed.push(chunk.slice());
        this.sniffedBytes += chunk.length;
      }
      if (this.sniffedBytes < SNIFF_BYTES && !final) return;
      const bytes = concat(this.sniffed, this.sniffedBytes);
      this.sniffed = [];
      this.chooseEncoding(bytes, final);
      return;
    }
    this.decodeChunk(chunk, final);
  }

  private chooseEncoding(bytes: Uint8Array, final: boolean): void {
    const starts = (...prefix: number[]) => bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
    if (starts(0xef, 0xbb, 0xbf)) {
      this.bom = true;
      this.stage = "utf8";
      this.utf8Check = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
      this.offset = 3;
      this.decodeChunk(bytes.subarray(3), final);
      return;
    }
    if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
      this.bom = true;
      this.startTranscoding(bytes[0] === 0xff ? "utf-16le" : "utf-16be");
      this.decodeChunk(bytes, final);
      return;
    }
    if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw new InputError([issue("utf16WithoutBom", this.options.source)]);
    this.stage = "utf8";
    this.utf8Check = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    this.decodeChunk(bytes, final);
  }

  private startTranscoding(encoding: TextEncodingName): void {
    this.encoding = encoding;
    this.stage = "transcode";
    this.transcoder = new TextDecoder(encoding, { fatal: true });
  }

  private decodeChunk(chunk: Uint8Array, final: boolean): void {
    if (this.stage === "utf8") {
      // All-ASCII chunks after a clean end are valid UTF-8 as they are: no need to decode them.
      const ascii = this.cleanEnd && isAscii(chunk);
      let text: string | null = ascii ? "" : null;
      try {
        if (!ascii) text = this.utf8Check!.decode(chunk, { stream: !final });
      } catch {
        // Not UTF-8. While everything so far was ASCII (the same bytes in GB18030), it is GB18030 from here.
        if (this.bom || !this.asciiSoFar) throw this.undecodable("UTF-8", chunk);
        this.startTranscoding("gb18030");
      }
      if (text !== null) {
        if (!ascii && text.length !== chunk.length) this.asciiSoFar = false;
        this.cleanEnd = chunk.length === 0 ? this.cleanEnd : chunk[chunk.length - 1] < 0x80;
        this.offset += chunk.length;
        this.parse(chunk, final);
        return;
      }
    }
    let text: string;
    try {
      text = this.transcoder!.decode(chunk, { stream: !final });
    } catch {
      throw this.undecodable(this.encoding === "gb18030" ? "UTF-8 / GB18030" : this.encoding.toUpperCase(), chunk);
    }
    this.offset += chunk.length;
    this.parse(this.encoder.encode(text), final);
  }

  /** The error for bytes that fit no encoding, with the offset of the first bad byte of this chunk. */
  private undecodable(encoding: string, chunk: Uint8Array): InputError {
    const name = this.stage === "transcode" ? this.encoding : "utf-8";
    let lo = 0;
    let hi = chunk.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      try {
        new TextDecoder(name, { fatal: true }).decode(chunk.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    return new InputError([issue("undecodableText", this.options.source, { encoding, offset: this.offset + lo })]);
  }

  // ---- Records --------------------------------------------------------------------------------------------

  private parse(bytes: Uint8Array, final: boolean): void {
    // One byte to spare after the data, for the plain scanner's sentinel.
    if (this.used + bytes.length + 1 > this.work.length) {
      const next = new Uint8Array(Math.max(this.work.length * 2, this.used + bytes.length + 1));
      next.set(this.work.subarray(0, this.used));
      this.work = next;
    }
    this.work.set(bytes, this.used);
    this.used += bytes.length;
    if (this.mode === "unknown" && !this.chooseMode(final)) return;
    let consumed: number;
    if (this.mode === "whitespace") consumed = this.whitespaceRecords(final);
    else {
      // The plain scanner stops before the first record with a quoted field; the full one goes on from there.
      consumed = this.quoted ? 0 : this.plainRecords(final);
      if (this.quoted) consumed = this.delimitedRecords(final, consumed);
    }
    this.work.copyWithin(0, consumed, this.used);
    this.used -= consumed;
    this.workBase += consumed;
  }

  /**
   * The delimiter as parseDelimitedText decides it: from the first of the opening ten lines (within the first
   * 20,000 characters) that holds a tab, comma or semicolon (tab first, then comma, then semicolon);
   * whitespace-separated when none does. A title line above the header (`订单明细`) does not decide it.
   */
  private chooseMode(final: boolean): boolean {
    const b = this.work;
    const limit = Math.min(this.used, DELIMITER_BYTES);
    let start = 0;
    for (let line = 0; line < DELIMITER_LINES && start <= limit; line++) {
      let end = b.indexOf(LF, start);
      if (end < 0 || end >= limit) {
        if (!final && this.used < DELIMITER_BYTES) return false;
        end = limit;
      }
      let tab = false;
      let comma = false;
      let semicolon = false;
      for (let i = start; i < end; i++) {
        const c = b[i];
        if (c === TAB) tab = true;
        else if (c === COMMA) comma = true;
        else if (c === SEMICOLON) semicolon = true;
      }
      if (tab || comma || semicolon) {
        this.mode = "delimited";
        this.delimiter = tab ? TAB : comma ? COMMA : SEMICOLON;
        return true;
      }
      if (end >= limit) break;
      start = end + 1;
    }
    this.mode = "whitespace";
    return true;
  }

  private setField(f: number, start: number, end: number, escaped: boolean): void {
    if (f >= this.fieldStart.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const next = new (a.constructor as new (n: number) => T)(a.length * 2);
        next.set(a);
        return next;
      };
      this.fieldStart = grow(this.fieldStart);
      this.fieldEnd = grow(this.fieldEnd);
      this.fieldEscaped = grow(this.fieldEscaped);
    }
    this.fieldStart[f] = start;
    this.fieldEnd[f] = end;
    this.fieldEscaped[f] = escaped ? 1 : 0;
  }

  /** Comma/tab/semicolon separated records with RFC 4180 quoting; returns the bytes consumed. */
  private delimitedRecords(final: boolean, start = 0): number {
    const b = this.work;
    const end = this.used;
    const delimiter = this.delimiter;
    let p = start;
    records: while (p < end) {
      const recordStart = p;
      let f = 0;
      let nonBlank = false;
      for (;;) {
        let fs: number;
        let fe: number;
        let escaped = false;
        if (b[p] === QUOTE) {
          let q = p + 1;
          for (;;) {
            if (q >= end) {
              if (!final) {
                p = recordStart;
                break records;
              }
              this.unterminatedQuote = true;
              break;
            }
            if (b[q] === CR && q + 1 < end && b[q + 1] === LF) escaped = true;
            if (b[q] === QUOTE) {
              if (q + 1 < end && b[q + 1] === QUOTE) {
                escaped = true;
                q += 2;
                continue;
              }
              if (q + 1 >= end && !final) {
                p = recordStart;
                break records;
              }
              break;
            }
            q++;
          }
          fs = p + 1;
          fe = Math.min(q, end);
          p = q + 1;
          while (p < end && b[p] !== delimiter && b[p] !== LF) p++;
        } else {
          fs = p;
          while (p < end && b[p] !== delimiter && b[p] !== LF) p++;
          fe = p;
          if (fe > fs && b[fe - 1] === CR && (p >= end || b[p] === LF)) fe--;
        }
        if (p >= end && !final) {
          p = recordStart;
          break records;
        }
        if (!nonBlank) {
          for (let i = fs; i < fe; i++) {
            if (!isAsciiSpace(b[i])) {
              nonBlank = true;
              break;
            }
          }
        }
        this.setField(f++, fs, fe, escaped);
        if (p >= end) break;
        if (b[p] === LF) {
          p++;
          break;
        }
        p++;
      }
      this.fields = f;
      this.recordEnd = p;
      this.row(nonBlank);
    }
    return Math.min(p, end);
  }

  /**
   * Delimited records without quoted fields (most machine exports): the same fields as delimitedRecords gives,
   * by a tighter loop that stops on a sentinel line feed after the data. At the first field that starts with a
   * quote it sets `quoted` and returns the start of that record (a quote inside a field is a plain character
   * to both scanners).
   */
  private plainRecords(final: boolean): number {
    const b = this.work;
    const end = this.used;
    const delimiter = this.delimiter;
    b[end] = LF;
    let p = 0;
    while (p < end) {
      const recordStart = p;
      let f = 0;
      let nonBlank = false;
      for (;;) {
        const fs = p;
        let c = b[p];
        if (c === QUOTE) {
          this.quoted = true;
          return recordStart;
        }
        while (c !== delimiter && c !== LF) c = b[++p];
        if (p >= end && !final) return recordStart;
        let fe = p;
        if (fe > fs && b[fe - 1] === CR && c === LF) fe--;
        if (!nonBlank) {
          for (let i = fs; i < fe; i++) {
            if (!isAsciiSpace(b[i])) {
              nonBlank = true;
              break;
            }
          }
        }
        if (f < this.fieldStart.length) {
          this.fieldStart[f] = fs;
          this.fieldEnd[f] = fe;
          this.fieldEscaped[f] = 0;
          f++;
        } else this.setField(f++, fs, fe, false);
        p++;
        if (c === LF) break;
      }
      this.fields = f;
      this.recordEnd = p;
      this.row(nonBlank);
    }
    return Math.min(p, end);
  }

  /** Whitespace-separated records (no quoting, runs of spaces and tabs separate fields). */
  private whitespaceRecords(final: boolean): number {
    const b = this.work;
    const end = this.used;
    let p = 0;
    while (p < end) {
      const recordStart = p;
      let f = 0;
      let complete = false;
      while (p < end) {
        const c = b[p];
        if (c === LF) {
          p++;
          complete = true;
          break;
        }
        if (isAsciiSpace(c)) {
          p++;
          continue;
        }
        const fs = p;
        while (p < end && !isAsciiSpace(b[p])) p++;
        this.setField(f++, fs, p, false);
      }
      if (!complete && !final) {
        p = recordStart;
        break;
      }
      this.fields = f;
      this.recordEnd = p;
      this.row(f > 0);
    }
    return p;
  }

  // ---- Fields ---------------------------------------------------------------------------------------------

  /**
   * Sets buf/ts/te to field f's bytes without the surrounding ASCII whitespace (quotes undone). Returns false
   * when the field edges are non-ASCII (possibly Unicode spaces): then the caller takes the string route.
   */
  private trimmed(f: number): boolean {
    if (f >= this.fields) {
      this.buf = this.work;
      this.ts = this.te = 0;
      return true;
    }
    let s = this.fieldStart[f];
    let e = this.fieldEnd[f];
    let buf = this.work;
    if (this.fieldEscaped[f]) {
      if (this.scratch.length < e - s) this.scratch = new Uint8Array((e - s) * 2);
      let n = 0;
      for (let i = s; i < e; i++) {
        // A doubled quote is one quote; a line break inside the quotes is kept as Excel keeps it: LF, not CR LF.
        if (buf[i] === CR && i + 1 < e && buf[i + 1] === LF) continue;
        this.scratch[n++] = buf[i];
        if (buf[i] === QUOTE) i++;
      }
      buf = this.scratch;
      s = 0;
      e = n;
    }
    while (s < e && isAsciiSpace(buf[s])) s++;
    while (e > s && isAsciiSpace(buf[e - 1])) e--;
    this.buf = buf;
    this.ts = s;
    this.te = e;
    return s === e || (buf[s] < 0x80 && buf[e - 1] < 0x80);
  }

  /** Field f as text (quotes and CR LF inside quotes undone, not trimmed), for messages and the string route. */
  private text(f: number): string {
    if (f >= this.fields) return "";
    const s = this.fieldStart[f];
    const e = this.fieldEnd[f];
    const raw = this.utf8.decode(this.work.subarray(s, e));
    return this.fieldEscaped[f] ? raw.replace(/""/g, '"').replace(/\r\n/g, "\n") : raw;
  }

  /** Interns field f (trimmed); −1 when blank. */
  private intern(f: number, interner: ByteInterner): number {
    if (this.trimmed(f)) {
      const b = this.buf;
      const s = this.ts;
      const e = this.te;
      // Excel's text guard ="00123" as unguardId reads it: the text inside.
      if (e - s > 3 && b[s] === 61 && b[s + 1] === QUOTE && b[e - 1] === QUOTE) return interner.intern(b, s + 2, e - 1);
      return s === e ? -1 : interner.intern(b, s, e);
    }
    const key = this.encoder.encode(unguardId(this.text(f).trim()));
    return key.length === 0 ? -1 : interner.intern(key, 0, key.length);
  }

  private digits(start: number, end: number): number {
    const b = this.buf;
    let value = 0;
    for (let i = start; i < end; i++) {
      const c = b[i] - 48;
      if (c < 0 || c > 9) return -1;
      value = value * 10 + c;
    }
    return value;
  }

  /** The day of the trimmed field as readDayText reads it: the common shapes here, the rest through it. */
  private day(f: number, format: DateFormat | undefined): number | null {
    if (this.trimmed(f)) {
      const b = this.buf;
      const s = this.ts;
      const n = this.te - s;
      const timed = n === 19 && (b[s + 10] === SPACE || b[s + 10] === 84) && b[s + 13] === 58 && b[s + 16] === 58 && this.digits(s + 11, s + 13) >= 0 && this.digits(s + 14, s + 16) >= 0 && this.digits(s + 17, s + 19) >= 0;
      if (n === 10 || timed) {
        const sep = b[s + 4];
        if ((sep === 45 || sep === 47) && b[s + 7] === sep) {
          const year = this.digits(s, s + 4);
          const month = this.digits(s + 5, s + 7);
          const day = this.digits(s + 8, s + 10);
          if (year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
            const key = ((year - 1900) * 12 + month - 1) * 31 + day - 1;
            const cached = this.dayCache[key];
            if (cached !== 0) return cached === -0x7fffffff ? null : cached - 1;
            const value = dayFromParts(year, month, day);
            this.dayCache[key] = value === null ? -0x7fffffff : value + 1;
            return value;
          }
          if (year >= 0 && month >= 0 && day >= 0) return dayFromParts(year, month, day);
        }
      } else if (n === 8) {
        const year = this.digits(s, s + 4);
        if (year >= 0 && this.digits(s + 4, s + 8) >= 0) return dayFromParts(year, this.digits(s + 4, s + 6), this.digits(s + 6, s + 8));
      }
    }
    return readDayText(this.text(f).trim(), format);
  }

  /** The amount of the trimmed field as exactDecimal/amountFromText read it, into amountMinor/amountDecimals. */
  private amount(f: number): boolean {
    if (this.trimmed(f)) {
      const b = this.buf;
      let i = this.ts;
      const e = this.te;
      let negative = false;
      if (i < e && (b[i] === 45 || b[i] === 43)) {
        negative = b[i] === 45;
        i++;
      }
      let mantissa = 0;
      let decimals = -1;
      let seenDigit = false;
      let plain = true;
      for (; i < e; i++) {
        const c = b[i];
        if (c === 46) {
          if (decimals >= 0) {
            plain = false;
            break;
          }
          decimals = 0;
          continue;
        }
        const v = c - 48;
        if (v < 0 || v > 9) {
          plain = false;
          break;
        }
        seenDigit = true;
        if (decimals >= 0) decimals++;
        mantissa = mantissa * 10 + v;
        if (mantissa > MAX_MANTISSA) {
          plain = false;
          break;
        }
      }
      if (plain && seenDigit) {
        let d = decimals < 0 ? 0 : decimals;
        while (d > 0 && mantissa % 10 === 0) {
          mantissa /= 10;
          d--;
        }
        if (d <= MAX_DECIMALS) {
          this.amountMinor = negative && mantissa !== 0 ? -mantissa : mantissa;
          this.amountDecimals = d;
          return true;
        }
      }
    }
    const read = amountFromText(this.text(f).trim());
    if (read === null) return false;
    this.amountMinor = read.minor;
    this.amountDecimals = read.decimals;
    if (read.rounded) this.amountRounded = true;
    return true;
  }
  private amountMinor = 0;
  private amountDecimals = 0;
  /** The row's amount (or a factor of it) had more than MAX_DECIMALS decimals and was rounded. */
  private amountRounded = false;

  private quantity(f: number): number {
    if (this.trimmed(f)) {
      const s = this.ts;
      const e = this.te;
      if (e > s && e - s <= 15) {
        const v = this.digits(s, e);
        if (v >= 0) return v;
      }
    }
    return quantityFromText(this.text(f).trim());
  }

  private readonly dateText = (): string => readLabel(this.text(this.dCol));

  // ---- Rows -----------------------------------------------------------------------------------------------

  private row(nonBlank: boolean): void {
    const r = this.record++;
    if (r >= this.maxRecords) throw new RowLimitExceeded(this.maxRecords);
    if (!nonBlank) return;
    const builder = this.builder;
    if (!builder) {
      this.seekHeader(r);
      return;
    }
    builder.countDataRow();
    // The customer is interned only once the row is known to be usable, as the grid reader does.
    if (this.trimmed(this.cCol) ? this.ts === this.te : this.text(this.cCol).trim() === "") {
      builder.reject(r, "customer", "badCustomer", "");
      return;
    }
    const format = this.options.dateFormat;
    const day = this.day(this.dCol, format);
    if (day === null) {
      builder.reject(r, "date", "badDate", readLabel(this.text(this.dCol)));
      return;
    }
    this.amountRounded = false;
    if (!this.amount(this.aCol)) {
      builder.reject(r, "amount", "badAmount", readLabel(this.text(this.aCol)));
      return;
    }
    if (this.tCol >= 0) {
      const price = { minor: this.amountMinor, decimals: this.amountDecimals };
      if (!this.amount(this.tCol)) {
        builder.reject(r, "amount", "badAmount", readLabel(this.text(this.tCol)), this.tCol);
        return;
      }
      const line = multiplyAmounts(price, { minor: this.amountMinor, decimals: this.amountDecimals });
      this.amountMinor = line.minor;
      this.amountDecimals = line.decimals;
      if (line.rounded) this.amountRounded = true;
    }
    if (this.amountRounded) builder.noteRoundedAmount(r, this.aCol);
    let order = -1;
    if (this.oCol >= 0) {
      order = this.intern(this.oCol, this.orders);
      if (order < 0) {
        order = this.orders.unique();
        builder.noteBlankOrderId();
      }
    }
    const product = this.pCol >= 0 ? this.intern(this.pCol, this.products) : -1;
    if (product >= 0 && this.productNames && this.productNames.length < this.products.size) this.productNames.push(unguardId(this.text(this.nameCol).trim()));
    const category = this.gCol >= 0 ? this.intern(this.gCol, this.categories) : -1;
    const quantity = this.qCol >= 0 ? this.quantity(this.qCol) : NaN;
    const customer = this.intern(this.cCol, this.customers);
    builder.add(r, customer, day, this.amountMinor, this.amountDecimals, order, product, category, quantity, this.dateText);
  }

  /**
   * The header by the grid reader's rule (orderHeaderRow): among the first rows, the first from which the
   * customer, date and amount columns can be read (title and note lines above it are skipped); else the first
   * row of two or more different cells, else the first filled one (whose missing columns are then reported);
   * with only blank rows among the first, the first filled row further down.
   */
  private seekHeader(r: number): void {
    const labels = this.labels();
    if (r < HEADER_SEARCH_ROWS) {
      const kind = headerRowKind(labels, this.options.choice ?? {});
      if (kind === "header") this.header(r, labels);
      if (kind !== "blank" && !this.firstFilled) this.firstFilled = { r, labels };
      if (kind === "twoCells" && !this.firstTwoCells) this.firstTwoCells = { r, labels };
      return;
    }
    const fallback = this.firstTwoCells ?? this.firstFilled;
    if (fallback) this.header(fallback.r, fallback.labels);
    else if (labels.some((l) => l !== "")) this.header(r, labels);
  }

  private labels(): string[] {
    const labels: string[] = [];
    for (let f = 0; f < this.fields; f++) labels.push(readLabel(this.text(f)));
    return labels;
  }

  private header(r: number, labels = this.labels()): void {
    this.headerRecord = r;
    this.headerEnd = this.workBase + this.recordEnd;
    this.headerAddress = cellAddress(this.sheetGrid, r, 0);
    const columns = findOrderColumns(labels, this.options.choice ?? {}, this.headerAddress);
    ({ customer: this.cCol, date: this.dCol, amount: this.aCol, times: this.tCol, order: this.oCol, product: this.pCol, category: this.gCol, quantity: this.qCol, productName: this.nameCol } = rowColumns(labels, columns));
    this.productNames = this.nameCol >= 0 ? [] : null;
    this.builder = new OrderTableBuilder(columns, {
      dateFormat: this.options.dateFormat,
      addressOf: (row, col) => cellAddress(this.sheetGrid, row, col),
      headerAddress: this.headerAddress,
      capacity: Math.max(1 << 12, Math.ceil((this.options.expectedBytes ?? 0) / 16)),
    });
  }
}

/** No byte above 0x7F (read a word at a time where the bytes are aligned). */
function isAscii(bytes: Uint8Array): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n && (bytes.byteOffset + i) % 4 !== 0) if (bytes[i++] >= 0x80) return false;
  const words = (n - i) >>> 2;
  if (words > 0) {
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
    let acc = 0;
    for (let w = 0; w < words; w++) acc |= view[w];
    if (acc & 0x80808080) return false;
    i += words * 4;
  }
  for (; i < n; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Reads an order list from a source of byte chunks (sync or async iterable). */
export async function readDelimitedOrders(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: DelimitedOrderOptions): Promise<ReadOrdersResult> {
  const reader = new DelimitedOrderReader(options);
  for await (const chunk of chunks) reader.push(chunk);
  return reader.finish();
}

/** Reads an order list held in memory as bytes (tests, small files). */
export function readDelimitedOrderBytes(bytes: Uint8Array, options: DelimitedOrderOptions): ReadOrdersResult {
  const reader = new DelimitedOrderReader(options);
  reader.push(bytes);
  return reader.finish();
}
