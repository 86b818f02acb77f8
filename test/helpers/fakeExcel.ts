/**
 * A fake Excel host for the Office.js adapter, built on office-addin-mock, as strict as Excel where Excel is
 * strict (../shared/rig.md "How real Excel differs from a lenient fake"):
 * - Writes are queued and take effect at `context.sync()`, in order; loads are answered at sync. A batch is not
 *   a transaction: operations before a failing one stay applied, the rest are dropped and the sync rejects.
 * - Strings written through `values`/`formulas` are parsed like typed input (test/helpers/typedInput.ts) unless
 *   the cell is formatted `@` before the write or the text starts with an apostrophe.
 * - Table names and workbook-scoped defined names are unique across the workbook (InvalidArgument); sheet
 *   names follow Excel's rules (1–31 characters, none of []:*?/\, no leading/trailing apostrophe, unique
 *   case-insensitively); renaming a sheet retargets formulas that point at it, deleting it turns them to #REF!.
 * - `run(...)` rejects while the user edits a cell unless `delayForCellEdit: true` (then it waits).
 * - Each request's bytes (JSON of the values/formulas/formats written and of the values read) are measured and
 *   capped (5 MB by default): a bigger request fails with RequestPayloadSizeLimitExceeded.
 * - After `suspendApiCalculationUntilNextSync`, formulas written are stale until `application.calculate`.
 * - Members above the fake's ExcelApi version throw ApiNotFound (default 1.12; `new FakeExcel({ apiVersion })`).
 * - `reopen()` gives every sheet a new id, as has been reported across sessions on some platforms.
 * Readable counters: `syncs`, `requestCells`, `requestBytes`, `largestRequestBytes`, `screenSuspensions`.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnIndex, columnLetter, quoteSheetName } from "../../src/engine/read/grid";
import { typeIn } from "./typedInput";

type Content = string | number | boolean;
export type Cell = { formula?: Content; type?: "text" | "number" | "boolean" | "formula"; format?: string; style?: Record<string, unknown> };

export interface FakeChart {
  type: string;
  title: string;
  series: Array<{ name: string; values?: string; chartType?: string; labels?: string; axisGroup?: string }>;
  valueFormat?: string;
  /** Set when the chart reads its first range by rows (a series along a row). */
  seriesBy?: string;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, Cell>;
  merges: string[];
  conditionalFormats: Array<{ range: string; formula: string; fill: string }>;
  tables: Array<{ name: string; address: string }>;
  charts: FakeChart[];
  frozen: unknown;
  tabColor?: string;
  /** Sheet-scoped defined names. */
  names: Map<string, string>;
  /** Worksheet custom properties (ExcelApi 1.12): they travel with the sheet. */
  customProperties: Map<string, string>;
}

export interface FakeOptions {
  /** The ExcelApi version the fake host supports; members above it throw ApiNotFound. */
  apiVersion?: string;
  /** Largest request (write payload + read payload), in bytes. */
  maxRequestBytes?: number;
}

export interface QueuedOperation {
  kind: string;
  detail: string;
}

export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;
export const MAX_SHEET_NAME = 31;

function parseA1(address: string): { row: number; col: number; rows: number; cols: number } {
  const [a, b] = address.replace(/\$/g, "").replace(/^.*!/, "").split(":");
  const p = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(`InvalidArgument: not an A1 address: ${address}`);
    return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
  };
  const start = p(a);
  const end = b ? p(b) : start;
  return { row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

function versionAtLeast(have: string, need: string): boolean {
  const [a, b] = have.split(".").map(Number);
  const [c, d] = need.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

const encoder = new TextEncoder();
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** Why Excel refuses `name` as a sheet name, or null. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > MAX_SHEET_NAME) return `a sheet name has 1 to ${MAX_SHEET_NAME} characters: "${name}"`;
  if (/[[\]:*?/\\]/.test(name)) return `a sheet name cannot contain []:*?/\\: "${name}"`;
  if (name.startsWith("'") || name.endsWith("'")) return `a sheet name cannot start or end with an apostrophe: "${name}"`;
  if (name.toLowerCase() === "history") return `"History" is reserved`;
  return null;
}

