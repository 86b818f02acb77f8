/**
 * Writes the review's WorkbookSpec into the live workbook through Office.js.
 *
 * - Batched: each sheet's values and formulas go in row blocks sized by cell count (one sync per block), then
 *   number formats, styles, merges and conditional formats, then charts last; calculation (and, where the
 *   requirement set allows, screen updating) is suspended while writing.
 * - Safe: every sheet is written under a temporary name first. Only when all are complete are the sheets the
 *   add-in generated before (their ids are kept in the workbook's settings) deleted and the new ones renamed.
 *   A user's sheet is never touched: a name already taken by one gets a free variant. If anything fails, the
 *   sheets of this run are removed except the one being written, which is renamed to say it is incomplete.
 */
import { cellTextAt, type CellSpec, type ChartSpec, type SheetSpec, type WorkbookSpec } from "../engine/review/workbookSpec";
import { LOOKS, STATUS_COLOURS, FONT_NAME, widthInPoints } from "../engine/review/styles";
import { columnLetter } from "../engine/read/grid";
import { t } from "../i18n/strings";
import type { Lang } from "../i18n/issues";

export const GENERATED_SHEETS_SETTING = "kpiReview.generatedSheets";
export const CELLS_PER_WRITE = 20_000;

export interface Capabilities {
  isSetSupported(name: string, version: string): boolean;
}

export const officeCapabilities: Capabilities = {
  isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
};

