/**
 * A fake Excel host for the Office.js adapter, built on office-addin-mock: a workbook store (sheets, cells,
 * tables, names, settings, charts) behind mock objects. As in Excel, writes are queued and take effect at
 * `context.sync()`; loads are answered at sync. It counts syncs, records the cells each request touched, and
 * can fail a chosen sync, so tests can check batching and what a failure leaves behind.
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnIndex, columnLetter, quoteSheetName } from "../../src/engine/read/grid";

type Cell = { formula: string | number | boolean; format?: string; style?: Record<string, unknown> };

export interface FakeChart {
  type: string;
  title: string;
  series: Array<{ name: string; values?: string; chartType?: string; axisGroup?: string }>;
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
}

function parseA1(address: string): { row: number; col: number; rows: number; cols: number } {
  const [a, b] = address.replace(/\$/g, "").split(":");
  const p = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
  };
  const start = p(a);
  const end = b ? p(b) : start;
  return { row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  settings = new Map<string, string>();
  tables = new Map<string, { sheet: string; address: string }>();
  names = new Map<string, { sheet: string; address: string }>();
  selection: { sheet: string; address: string } = { sheet: "", address: "A1" };
  syncs = 0;
  /** Cells read or written in each sync. */
  requestCells: number[] = [];
  /** Throw at this sync (1-based), once. */
  failAtSync: number | null = null;
  private pending: Array<() => void> = [];
  private loads: Array<() => void> = [];
  private cellsThisRequest = 0;
  private nextId = 1;
  readonly context: Excel.RequestContext;

  constructor() {
    const fake = this;
    this.context = {
      workbook: {
        getSelectedRange: () => fake.rangeOn(fake.selection.sheet, parseA1(fake.selection.address)),
        tables: { getItem: (name: string) => ({ getRange: () => fake.rangeFor(fake.tables.get(name), `table ${name}`) }) },
        names: { getItem: (name: string) => ({ getRange: () => fake.rangeFor(fake.names.get(name), `name ${name}`) }) },
        worksheets: fake.worksheetCollection(),
        settings: {
          add: (key: string, value: string) => fake.pending.push(() => fake.settings.set(key, value)),
          getItemOrNullObject: (key: string) =>
            fake.loadable({ value: "", isNullObject: false }, () => ({ isNullObject: !fake.settings.has(key), value: fake.settings.get(key) ?? "" })),
        },
      },
      application: { suspendApiCalculationUntilNextSync: () => undefined, suspendScreenUpdatingUntilNextSync: () => undefined },
      sync: () => fake.sync(),
    } as unknown as Excel.RequestContext;
  }

  addSheet(name: string, values: unknown[][] = [], origin = { row: 0, col: 0 }): FakeSheet {
    const sheet: FakeSheet = { id: `{sheet-${this.nextId++}}`, name, cells: new Map(), merges: [], conditionalFormats: [], tables: [], charts: [], frozen: null };
    values.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") sheet.cells.set(`${origin.row + r},${origin.col + c}`, { formula: v as string | number });
    }));
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** The stored content of a cell: the number or text, or the formula text. */
  cell(sheet: string, address: string): string | number | boolean | undefined {
    const { row, col } = parseA1(address);
    return this.sheet(sheet)?.cells.get(`${row},${col}`)?.formula;
  }

  private async sync(): Promise<void> {
    this.syncs++;
    if (this.failAtSync === this.syncs) {
      this.failAtSync = null;
      this.pending = [];
      this.loads = [];
      this.requestCells.push(this.cellsThisRequest);
      this.cellsThisRequest = 0;
      throw new Error("GeneralException: the request failed (simulated)");
    }
    const pending = this.pending;
    this.pending = [];
    for (const op of pending) op();
    const loads = this.loads;
    this.loads = [];
    for (const load of loads) load();
    await new Promise((resolve) => setTimeout(resolve, 0)); // lets the mocks' own sync() settle
    this.requestCells.push(this.cellsThisRequest);
    this.cellsThisRequest = 0;
  }

  /**
   * An office-addin-mock object whose `load` is answered at the next sync by `answer` (property → value);
   * `extra` adds methods and write-only members.
   */
  private loadable<T>(data: Record<string, unknown>, answer: (props: string[]) => Record<string, unknown>, extra: Record<string, unknown> = {}): T {
    const mock = new OfficeMockObject(data) as unknown as Record<string, unknown> & { load(p: string): unknown; sync(): Promise<void>; setValue(k: string, v: unknown): void };
    const originalLoad = mock.load.bind(mock);
    const setValue = mock.setValue.bind(mock);
    Object.assign(mock, extra);
    mock.load = (props: string) => {
      const names = props.split(",").map((p) => p.trim()).filter((p) => p in data);
      if ("isNullObject" in data && !names.includes("isNullObject")) names.push("isNullObject"); // always there after sync, as in Office.js
      if (names.length) originalLoad(names.join(","));
      this.loads.push(() => {
        const values = answer(names);
        for (const [key, value] of Object.entries(values)) setValue(key, value);
        if (Object.keys(values).length) originalLoad(Object.keys(values).join(","));
        void mock.sync();
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
    for (const key of sheet.cells.keys()) {
      const [r, c] = key.split(",").map(Number);
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** A range proxy: loads answer at sync; assigned formulas/values/numberFormat land at sync. */
  rangeOn(sheetKey: string, box: { row: number; col: number; rows: number; cols: number }): Excel.Range {
    const fake = this;
    const sheetRef = () => fake.sheetBy(sheetKey);
    const read = () => {
      const sheet = sheetRef();
      return Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.cols }, (_, c) => sheet.cells.get(`${box.row + r},${box.col + c}`)?.formula ?? ""));
    };
    const format = { font: {} as Record<string, unknown>, fill: {} as Record<string, unknown>, borders: { getItem: () => ({}) }, columnWidth: 0, horizontalAlignment: "" };
    const address = `${columnLetter(box.col)}${box.row + 1}:${columnLetter(box.col + box.cols - 1)}${box.row + box.rows}`;
    const extra = {
      /** Test-only: where this range is, without a load. */
      fakeAddress: address,
      formulas: undefined as unknown,
      numberFormat: undefined as unknown,
      format,
      worksheet: fake.worksheetProxy(sheetKey),
      merge: () => fake.pending.push(() => sheetRef().merges.push(address)),
      conditionalFormats: {
        add: (type?: string) => {
          const cf = { type, custom: { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } }, colorScale: { criteria: null as unknown } };
          fake.pending.push(() => sheetRef().conditionalFormats.push({ range: address, formula: type === "ColorScale" ? `colorScale:${JSON.stringify(cf.colorScale.criteria)}` : cf.custom.rule.formula, fill: String(cf.custom.format.fill.color) }));
          return cf;
        },
      },
      getUsedRangeOrNullObject: () => fake.usedRange(sheetKey),
    };
    // As in Office.js, Range.address names the sheet: 'My sheet'!A1:B3.
    const fullAddress = () => `${quoteSheetName(sheetRef().name)}!${address}`;
    const mock = fake.loadable<Excel.Range>(
      { rowIndex: box.row, columnIndex: box.col, rowCount: box.rows, columnCount: box.cols, address: "", values: [[""]], isNullObject: false },
      (props) => {
        const answer: Record<string, unknown> = { rowIndex: box.row, columnIndex: box.col, rowCount: box.rows, columnCount: box.cols, address: fullAddress(), isNullObject: false };
        if (props.includes("values")) {
          fake.cellsThisRequest += box.rows * box.cols;
          answer.values = read();
        }
        return Object.fromEntries(Object.entries(answer).filter(([k]) => props.includes(k)));
      },
      extra,
    );
    fake.pending.push(() => {
      const written = (mock as unknown as { formulas: unknown }).formulas;
      const formats = (mock as unknown as { numberFormat: unknown }).numberFormat;
      const sheet = sheetRef();
      if (Array.isArray(written)) {
        fake.cellsThisRequest += box.rows * box.cols;
        (written as unknown[][]).forEach((row, r) => row.forEach((v, c) => {
          const key = `${box.row + r},${box.col + c}`;
          if (v === "" || v === null) sheet.cells.delete(key);
          else sheet.cells.set(key, { ...(sheet.cells.get(key) ?? {}), formula: v as string | number });
        }));
      }
      if (Array.isArray(formats)) {
        (formats as string[][]).forEach((row, r) => row.forEach((f, c) => {
          const cell = sheet.cells.get(`${box.row + r},${box.col + c}`);
          if (cell && f !== "General") cell.format = f;
        }));
      }
      if (Object.keys(format.font).length || Object.keys(format.fill).length) {
        const cell = sheet.cells.get(`${box.row},${box.col}`);
        if (cell) cell.style = { ...format.font, fill: format.fill.color };
      }
    });
    return mock;
  }

  private usedRange(sheetKey: string): Excel.Range {
    const bounds = this.usedBounds(this.sheetBy(sheetKey));
    if (!bounds) {
      const zero = { isNullObject: true, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 };
      return this.loadable<Excel.Range>(zero, (props) => Object.fromEntries(Object.entries(zero).filter(([k]) => props.includes(k))));
    }
    return this.rangeOn(sheetKey, bounds);
  }

  private worksheetProxy(sheetKey: string): Excel.Worksheet {
    const fake = this;
    const sheet = () => fake.sheetBy(sheetKey);
    const current = fake.sheets.find((s) => s.id === sheetKey || s.name === sheetKey);
    // `name` is handled below (renames are queued); the mock answers `id`.
    const mock = fake.loadable<Excel.Worksheet>({ id: current?.id ?? sheetKey }, (props) => (props.includes("id") ? { id: sheet().id } : {}));
    let pendingName: string | null = null;
    Object.defineProperty(mock, "name", {
      get: () => pendingName ?? sheet().name,
      set: (name: string) => {
        pendingName = name;
        const id = sheet().id;
        fake.pending.push(() => {
          const clash = fake.sheets.find((s) => s.id !== id && s.name.toLowerCase() === name.toLowerCase());
          if (clash) throw new Error(`InvalidArgument: a sheet named ${name} exists`);
          fake.sheetBy(id).name = name;
          pendingName = null;
        });
      },
    });
    const charts: FakeChart[] = [];
    Object.assign(mock, {
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => fake.rangeOn(sheet().id, { row, col, rows, cols }),
      getRange: (address: string) => fake.rangeOn(sheet().id, parseA1(address)),
      getUsedRangeOrNullObject: () => fake.usedRange(sheet().id),
      delete: () => {
        const id = sheet().id;
        fake.pending.push(() => (fake.sheets = fake.sheets.filter((s) => s.id !== id)));
      },
      activate: () => undefined,
      freezePanes: { freezeRows: (n: number) => fake.pending.push(() => (sheet().frozen = { rows: n })), freezeAt: () => fake.pending.push(() => (sheet().frozen = "at")) },
      pageLayout: { setPrintTitleRows: () => undefined },
      tables: {
        add: (address: string) => {
          const table = { name: "", style: "" };
          fake.pending.push(() => sheet().tables.push({ name: table.name, address }));
          return table;
        },
      },
      charts: {
        add: (type: string, range: Excel.Range, seriesBy?: string) => {
          const chart: FakeChart = { type, title: "", series: [], ...(seriesBy === "Rows" ? { seriesBy } : {}) };
          const seriesProxy = (values?: string) => {
            const s: FakeChart["series"][number] = { name: "", values, chartType: undefined as string | undefined };
            chart.series.push(s);
            return {
              set name(v: string) { s.name = v; },
              set chartType(v: string) { s.chartType = v; },
              set axisGroup(v: string) { s.axisGroup = v; },
              setValues: (r: Excel.Range) => (s.values = (r as unknown as { fakeAddress: string }).fakeAddress),
              setXAxisValues: () => undefined,
              format: { fill: { clear: () => undefined, setSolidColor: () => undefined } },
              dataLabels: {},
            };
          };
          const first = seriesProxy((range as unknown as { fakeAddress: string }).fakeAddress);
          fake.pending.push(() => sheet().charts.push(chart));
          charts.push(chart);
          return {
            title: { set text(v: string) { chart.title = v; } },
            legend: {},
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
        if (fake.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`InvalidArgument: a sheet named ${name} exists`);
        const sheet = fake.addSheet(name);
        return fake.worksheetProxy(sheet.id);
      },
      getItem: (key: string) => fake.worksheetProxy(fake.sheetBy(key).id),
    });
    return collection;
  }
}