/** Why Excel refuses `name` as a table or defined name (its form only), or null. */
export function definedNameProblem(name: string): string | null {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || name.length > 255) return `not a valid name: "${name}"`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]\d*$/.test(name) || /^R\d+C\d+$/i.test(name)) return `a name cannot look like a cell reference: "${name}"`;
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A regular expression matching references to sheet `name` in formula text (`Name!` or `'Name'!`). */
function sheetReference(name: string): RegExp {
  const quoted = `'${escapeRegExp(name.replace(/'/g, "''"))}'!`;
  const bare = `(?<![\\p{L}\\p{N}_.'])${escapeRegExp(name)}!`;
  return new RegExp(`${quoted}|${bare}`, "giu");
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  settings = new Map<string, string>();
  /** Tables and workbook-scoped names put in by a test as sources to read (not on a FakeSheet). */
  tables = new Map<string, { sheet: string; address: string }>();
  names = new Map<string, { sheet: string; address: string }>();
  selection: { sheet: string; address: string } = { sheet: "", address: "A1" };
  syncs = 0;
  /** Cells read or written in each sync. */
  requestCells: number[] = [];
  /** Bytes of each request: JSON of what was written plus what was read. */
  requestBytes: number[] = [];
  /** suspendScreenUpdatingUntilNextSync calls, in all and per sync. */
  screenSuspensions = 0;
  screenSuspensionsPerSync: number[] = [];
  /** Full recalculations asked for. */
  calculations = 0;
  /** Formulas written while calculation was suspended and not recalculated since. */
  stale = false;
  /** Throw at this sync (1-based), once, before anything of it is applied. */
  failAtSync: number | null = null;
  /** Throw when this operation comes up in a sync (the ones before it stay applied), once. */
  failWhen: ((op: QueuedOperation) => boolean) | null = null;
  /** The user is editing a cell: `run` without delayForCellEdit fails. */
  editingCell = false;
  readonly apiVersion: string;
  readonly maxRequestBytes: number;
  readonly capabilities: { isSetSupported(name: string, version: string): boolean };
  private pending: Array<QueuedOperation & { apply: () => void; bytes: number }> = [];
  private loads: Array<() => number> = [];
  private cellsThisRequest = 0;
  private screenThisRequest = 0;
  private calcSuspendedThisRequest = false;
  private formulasThisRequest = false;
  private editWaiters: Array<() => void> = [];
  private nextId = 1;
  private nextTable = 1;
  readonly context: Excel.RequestContext;

  constructor(options: FakeOptions = {}) {
    const fake = this;
    this.apiVersion = options.apiVersion ?? "1.12";
    this.maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
    this.capabilities = { isSetSupported: (name, version) => name !== "ExcelApi" || versionAtLeast(fake.apiVersion, version) };
    const application = {
      suspendApiCalculationUntilNextSync: () => {
        fake.require("1.6", "suspendApiCalculationUntilNextSync");
        fake.calcSuspendedThisRequest = true;
      },
      suspendScreenUpdatingUntilNextSync: () => {
        fake.require("1.9", "suspendScreenUpdatingUntilNextSync");
        fake.screenSuspensions++;
        fake.screenThisRequest++;
      },
      calculate: (type: string) => fake.queue("calculate", String(type), () => {
        fake.calculations++;
        fake.stale = false;
      }),
    };
    this.context = {
      workbook: {
        getSelectedRange: () => fake.rangeOn(fake.selection.sheet, parseA1(fake.selection.address)),
        tables: fake.tableCollection(),
        names: fake.nameCollection(),
        worksheets: fake.worksheetCollection(),
        settings: {
          add: (key: string, value: string) => fake.queue("setting", key, () => fake.settings.set(key, value), jsonBytes(value)),
          getItemOrNullObject: (key: string) =>
            fake.loadable({ value: "", isNullObject: false }, () => ({ isNullObject: !fake.settings.has(key), value: fake.settings.get(key) ?? "" })),
        },
      },
      application,
      sync: () => fake.sync(),
    } as unknown as Excel.RequestContext;
  }

  /** `Excel.run` as Excel behaves: `run(batch)` or `run({ delayForCellEdit }, batch)`. */
  run = async <T>(optionsOrBatch: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>), maybeBatch?: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const batch = typeof optionsOrBatch === "function" ? optionsOrBatch : maybeBatch!;
    const options = typeof optionsOrBatch === "function" ? {} : optionsOrBatch;
    if (this.editingCell) {
      if (!options.delayForCellEdit) throw new Error("InvalidOperationInCellEditMode: Excel is in cell-editing mode. Exit the edit mode by pressing ENTER or TAB.");
      await new Promise<void>((resolve) => this.editWaiters.push(resolve));
    }
    return batch(this.context);
  };

  /** The user presses Enter: waiting runs go on. */
  endCellEdit(): void {
    this.editingCell = false;
    for (const resolve of this.editWaiters.splice(0)) resolve();
  }

  get largestRequestBytes(): number {
    return this.requestBytes.reduce((m, b) => Math.max(m, b), 0);
  }

  addSheet(name: string, values: unknown[][] = [], origin = { row: 0, col: 0 }): FakeSheet {
    const sheet = this.newSheet(name);
    values.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") sheet.cells.set(`${origin.row + r},${origin.col + c}`, { formula: v as Content, type: typeof v === "string" && v.startsWith("=") ? "formula" : (typeof v as "text") });
    }));
    this.sheets.push(sheet);
    return sheet;
  }

  /** Closing and opening the workbook: every sheet gets a new id; names, cells, properties and settings stay. */
  reopen(): void {
    for (const sheet of this.sheets) sheet.id = `{sheet-${this.nextId++}}`;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** The stored content of a cell: the number, boolean or text, or the formula text. */
  cell(sheet: string, address: string): Content | undefined {
    const { row, col } = parseA1(address);
    return this.sheet(sheet)?.cells.get(`${row},${col}`)?.formula;
  }

  /** What kind of content a cell holds. */
  cellType(sheet: string, address: string): Cell["type"] {
    const { row, col } = parseA1(address);
    return this.sheet(sheet)?.cells.get(`${row},${col}`)?.type;
  }

  /** Every table name in the workbook, lower-cased. */
  private tableNames(): Set<string> {
    return new Set([...this.tables.keys(), ...this.names.keys(), ...this.sheets.flatMap((s) => s.tables.map((t) => t.name))].map((n) => n.toLowerCase()));
  }

  private newSheet(name: string): FakeSheet {
    return { id: `{sheet-${this.nextId++}}`, name, cells: new Map(), merges: [], conditionalFormats: [], tables: [], charts: [], frozen: null, names: new Map(), customProperties: new Map() };
  }

  private require(version: string, member: string): void {
    if (!versionAtLeast(this.apiVersion, version)) throw new Error(`ApiNotFound: ${member} needs ExcelApi ${version}; this host has ${this.apiVersion}`);
  }

  private queue(kind: string, detail: string, apply: () => void, bytes = 0): void {
    this.pending.push({ kind, detail, apply, bytes });
  }

  private endRequest(bytes: number): void {
    this.requestCells.push(this.cellsThisRequest);
    this.requestBytes.push(bytes);
    this.screenSuspensionsPerSync.push(this.screenThisRequest);
    if (this.calcSuspendedThisRequest && this.formulasThisRequest) this.stale = true;
    this.cellsThisRequest = 0;
    this.screenThisRequest = 0;
    this.calcSuspendedThisRequest = false;
    this.formulasThisRequest = false;
  }

  private async sync(): Promise<void> {
    this.syncs++;
    const pending = this.pending;
    const loads = this.loads;
    this.pending = [];
    this.loads = [];
    const writeBytes = pending.reduce((n, op) => n + op.bytes, 0);
    if (this.failAtSync === this.syncs) {
      this.failAtSync = null;
      this.endRequest(writeBytes);
      throw new Error("GeneralException: the request failed (simulated)");
    }
    if (writeBytes > this.maxRequestBytes) {
      this.endRequest(writeBytes);
      throw new Error(`RequestPayloadSizeLimitExceeded: the request is ${writeBytes} bytes; the limit is ${this.maxRequestBytes}`);
    }
    try {
      for (const op of pending) {
        if (this.failWhen?.(op)) {
          this.failWhen = null;
          throw new Error(`GeneralException: ${op.kind} ${op.detail} failed (simulated)`);
        }
        op.apply();
      }
    } catch (error) {
      this.endRequest(writeBytes);
      throw error;
    }
    let readBytes = 0;
    for (const load of loads) readBytes += load();
    await new Promise((resolve) => setTimeout(resolve, 0)); // lets the mocks' own sync() settle
    this.endRequest(writeBytes + readBytes);
    if (writeBytes + readBytes > this.maxRequestBytes) throw new Error(`RequestPayloadSizeLimitExceeded: the response is ${readBytes} bytes; the limit is ${this.maxRequestBytes}`);
  }

  /**
   * An office-addin-mock object whose `load` is answered at the next sync by `answer` (property → value);
   * `extra` adds methods and write-only members.
   */
  private loadable<T>(data: Record<string, unknown>, answer: (props: string[]) => Record<string, unknown>, extra: Record<string, unknown> = {}, bytesOf: (values: Record<string, unknown>) => number = () => 0): T {
    const mock = new OfficeMockObject(data) as unknown as Record<string, unknown> & { load(p: string): unknown; sync(): Promise<void>; setValue(k: string, v: unknown): void };
    const originalLoad = mock.load.bind(mock);
    const setValue = mock.setValue.bind(mock);
    for (const [key, value] of Object.entries(extra)) {
      const descriptor = Object.getOwnPropertyDescriptor(extra, key)!;
      if (descriptor.get || descriptor.set) Object.defineProperty(mock, key, descriptor);
      else mock[key] = value;
    }
    mock.load = (props: string) => {
      const names = props.split(",").map((p) => p.trim()).filter((p) => p in data);
      if ("isNullObject" in data && !names.includes("isNullObject")) names.push("isNullObject"); // always there after sync, as in Office.js
      if (names.length) originalLoad(names.join(","));
      this.loads.push(() => {
        const answered = answer(props.split(",").map((p) => p.trim()));
        const values = Object.fromEntries(Object.entries(answered).filter(([key]) => !key.startsWith("__")));
        for (const [key, value] of Object.entries(values)) setValue(key, value);
        if (Object.keys(values).length) originalLoad(Object.keys(values).join(","));
        void mock.sync();
        return typeof answered.__bytes === "number" ? answered.__bytes : bytesOf(values);
      });
      return mock;
    };
    return mock as unknown as T;
  }

  private rangeFor(ref: { sheet: string; address: string } | undefined, what: string) {
    if (!ref) throw new Error(`ItemNotFound: ${what}`);
    return this.rangeOn(ref.sheet, parseA1(ref.address));
  }

  private sheetBy(key: string): FakeSheet {
    const found = this.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
    if (!found) throw new Error(`ItemNotFound: sheet ${key}`);
    return found;
  }

  private usedBounds(sheet: FakeSheet) {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const [key, cell] of sheet.cells) {
      if (cell.formula === undefined || cell.formula === "") continue;
      const [r, c] = key.split(",").map(Number);
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** Writes `input` as typed input into a cell, as Excel does at sync. */
  private typeInto(sheet: FakeSheet, key: string, input: unknown): void {
    const cell = sheet.cells.get(key) ?? {};
    const typed = typeIn(input as Content | null, cell.format ?? "General");
    if (!typed) {
      delete cell.formula;
      delete cell.type;
    } else {
      cell.formula = typed.value;
      cell.type = typed.type;
      if (typed.type === "formula") this.formulasThisRequest = true;
      if (typed.type === "number" && typed.format && (cell.format ?? "General") === "General") cell.format = typed.format;
    }
    if (cell.formula === undefined && cell.format === undefined && cell.style === undefined) sheet.cells.delete(key);
    else sheet.cells.set(key, cell);
  }

  /** A range proxy: loads answer at sync; assigned formulas/values/numberFormat are queued in order. */
  rangeOn(sheetKey: string, box: { row: number; col: number; rows: number; cols: number }): Excel.Range {
    const fake = this;
    const sheetRef = () => fake.sheetBy(sheetKey);
    const read = () => {
      const sheet = sheetRef();
      return Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.cols }, (_, c) => sheet.cells.get(`${box.row + r},${box.col + c}`)?.formula ?? ""));
    };
    const format = { font: {} as Record<string, unknown>, fill: {} as Record<string, unknown>, borders: { getItem: () => ({}) }, columnWidth: 0, horizontalAlignment: "" };
    const address = `${columnLetter(box.col)}${box.row + 1}:${columnLetter(box.col + box.cols - 1)}${box.row + box.rows}`;
    const checkShape = (matrix: unknown, what: string) => {
      if (!Array.isArray(matrix) || matrix.length !== box.rows || matrix.some((row) => !Array.isArray(row) || row.length !== box.cols)) {
        throw new Error(`InvalidArgument: ${what} of ${address} must be ${box.rows} × ${box.cols}`);
      }
    };
    const writeCells = (what: "values" | "formulas") => (matrix: unknown[][]) => {
      checkShape(matrix, what);
      fake.queue(what, `${sheetKey}!${address}`, () => {
        const sheet = sheetRef();
        fake.cellsThisRequest += box.rows * box.cols;
        matrix.forEach((row, r) => row.forEach((v, c) => fake.typeInto(sheet, `${box.row + r},${box.col + c}`, v)));
      }, jsonBytes(matrix));
    };
    const writeFormats = (matrix: unknown) => {
      const formats = typeof matrix === "string" ? Array.from({ length: box.rows }, () => new Array(box.cols).fill(matrix)) : (matrix as string[][]);
      checkShape(formats, "numberFormat");
      fake.queue("numberFormat", `${sheetKey}!${address}`, () => {
        const sheet = sheetRef();
        formats.forEach((row, r) => row.forEach((f, c) => {
          const key = `${box.row + r},${box.col + c}`;
          const cell = sheet.cells.get(key) ?? {};
          cell.format = f;
          sheet.cells.set(key, cell);
        }));
      }, jsonBytes(formats));
    };
    let loadedValues: unknown = "Error, property was not loaded";
    let loadedFormulas: unknown = "Error, property was not loaded";
    const extra = {
      /** Test-only: where this range is, without a load. */
      fakeAddress: address,
      set formulas(matrix: unknown[][]) { writeCells("formulas")(matrix); },
      get formulas() { return loadedFormulas as unknown[][]; },
      set values(matrix: unknown[][]) { writeCells("values")(matrix); },
      get values() { return loadedValues as unknown[][]; },
      set numberFormat(matrix: unknown) { writeFormats(matrix); },
      format,
      get worksheet() { return fake.worksheetProxy(sheetKey); },
      merge: () => fake.queue("merge", address, () => sheetRef().merges.push(address)),
      calculate: () => fake.queue("calculate", address, () => (fake.stale = false)),
      conditionalFormats: {
        add: (type?: string) => {
          const cf = { type, custom: { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } }, colorScale: { criteria: null as unknown } };
          fake.queue("conditionalFormat", address, () => sheetRef().conditionalFormats.push({ range: address, formula: type === "ColorScale" ? `colorScale:${JSON.stringify(cf.colorScale.criteria)}` : cf.custom.rule.formula, fill: String(cf.custom.format.fill.color) }));
          return cf;
        },
      },
      getUsedRangeOrNullObject: () => fake.usedRange(sheetKey),
      getSpecialCellsOrNullObject: (type: string) => {
        fake.require("1.9", "getSpecialCellsOrNullObject");
        return fake.specialCells(sheetKey, box, type);
      },
    };
    // As in Office.js, Range.address names the sheet: 'My sheet'!A1:B3.
    const fullAddress = () => `${quoteSheetName(sheetRef().name)}!${address}`;
    const mock = fake.loadable<Excel.Range>(
      { rowIndex: box.row, columnIndex: box.col, rowCount: box.rows, columnCount: box.cols, address: "", isNullObject: false },
      (props) => {
        const answer: Record<string, unknown> = { rowIndex: box.row, columnIndex: box.col, rowCount: box.rows, columnCount: box.cols, address: fullAddress(), isNullObject: false };
        if (props.includes("values") || props.includes("formulas")) {
          fake.cellsThisRequest += box.rows * box.cols;
          const matrix = read();
          if (props.includes("values")) loadedValues = matrix;
          if (props.includes("formulas")) loadedFormulas = matrix;
          const copies = Number(props.includes("values")) + Number(props.includes("formulas"));
          return { ...Object.fromEntries(Object.entries(answer).filter(([k]) => props.includes(k))), __bytes: jsonBytes(matrix) * copies };
        }
        return Object.fromEntries(Object.entries(answer).filter(([k]) => props.includes(k)));
      },
      extra,
    );
    const style = () => {
      if (Object.keys(format.font).length || Object.keys(format.fill).length) {
        const cell = sheetRef().cells.get(`${box.row},${box.col}`) ?? {};
        cell.style = { ...format.font, fill: format.fill.color };
        sheetRef().cells.set(`${box.row},${box.col}`, cell);
      }
    };
    fake.queue("style", address, () => style());
    return mock;
  }

  /**
   * Formula cells of a range (Range.getSpecialCellsOrNullObject("Formulas"), ExcelApi 1.9), as Excel gives them:
   * areas of adjacent cells (here: runs along a row), each with its address and a formulas matrix.
   */
  private specialCells(sheetKey: string, box: { row: number; col: number; rows: number; cols: number }, type: string) {
    const fake = this;
    const found = () => {
      const sheet = fake.sheetBy(sheetKey);
      const cells: Array<[number, number, Content]> = [];
      for (const [key, cell] of sheet.cells) {
        const [r, c] = key.split(",").map(Number);
        if (cell.type !== "formula" || type !== "Formulas") continue;
        if (r < box.row || r >= box.row + box.rows || c < box.col || c >= box.col + box.cols) continue;
        cells.push([r, c, cell.formula!]);
      }
      cells.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      const areas: Array<{ address: string; formulas: Content[][] }> = [];
      let run: { row: number; col: number; formulas: Content[] } | null = null;
      const close = () => {
        if (!run) return;
        const end = run.col + run.formulas.length - 1;
        const range = end === run.col ? `${columnLetter(run.col)}${run.row + 1}` : `${columnLetter(run.col)}${run.row + 1}:${columnLetter(end)}${run.row + 1}`;
        areas.push({ address: `${quoteSheetName(sheet.name)}!${range}`, formulas: [run.formulas] });
      };
      for (const [r, c, formula] of cells) {
        if (run && run.row === r && run.col + run.formulas.length === c) run.formulas.push(formula);
        else {
          close();
          run = { row: r, col: c, formulas: [formula] };
        }
      }
      close();
      return { areas, count: cells.length };
    };
    const areas = fake.loadable<{ items: unknown[] }>({ items: [] as unknown[] }, () => ({ items: found().areas }), {}, (v) => jsonBytes(v.items));
    return fake.loadable<Excel.RangeAreas>({ isNullObject: false, cellCount: 0 }, () => {
      const { count } = found();
      return { isNullObject: count === 0, cellCount: count };
    }, { areas });
  }

  private usedRange(sheetKey: string): Excel.Range {
    const bounds = this.usedBounds(this.sheetBy(sheetKey));
    if (!bounds) {
      const zero = { isNullObject: true, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 };
      return this.loadable<Excel.Range>(zero, (props) => Object.fromEntries(Object.entries(zero).filter(([k]) => props.includes(k))), {
        getSpecialCellsOrNullObject: () => this.loadable<Excel.RangeAreas>({ isNullObject: true }, () => ({ isNullObject: true })),
      });
    }
    return this.rangeOn(sheetKey, bounds);
  }

  /** Formulas anywhere that point at sheet `name` now point at `replacement` (`'New name'!` or `#REF!`). */
  private retarget(name: string, replacement: string): void {
    const pattern = sheetReference(name);
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) {
        if (cell.type === "formula" && typeof cell.formula === "string") cell.formula = cell.formula.replace(pattern, replacement);
      }
    }
  }

  private worksheetProxy(sheetKey: string): Excel.Worksheet {
    const fake = this;
    const sheet = () => fake.sheetBy(sheetKey);
    const current = fake.sheets.find((s) => s.id === sheetKey || s.name === sheetKey);
    // `name` is handled below (renames are queued); the mock answers `id`.
    const exists = () => fake.sheets.some((s) => s.id === sheetKey || s.name.toLowerCase() === sheetKey.toLowerCase());
    const mock = fake.loadable<Excel.Worksheet>({ id: current?.id ?? sheetKey, isNullObject: false }, (props) =>
      exists() ? { ...(props.includes("id") ? { id: sheet().id } : {}), isNullObject: false } : { isNullObject: true },
    );
    let pendingName: string | null = null;
    Object.defineProperty(mock, "name", {
      get: () => pendingName ?? sheet().name,
      set: (name: string) => {
        pendingName = name;
        fake.queue("renameSheet", `${sheetKey} → ${name}`, () => {
          const target = sheet();
          const problem = sheetNameProblem(name);
          if (problem) throw new Error(`InvalidArgument: ${problem}`);
          const clash = fake.sheets.find((s) => s !== target && s.name.toLowerCase() === name.toLowerCase());
          if (clash) throw new Error(`InvalidArgument: a sheet named ${name} exists`);
          fake.retarget(target.name, `${quoteSheetName(name)}!`);
          target.name = name;
          pendingName = null;
        });
      },
    });
    Object.defineProperty(mock, "customProperties", {
      get: () => {
        fake.require("1.12", "Worksheet.customProperties");
        return {
          add: (key: string, value: string) => fake.queue("customProperty", key, () => sheet().customProperties.set(key, String(value)), jsonBytes(value)),
          getItemOrNullObject: (key: string) =>
            fake.loadable({ value: "", isNullObject: false }, () => ({ isNullObject: !sheet().customProperties.has(key), value: sheet().customProperties.get(key) ?? "" })),
        };
      },
    });
    Object.defineProperty(mock, "pageLayout", {
      get: () => {
        fake.require("1.9", "Worksheet.pageLayout");
        return { setPrintTitleRows: () => undefined };
      },
    });
    const names = fake.loadable<Excel.NamedItemCollection>({ items: [] as unknown[] }, () => ({ items: [...sheet().names.keys()].map((name) => ({ name })) }));
    Object.assign(names, {
      add: (name: string, reference: Excel.Range | string) => {
        fake.queue("addSheetName", name, () => {
          const problem = definedNameProblem(name);
          if (problem) throw new Error(`InvalidArgument: ${problem}`);
          if ([...sheet().names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw new Error(`InvalidArgument: the name ${name} exists on this sheet`);
          sheet().names.set(name, typeof reference === "string" ? reference : (reference as unknown as { fakeAddress: string }).fakeAddress);
        });
      },
      getItemOrNullObject: (name: string) => fake.loadable({ name, isNullObject: false }, () => ({ isNullObject: ![...sheet().names.keys()].some((n) => n.toLowerCase() === name.toLowerCase()), name })),
    });
    Object.assign(mock, {
      names,
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => fake.rangeOn(sheetKey, { row, col, rows, cols }),
      getRange: (address: string) => fake.rangeOn(sheetKey, parseA1(address)),
      getUsedRangeOrNullObject: () => fake.usedRange(sheetKey),
      delete: () => {
        fake.queue("deleteSheet", sheetKey, () => {
          const target = sheet();
          fake.sheets = fake.sheets.filter((s) => s !== target);
          fake.retarget(target.name, "#REF!");
        });
      },
      activate: () => undefined,
      freezePanes: { freezeRows: (n: number) => fake.queue("freeze", String(n), () => (sheet().frozen = { rows: n })), freezeAt: () => fake.queue("freeze", "at", () => (sheet().frozen = "at")) },
      tables: {
        add: (address: string) => {
          const table = { name: `Table${fake.nextTable++}`, style: "" };
          const added = { name: table.name, address };
          fake.queue("addTable", address, () => {
            if (fake.tableNames().has(table.name.toLowerCase())) throw new Error(`InvalidArgument: a table named ${table.name} exists`);
            sheet().tables.push(added);
          });
          return {
            set name(name: string) {
              fake.queue("renameTable", name, () => {
                const problem = definedNameProblem(name);
                if (problem) throw new Error(`InvalidArgument: ${problem}`);
                const others = new Set([...fake.tableNames()].filter((n) => n !== added.name.toLowerCase()));
                if (others.has(name.toLowerCase())) throw new Error(`InvalidArgument: the name ${name} is already used by a table or a name in this workbook`);
                added.name = name;
              });
            },
            set style(value: string) { table.style = value; },
          };
        },
      },
      charts: {
        add: (type: string, range: Excel.Range, seriesBy?: string) => {
          const chart: FakeChart = { type, title: "", series: [], ...(seriesBy === "Rows" ? { seriesBy } : {}) };
          const seriesProxy = (values?: string) => {
            const s: FakeChart["series"][number] = { name: "", values, chartType: undefined };
            chart.series.push(s);
            return {
              set name(v: string) { s.name = v; },
              set chartType(v: string) { s.chartType = v; },
              set axisGroup(v: string) { s.axisGroup = v; },
              set hasDataLabels(v: boolean) { void v; },
              setValues: (r: Excel.Range) => (s.values = (r as unknown as { fakeAddress: string }).fakeAddress),
              setXAxisValues: () => undefined,
              format: { fill: { clear: () => undefined, setSolidColor: () => undefined } },
              dataLabels: { set numberFormat(v: string) { s.labels = v; } },
            };
          };
          const first = seriesProxy((range as unknown as { fakeAddress: string }).fakeAddress);
          fake.queue("addChart", type, () => sheet().charts.push(chart));
          const valueAxis = {};
          Object.defineProperty(valueAxis, "numberFormat", { set: (v: string) => (fake.require("1.8", "ChartAxis.numberFormat"), (chart.valueFormat = v)) });
          return {
            title: { set text(v: string) { chart.title = v; } },
            legend: {},
            axes: { valueAxis },
            series: { getItemAt: () => first, add: () => seriesProxy() },
            setPosition: () => undefined,
          };
        },
      },
    });
    return mock;
  }

  private worksheetCollection() {
    const fake = this;
    const collection = fake.loadable<Excel.WorksheetCollection>({ items: [] as unknown[] }, () => ({ items: fake.sheets.map((s) => ({ name: s.name, id: s.id })) }));
    Object.assign(collection, {
      add: (name: string) => {
        const sheet = fake.newSheet(name);
        fake.queue("addSheet", name, () => {
          const problem = sheetNameProblem(name);
          if (problem) throw new Error(`InvalidArgument: ${problem}`);
          if (fake.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`InvalidArgument: a sheet named ${name} exists`);
          fake.sheets.push(sheet);
        });
        return fake.worksheetProxy(sheet.id);
      },
      getItem: (key: string) => fake.worksheetProxy(fake.sheetBy(key).id),
      getItemOrNullObject: (key: string) => fake.worksheetProxy(key),
    });
    return collection;
  }

  private tableCollection() {
    const fake = this;
    const collection = fake.loadable<Excel.TableCollection>({ items: [] as unknown[] }, () => ({
      items: [...fake.tables.keys(), ...fake.sheets.flatMap((s) => s.tables.map((t) => t.name))].map((name) => ({ name })),
    }));
    const find = (name: string) => {
      if (fake.tables.has(name)) return fake.tables.get(name);
      for (const sheet of fake.sheets) {
        const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
        if (table) return { sheet: sheet.id, address: table.address };
      }
      return undefined;
    };
    Object.assign(collection, { getItem: (name: string) => ({ getRange: () => fake.rangeFor(find(name), `table ${name}`) }) });
    return collection;
  }

  private nameCollection() {
    const fake = this;
    const collection = fake.loadable<Excel.NamedItemCollection>({ items: [] as unknown[] }, () => ({ items: [...fake.names.keys()].map((name) => ({ name })) }));
    return Object.assign(collection, {
      getItem: (name: string) => ({ getRange: () => fake.rangeFor(fake.names.get(name), `name ${name}`) }),
      add: (name: string, reference: Excel.Range | string) =>
        fake.queue("addName", name, () => {
          const problem = definedNameProblem(name);
          if (problem) throw new Error(`InvalidArgument: ${problem}`);
          if (fake.tableNames().has(name.toLowerCase())) throw new Error(`InvalidArgument: the name ${name} is already used by a table or a name in this workbook`);
          const address = typeof reference === "string" ? reference : (reference as unknown as { fakeAddress: string }).fakeAddress;
          fake.names.set(name, { sheet: "", address });
        }),
    });
  }
}
