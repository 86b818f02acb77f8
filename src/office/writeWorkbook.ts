/**
 * Writes the review's WorkbookSpec into the live workbook through Office.js.
 *
 * - Batched: each sheet's number formats and cells go in row blocks sized by bytes and capped by cell count
 *   (one sync per block, API calculation suspended), then styles, merges, conditional formats, tables and
 *   charts in one sync with screen updating suspended; one full recalculation when all is written.
 * - Text is written as text (an apostrophe before every text cell: Excel parses strings like typed input).
 * - Tables get a name no table or name in the workbook uses while the old review exists, and take the spec's
 *   name back once the old tables are gone (table names are unique across a workbook).
 * - Safe: every sheet is written under a temporary name first and marked as the add-in's (ownSheets.ts); the
 *   swap with the previous review is ordered so that any failure leaves one complete review (swapSheets.ts).
 *   A user's sheet is never touched. If writing fails, the sheets of this run are removed except the one being
 *   written, which is renamed to say it is incomplete; if it is cancelled, all of them are removed.
 */
import { cellTextAt, type ChartSpec, type SheetSpec, type WorkbookSpec } from "../engine/review/workbookSpec";
import { LOOKS, STATUS_COLOURS, FONT_NAME, widthInPoints } from "../engine/review/styles";
import { columnLetter } from "../engine/read/grid";
import { t } from "../i18n/strings";
import type { Lang } from "../i18n/issues";
import { officeCapabilities, type Capabilities } from "./capabilities";
import { cellMatrix, checksumRows } from "./cellMatrix";
import { editedOwnSheets, findOwnSheets, markSheet, newRunId } from "./ownSheets";
import { EXCEL_SHEET_NAME_MAX, freeName, swapSheets, type NewSheet } from "./swapSheets";
import { rowBytes, rowsThatFit, BYTES_PER_REQUEST } from "./requestBytes";

export { cellMatrix } from "./cellMatrix";
export { freeName } from "./swapSheets";
export { GENERATED_SHEETS_SETTING } from "./ownSheets";
export { officeCapabilities, type Capabilities } from "./capabilities";

export const CELLS_PER_WRITE = 20_000;

/** Something that says whether the job was cancelled (an AbortSignal). */
export interface CancelSignal {
  readonly aborted: boolean;
}

export interface WriteCounts {
  sheetsWritten: number;
  sheetsTotal: number;
}

export interface WriteOptions {
  lang: Lang;
  capabilities?: Capabilities;
  cellsPerWrite?: number;
  bytesPerWrite?: number;
  onProgress?: (done: number, total: number, counts: WriteCounts) => void;
  /** Checked between blocks: when aborted, the sheets of this run are removed and the old review stays. */
  signal?: CancelSignal;
  /** Own sheets the analyst has edited since they were written are kept (renamed `… (已编辑)`), not replaced. */
  keepEdited?: boolean;
}

export interface WriteResult {
  /** Final names of the written sheets, in order. */
  sheets: string[];
  /** Charts left out because the requirement set is missing. */
  skippedCharts: number;
  /** Edited sheets of the previous review that were kept, under their new names. */
  keptEdited: string[];
  /** Old sheets that could not be deleted (the next run removes them). */
  leftovers: string[];
  /** Cells of the analyst's sheets whose formulas pointed at the old review and now show #REF!; null where the host could not check (below ExcelApi 1.9). */
  brokenFormulas: string[] | null;
}