export interface WriteOptions {
  lang: Lang;
  capabilities?: Capabilities;
  cellsPerWrite?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface WriteResult {
  /** Final names of the written sheets, in order. */
  sheets: string[];
  /** Charts left out because the requirement set is missing. */
  skippedCharts: number;
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

const EXCEL_SHEET_NAME_MAX = 31;

/** `name`, or `name (2)`, `name (3)` … whichever no sheet in `taken` uses (case-insensitive, as Excel compares). */
export function freeName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const candidate = name.slice(0, EXCEL_SHEET_NAME_MAX - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** The sheet's cells as a dense matrix over rows 0..n and columns 0..m (formulas as "=..."). */
export function cellMatrix(sheet: SheetSpec): { formulas: (string | number)[][]; formats: string[][]; rows: number; cols: number } {
  const tableCells = sheet.tables.flatMap((table) => [
    ...table.header.map((h, c) => ({ row: table.row, col: table.col + c, value: h }) as CellSpec),
    ...table.rows.flatMap((r, i) => r.map((v, c) => ({ row: table.row + 1 + i, col: table.col + c, value: v, format: table.formats?.[c] }) as CellSpec)),
  ]);
  const cells = [...sheet.cells, ...tableCells];
  const rows = cells.reduce((m, c) => Math.max(m, c.row + 1), 0);
  const cols = cells.reduce((m, c) => Math.max(m, c.col + 1), 0);
  const formulas = Array.from({ length: rows }, () => new Array<string | number>(cols).fill(""));
  const formats = Array.from({ length: rows }, () => new Array<string>(cols).fill("General"));
  for (const cell of cells) {
    const text = cell.value === null || cell.value === undefined ? "" : cell.value;
    // Text that starts with "=" would become a formula: an apostrophe keeps it text.
    formulas[cell.row][cell.col] = cell.formula !== undefined ? `=${cell.formula}` : typeof text === "string" && text.startsWith("=") ? `'${text}` : text;
    if (cell.format) formats[cell.row][cell.col] = cell.format;
  }
  return { formulas, formats, rows, cols };
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

function applyLayout(ws: Excel.Worksheet, sheet: SheetSpec, capabilities: Capabilities): void {
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
    added.name = table.name;
    added.style = "TableStyleMedium2";
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
  const { row, col, rows, cols } = chart.anchor;
  added.setPosition(ws.getRangeByIndexes(row, col, 1, 1), ws.getRangeByIndexes(row + rows - 1, col + cols - 1, 1, 1));
  return true;
}

async function readOwnSheetIds(context: Excel.RequestContext): Promise<string[]> {
  const setting = context.workbook.settings.getItemOrNullObject(GENERATED_SHEETS_SETTING);
  setting.load("value");
  await context.sync();
  if (setting.isNullObject) return [];
  try {
    const ids = typeof setting.value === "string" ? JSON.parse(setting.value) : setting.value;
    return Array.isArray(ids) ? ids.map(String) : [];
  } catch {
    return [];
  }
}

export async function writeReviewWorkbook(context: Excel.RequestContext, spec: WorkbookSpec, options: WriteOptions): Promise<WriteResult> {
  const capabilities = options.capabilities ?? officeCapabilities;
  const cellsPerWrite = options.cellsPerWrite ?? CELLS_PER_WRITE;
  const ownIds = await readOwnSheetIds(context);
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id");
  await context.sync();
  const existing = worksheets.items.map((w) => ({ name: w.name, id: w.id }));
  const taken = new Set(existing.map((w) => w.name));
  const suspend = () => {
    if (capabilities.isSetSupported("ExcelApi", "1.6")) context.application.suspendApiCalculationUntilNextSync();
    if (capabilities.isSetSupported("ExcelApi", "1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  };

  const matrices = spec.sheets.map(cellMatrix);
  const totalBlocks = matrices.reduce((n, m) => n + Math.max(1, Math.ceil((m.rows * Math.max(1, m.cols)) / cellsPerWrite)), 0) + spec.sheets.length;
  let done = 0;
  const progress = () => options.onProgress?.(++done, totalBlocks);

  const written: Array<{ ws: Excel.Worksheet; finalName: string }> = [];
  let current: Excel.Worksheet | null = null;
  let currentName = "";
  let skippedCharts = 0;
  try {
    for (let s = 0; s < spec.sheets.length; s++) {
      const sheet = spec.sheets[s];
      const { formulas, formats, rows, cols } = matrices[s];
      currentName = freeName(`${sheet.name.slice(0, 24)} ~`, taken);
      taken.add(currentName);
      current = worksheets.add(currentName);
      const rowsPerBlock = Math.max(1, Math.floor(cellsPerWrite / Math.max(1, cols)));
      for (let r = 0; r < rows; r += rowsPerBlock) {
        const n = Math.min(rowsPerBlock, rows - r);
        const block = current.getRangeByIndexes(r, 0, n, cols);
        block.formulas = formulas.slice(r, r + n);
        block.numberFormat = formats.slice(r, r + n);
        suspend();
        await context.sync();
        progress();
      }
      applyStyles(current, sheet);
      applyLayout(current, sheet, capabilities);
      for (const chart of sheet.charts) if (!addChart(current, sheet, chart, capabilities)) skippedCharts++;
      suspend();
      await context.sync();
      progress();
      written.push({ ws: current, finalName: sheet.name });
      current = null;
    }

    // Everything is written: now replace the add-in's previous sheets, and only those.
    const ownNow = existing.filter((w) => ownIds.includes(w.id));
    for (const old of ownNow) {
      worksheets.getItem(old.id).delete();
      taken.delete(old.name);
    }
    const finalNames: string[] = [];
    for (const { ws, finalName } of written) {
      const name = freeName(finalName, taken);
      taken.add(name);
      ws.name = name;
      ws.load("id");
      finalNames.push(name);
    }
    written[0]?.ws.activate();
    await context.sync();
    context.workbook.settings.add(GENERATED_SHEETS_SETTING, JSON.stringify(written.map((w) => w.ws.id)));
    await context.sync();
    return { sheets: finalNames, skippedCharts };
  } catch (error) {
    let incomplete: string | null = null;
    try {
      for (const { ws } of written) ws.delete();
      if (current) {
        incomplete = freeName(`${currentName.replace(/ ~$/, "")} ${t("incompleteSuffix", options.lang)}`.slice(0, EXCEL_SHEET_NAME_MAX), [...taken].filter((n) => n !== currentName));
        current.name = incomplete;
      }
      await context.sync();
    } catch {
      // The workbook is already in trouble; report the original error.
    }
    throw new ReviewWriteError(incomplete, error);
  }
}
