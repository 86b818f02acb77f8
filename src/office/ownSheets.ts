/**
 * Which sheets are the add-in's own, in a way that survives closing and reopening the workbook (worksheet ids
 * have been reported to change across sessions on some platforms):
 * - the workbook's settings keep a record of the last run: its id, and per sheet its id, name, size and the
 *   checksum of what was written (for edit detection);
 * - every own sheet carries a mark with the run's id that travels with the sheet: a worksheet custom property
 *   (ExcelApi 1.12) or, on older hosts, a sheet-scoped name `KpiReview_<run>`.
 * A sheet is own when its id is in the record, or when it carries the record's run mark under a name the record
 * lists (a copy the analyst made gets another name, so it is never taken for the add-in's).
 */
import type { Capabilities } from "./capabilities";
import { readBlocks } from "./blockReader";
import { checksumRows } from "./cellMatrix";

export const GENERATED_SHEETS_SETTING = "kpiReview.generatedSheets";
export const MARK_PROPERTY = "kpiReview.run";
export const MARK_NAME_PREFIX = "KpiReview_";

export interface OwnSheetEntry {
  id: string;
  name: string;
  rows: number;
  cols: number;
  checksum: number;
}

export interface OwnRecord {
  run: string | null;
  sheets: OwnSheetEntry[];
  /** Old sheets a failed swap could not delete (renamed aside): removed by the next run. */
  retired: Array<{ id: string; name: string; run: string | null }>;
}

export interface SheetRef {
  id: string;
  name: string;
}

export interface OwnSheet extends SheetRef {
  entry: OwnSheetEntry | null;
  retired: boolean;
}

export function newRunId(now = Date.now()): string {
  return `r${now.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, "0")}`;
}

export function parseRecord(value: unknown): OwnRecord {
  const empty: OwnRecord = { run: null, sheets: [], retired: [] };
  try {
    const parsed = typeof value === "string" ? JSON.parse(value) : value;
    if (Array.isArray(parsed)) return { ...empty, sheets: parsed.map((id) => ({ id: String(id), name: "", rows: 0, cols: 0, checksum: 0 })) };
    if (parsed && typeof parsed === "object" && Array.isArray(parsed.sheets)) {
      return { run: typeof parsed.run === "string" ? parsed.run : null, sheets: parsed.sheets, retired: Array.isArray(parsed.retired) ? parsed.retired : [] };
    }
  } catch {
    // not ours, or damaged: no record
  }
  return empty;
}

export async function readRecord(context: Excel.RequestContext): Promise<OwnRecord> {
  const setting = context.workbook.settings.getItemOrNullObject(GENERATED_SHEETS_SETTING);
  setting.load("value");
  await context.sync();
  return setting.isNullObject ? parseRecord(null) : parseRecord(setting.value);
}

export function saveRecord(context: Excel.RequestContext, record: OwnRecord): void {
  context.workbook.settings.add(GENERATED_SHEETS_SETTING, JSON.stringify(record));
}

/** Queues the run's mark on a sheet. */
export function markSheet(ws: Excel.Worksheet, run: string, capabilities: Capabilities): void {
  if (capabilities.isSetSupported("ExcelApi", "1.12")) ws.customProperties.add(MARK_PROPERTY, run);
  else ws.names.add(`${MARK_NAME_PREFIX}${run}`, ws.getRange("A1"));
}

/** The run mark of each sheet (null where it has none); one sync. */
async function readMarks(context: Excel.RequestContext, sheets: SheetRef[], capabilities: Capabilities): Promise<Map<string, string | null>> {
  const withProperties = capabilities.isSetSupported("ExcelApi", "1.12");
  const probes = sheets.map((sheet) => {
    const ws = context.workbook.worksheets.getItem(sheet.id);
    const property = withProperties ? ws.customProperties.getItemOrNullObject(MARK_PROPERTY) : null;
    property?.load("value");
    const names = ws.names;
    names.load("items/name");
    return { sheet, property, names };
  });
  await context.sync();
  const marks = new Map<string, string | null>();
  for (const { sheet, property, names } of probes) {
    const fromName = names.items.map((n) => n.name).find((n) => n.startsWith(MARK_NAME_PREFIX));
    const run = property && !property.isNullObject ? String(property.value) : fromName ? fromName.slice(MARK_NAME_PREFIX.length) : null;
    marks.set(sheet.id, run);
  }
  return marks;
}

export interface OwnSheets {
  record: OwnRecord;
  all: SheetRef[];
  own: OwnSheet[];
}

/** The workbook's sheets and which of them are the add-in's own. */
export async function findOwnSheets(context: Excel.RequestContext, capabilities: Capabilities): Promise<OwnSheets> {
  const record = await readRecord(context);
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id");
  await context.sync();
  const all = worksheets.items.map((w) => ({ id: w.id, name: w.name }));
  const marks = record.run || record.retired.length ? await readMarks(context, all, capabilities) : new Map<string, string | null>();
  const own: OwnSheet[] = [];
  for (const sheet of all) {
    const mark = marks.get(sheet.id) ?? null;
    const entry = record.sheets.find((e) => e.id === sheet.id) ?? (mark && mark === record.run ? record.sheets.find((e) => e.name === sheet.name) : undefined);
    const retired = record.retired.some((r) => r.id === sheet.id || (mark !== null && r.run === mark && r.name === sheet.name));
    if (entry || retired) own.push({ ...sheet, entry: entry ?? null, retired: !entry && retired });
  }
  return { record, all, own };
}

/**
 * The own sheets the analyst has changed since they were written: content that differs from the checksum
 * saved when writing, or cells beyond what was written. Reads each sheet's formulas in byte-sized blocks.
 */
export async function editedOwnSheets(context: Excel.RequestContext, capabilities: Capabilities, known?: OwnSheets): Promise<string[]> {
  const { own } = known ?? (await findOwnSheets(context, capabilities));
  const edited: string[] = [];
  for (const sheet of own) {
    if (!sheet.entry || sheet.entry.checksum === 0) continue;
    const ws = context.workbook.worksheets.getItem(sheet.id);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    const { rows, cols, checksum } = sheet.entry;
    if (used.isNullObject) {
      if (rows > 0) edited.push(sheet.name);
      continue;
    }
    if (used.rowIndex + used.rowCount > rows || used.columnIndex + used.columnCount > cols) {
      edited.push(sheet.name);
      continue;
    }
    let hash = 0x811c9dc5;
    await readBlocks(context, ws, 0, rows, [[0, cols]], "formulas", (block) => {
      hash = checksumRows(block[0], hash);
    });
    if (hash !== checksum) edited.push(sheet.name);
  }
  return edited;
}