export class ReviewWriteError extends Error {
  constructor(
    readonly incompleteSheet: string | null,
    readonly cause: unknown,
  ) {
    super(`${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "ReviewWriteError";
  }
}

/** The job was cancelled; the workbook is as it was before. */
export class ReviewCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "AbortError";
  }
}

export function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw new ReviewCancelled();
}

function colour(rgb: string): string {
  return `#${rgb}`;
}

function applyStyles(ws: Excel.Worksheet, sheet: SheetSpec): void {
  for (const cell of sheet.cells) {
    if (!cell.style) continue;
    const look = LOOKS[cell.style];
    const format = ws.getRangeByIndexes(cell.row, cell.col, 1, 1).format;
    format.font.name = FONT_NAME;
    format.font.size = look.size;
    if (look.bold) format.font.bold = true;
    if (look.italic) format.font.italic = true;
    if (look.colour) format.font.color = colour(look.colour);
    if (look.fill) format.fill.color = colour(look.fill);
    if (look.align) format.horizontalAlignment = look.align === "left" ? "Left" : look.align === "center" ? "Center" : "Right";
    if (look.borderBottom) {
      const edge = format.borders.getItem("EdgeBottom");
      edge.style = "Continuous";
      edge.color = colour(look.borderBottom);
    }
    if (look.borderTop) {
      const edge = format.borders.getItem("EdgeTop");
      edge.style = "Continuous";
      edge.color = colour(look.borderTop);
    }
  }
}

/** A table name no table or defined name in the workbook uses (`taken`, lower case): `name`, `name_2`, … */
export function freeTableName(name: string, taken: Set<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let k = 2; ; k++) if (!taken.has(`${name}_${k}`.toLowerCase())) return `${name}_${k}`;
}

function applyLayout(ws: Excel.Worksheet, sheet: SheetSpec, capabilities: Capabilities, tableNames: Set<string>): NewSheet["tables"] {
  const tables: NewSheet["tables"] = [];
  sheet.columnWidths.forEach((width, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthInPoints(width)));
  for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRangeByIndexes(Number(row), 0, 1, 1).format.rowHeight = height;
  for (const range of sheet.merges) ws.getRange(range).merge(false);
  for (const cf of sheet.conditionalFormats) {
    if (cf.rule.kind === "colorScale") {
      const scale = ws.getRange(cf.range).conditionalFormats.add("ColorScale");
      scale.colorScale.criteria = {
        minimum: { type: "LowestValue", color: colour(cf.rule.low) },
        maximum: { type: "HighestValue", color: colour(cf.rule.high) },
      };
      continue;
    }
    if (!("colour" in cf)) continue;
    const first = cf.range.split(":")[0];
    const conditional = ws.getRange(cf.range).conditionalFormats.add("Custom");
    conditional.custom.rule.formula = cf.rule.kind === "textEquals" ? `=${first}="${cf.rule.text}"` : `=${cf.rule.formula}`;
    conditional.custom.format.fill.color = colour(STATUS_COLOURS[cf.colour].fill);
    conditional.custom.format.font.color = colour(STATUS_COLOURS[cf.colour].font);
  }
  for (const table of sheet.tables) {
    const address = `${columnLetter(table.col)}${table.row + 1}:${columnLetter(table.col + table.header.length - 1)}${table.row + 1 + table.rows.length}`;
    const added = ws.tables.add(address, true);
    const given = freeTableName(table.name, tableNames);
    tableNames.add(given.toLowerCase());
    added.name = given;
    added.style = "TableStyleMedium2";
    tables.push({ table: added, wanted: table.name, given });
  }
  if (sheet.freeze) {
    if (sheet.freeze.cols === 0) ws.freezePanes.freezeRows(sheet.freeze.rows);
    else ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, sheet.freeze.rows, sheet.freeze.cols));
  }
  if (sheet.tabColour) ws.tabColor = colour(sheet.tabColour);
  ws.showGridlines = false;
  if (capabilities.isSetSupported("ExcelApi", "1.9")) {
    ws.pageLayout.orientation = sheet.print.landscape ? "Landscape" : "Portrait";
    if (sheet.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (sheet.print.repeatRows) ws.pageLayout.setPrintTitleRows(`$${sheet.print.repeatRows.from + 1}:$${sheet.print.repeatRows.to + 1}`);
  }
  return tables;
}

const CHART_TYPES: Record<ChartSpec["kind"], string> = {
  columnLine: "ColumnClustered",
  stackedColumn: "ColumnStacked",
  bar: "BarClustered",
  doughnut: "Doughnut",
  column: "ColumnClustered",
  line: "Line",
};

/** Charts through the chart API; combo series need ExcelApi 1.7. Returns whether the chart was added. */
function addChart(ws: Excel.Worksheet, sheet: SheetSpec, chart: ChartSpec, capabilities: Capabilities): boolean {
  if (!capabilities.isSetSupported("ExcelApi", "1.7")) return false;
  // A series laid out along a row (an LTV curve) is read by rows, so its cells stay one series.
  const alongRow = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(chart.series[0].values);
  const seriesBy = alongRow && alongRow[1] === alongRow[2] ? "Rows" : "Columns";
  const added = ws.charts.add(CHART_TYPES[chart.kind] as Excel.ChartType, ws.getRange(chart.series[0].values), seriesBy);
  added.title.text = chart.title;
  added.legend.position = "Bottom";
  added.legend.visible = chart.kind === "doughnut" || chart.series.filter((s) => s.colour !== "none").length > 1;
  chart.series.forEach((spec, i) => {
    const series = i === 0 ? added.series.getItemAt(0) : added.series.add();
    series.name = "ref" in spec.name ? cellTextAt(sheet, spec.name.ref) : spec.name.text;
    if (i > 0) series.setValues(ws.getRange(spec.values));
    series.setXAxisValues(ws.getRange(chart.categories));
    if (spec.as === "line") series.chartType = "Line";
    // A secondary value axis needs ExcelApi 1.8; without it the line shares the primary axis.
    if (spec.axis === "secondary" && capabilities.isSetSupported("ExcelApi", "1.8")) series.axisGroup = "Secondary";
    if (spec.colour === "none") series.format.fill.clear();
    else if (spec.colour) series.format.fill.setSolidColor(colour(spec.colour));
    if (spec.labels) {
      series.hasDataLabels = true;
      if (capabilities.isSetSupported("ExcelApi", "1.8")) series.dataLabels.numberFormat = spec.labels;
    }
  });
  if (chart.valueFormat && chart.kind !== "doughnut") added.axes.valueAxis.numberFormat = chart.valueFormat;
  const { row, col, rows, cols } = chart.anchor;
  added.setPosition(ws.getRangeByIndexes(row, col, 1, 1), ws.getRangeByIndexes(row + rows - 1, col + cols - 1, 1, 1));
  return true;
}

/** Names of every table and workbook-scoped name (lower case): a new table must take none of them. */
async function usedTableNames(context: Excel.RequestContext): Promise<Set<string>> {
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  return new Set([...tables.items, ...names.items].map((item) => item.name.toLowerCase()));
}

export async function writeReviewWorkbook(context: Excel.RequestContext, spec: WorkbookSpec, options: WriteOptions): Promise<WriteResult> {
  const capabilities = options.capabilities ?? officeCapabilities;
  const cellsPerWrite = options.cellsPerWrite ?? CELLS_PER_WRITE;
  const bytesPerWrite = options.bytesPerWrite ?? BYTES_PER_REQUEST;
  const run = newRunId();
  const owned = await findOwnSheets(context, capabilities);
  const tableNames = await usedTableNames(context);
  const edited = options.keepEdited ? await editedOwnSheets(context, capabilities, owned) : [];
  const worksheets = context.workbook.worksheets;
  const taken = new Set(owned.all.map((w) => w.name));
  const suspendCalculation = () => {
    if (capabilities.isSetSupported("ExcelApi", "1.6")) context.application.suspendApiCalculationUntilNextSync();
  };
  const suspendScreen = () => {
    if (capabilities.isSetSupported("ExcelApi", "1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  };

  const matrices = spec.sheets.map(cellMatrix);
  const blocksOf = matrices.map((m) => {
    const starts: number[] = [];
    const bytesOfRow = (r: number) => rowBytes(m.formulas[r]) + rowBytes(m.formats[r]);
    for (let r = 0; r < m.rows; r += rowsThatFit(r, m.rows, bytesOfRow, m.cols, cellsPerWrite, bytesPerWrite)) starts.push(r);
    return starts;
  });
  const totalBlocks = blocksOf.reduce((n, b) => n + b.length, 0) + spec.sheets.length;
  let done = 0;
  const counts: WriteCounts = { sheetsWritten: 0, sheetsTotal: spec.sheets.length };
  const progress = () => options.onProgress?.(++done, totalBlocks, counts);

  const written: NewSheet[] = [];
  let current: Excel.Worksheet | null = null;
  let currentName = "";
  let skippedCharts = 0;
  try {
    for (let s = 0; s < spec.sheets.length; s++) {
      throwIfCancelled(options.signal);
      const sheet = spec.sheets[s];
      const { formulas, formats, readBack, rows, cols } = matrices[s];
      currentName = freeName(`${sheet.name.slice(0, 24)} ~`, taken);
      taken.add(currentName);
      current = worksheets.add(currentName);
      markSheet(current, run, capabilities);
      const starts = blocksOf[s];
      for (let b = 0; b < starts.length; b++) {
        const r = starts[b];
        const n = (starts[b + 1] ?? rows) - r;
        const block = current.getRangeByIndexes(r, 0, n, cols);
        block.numberFormat = formats.slice(r, r + n);
        block.formulas = formulas.slice(r, r + n);
        suspendCalculation();
        await context.sync();
        progress();
        throwIfCancelled(options.signal);
      }
      applyStyles(current, sheet);
      const tables = applyLayout(current, sheet, capabilities, tableNames);
      for (const chart of sheet.charts) if (!addChart(current, sheet, chart, capabilities)) skippedCharts++;
      suspendScreen();
      await context.sync();
      written.push({ ws: current, tempName: currentName, finalName: sheet.name, tables, entry: { rows, cols, checksum: checksumRows(readBack) } });
      current = null;
      counts.sheetsWritten++;
      progress();
    }
    throwIfCancelled(options.signal);
  } catch (error) {
    const cancelled = error instanceof ReviewCancelled;
    let incomplete: string | null = null;
    try {
      for (const { ws } of written) ws.delete();
      if (current && cancelled) current.delete();
      else if (current) {
        incomplete = freeName(`${currentName.replace(/ ~( \(\d+\))?$/, "")} ${t("incompleteSuffix", options.lang)}`.slice(0, EXCEL_SHEET_NAME_MAX), [...taken].filter((n) => n !== currentName));
        current.name = incomplete;
      }
      await context.sync();
    } catch {
      // The workbook is already in trouble; report the original error.
    }
    if (cancelled) throw error;
    throw new ReviewWriteError(incomplete, error);
  }

  // Everything is written: now replace the add-in's previous sheets, and only those.
  try {
    const swapped = await swapSheets(context, {
      run,
      record: owned.record,
      all: owned.all,
      own: owned.own,
      written,
      keep: edited,
      editedSuffix: t("editedSuffix", options.lang),
      capabilities,
      suspendScreen,
    });
    return { ...swapped, skippedCharts };
  } catch (error) {
    throw new ReviewWriteError(null, error);
  }
}
