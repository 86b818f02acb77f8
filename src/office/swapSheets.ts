/**
 * Replacing the previous review by the new one, ordered so that any failure leaves one complete review:
 *   1. the old own sheets are renamed aside (`… ~old`);            failure → old names restored, new sheets removed
 *   2. the new sheets take their final names; one full recalculation; failure → the same: the old review stays
 *   3. the record of own sheets points at the new ones;             failure → the same: the old review stays
 *   4. the old sheets are deleted (or, kept when edited, renamed `… (已编辑)`); failure → the new review stays,
 *      the old sheets that could not be deleted are in the record and removed by the next run
 *   5. formulas on the analyst's own sheets that pointed at a deleted old sheet are written back as they were,
 *      so they point at the new sheet of the same name instead of #REF! (found with special cells, ExcelApi 1.9;
 *      on older hosts they are counted as broken)
 *   6. tables that had to take a free name while the old ones existed take the spec's name back.
 */
import type { Capabilities } from "./capabilities";
import { saveRecord, type OwnRecord, type OwnSheet, type OwnSheetEntry, type SheetRef } from "./ownSheets";
import { columnIndex, columnLetter, quoteSheetName } from "../engine/read/grid";

export const EXCEL_SHEET_NAME_MAX = 31;

/** `name`, or `name (2)`, `name (3)` … whichever no sheet in `taken` uses (case-insensitive, as Excel compares). */
export function freeName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = name.slice(0, EXCEL_SHEET_NAME_MAX);
  if (!used.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const candidate = name.slice(0, EXCEL_SHEET_NAME_MAX - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

export interface NewSheet {
  ws: Excel.Worksheet;
  /** The temporary name it was written under. */
  tempName: string;
  finalName: string;
  entry: Omit<OwnSheetEntry, "id" | "name">;
  tables: Array<{ table: Excel.Table; wanted: string; given: string }>;
}

export interface SwapResult {
  sheets: string[];
  keptEdited: string[];
  leftovers: string[];
  /** Cells of the analyst's sheets whose formulas pointed at a deleted sheet and could not be restored; null: not checked. */
  brokenFormulas: string[] | null;
}

interface Dependent {
  address: string;
  formula: string;
  sheets: string[];
}

function referencesTo(formula: string, names: string[]): string[] {
  return names.filter((name) => formula.includes(`${quoteSheetName(name)}!`) || formula.includes(`'${name.replace(/'/g, "''")}'!`) || formula.includes(`${name}!`));
}

/** Formula cells past which the scan gives up (their text could pass the request cap): the pane is told it could not check. */
export const MAX_SCANNED_FORMULAS = 100_000;

/** The cells of an area such as `'My sheet'!B2:D3`, each with its own address. */
function cellsOf(areaAddress: string): Array<{ address: string; row: number; col: number }> {
  const { sheet, cell } = splitAddress(areaAddress);
  const [first, last = first] = cell.replace(/\$/g, "").split(":");
  const parse = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
  };
  const start = parse(first);
  const end = parse(last);
  const out: Array<{ address: string; row: number; col: number }> = [];
  for (let r = start.row; r <= end.row; r++) {
    for (let c = start.col; c <= end.col; c++) out.push({ address: `${quoteSheetName(sheet)}!${columnLetter(c)}${r + 1}`, row: r - start.row, col: c - start.col });
  }
  return out;
}

/**
 * Formulas on the analyst's sheets that point at the given sheets, cell by cell (special cells, ExcelApi 1.9);
 * null where it cannot tell (an older host, or more formula cells than MAX_SCANNED_FORMULAS).
 */
async function findDependents(context: Excel.RequestContext, userSheets: SheetRef[], ownNames: string[], capabilities: Capabilities): Promise<Dependent[] | null> {
  if (ownNames.length === 0 || userSheets.length === 0) return [];
  if (!capabilities.isSetSupported("ExcelApi", "1.9")) return null;
  const used = userSheets.map((sheet) => {
    const range = context.workbook.worksheets.getItem(sheet.id).getUsedRangeOrNullObject(true);
    range.load("isNullObject");
    return range;
  });
  await context.sync();
  const specials = used.filter((range) => !range.isNullObject).map((range) => {
    const special = range.getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType);
    special.load("isNullObject,cellCount");
    return special;
  });
  await context.sync();
  const withFormulas = specials.filter((special) => !special.isNullObject);
  if (withFormulas.reduce((n, special) => n + special.cellCount, 0) > MAX_SCANNED_FORMULAS) return null;
  for (const special of withFormulas) special.areas.load("items/address,items/formulas");
  if (withFormulas.length) await context.sync();
  const found: Dependent[] = [];
  for (const special of withFormulas) {
    for (const area of special.areas.items) {
      for (const { address, row, col } of cellsOf(area.address)) {
        const formula = area.formulas[row]?.[col];
        if (typeof formula !== "string" || !formula.startsWith("=")) continue;
        const sheets = referencesTo(formula, ownNames);
        if (sheets.length) found.push({ address, formula, sheets });
      }
    }
  }
  return found;
}

function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf("!");
  return { sheet: address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"), cell: address.slice(bang + 1) };
}

export interface SwapInput {
  run: string;
  record: OwnRecord;
  all: SheetRef[];
  own: OwnSheet[];
  written: NewSheet[];
  /** Old sheets to keep (edited by the analyst), renamed with this suffix. */
  keep: string[];
  editedSuffix: string;
  capabilities: Capabilities;
  suspendScreen: () => void;
}

export async function swapSheets(context: Excel.RequestContext, input: SwapInput): Promise<SwapResult> {
  const { run, own, written, capabilities } = input;
  const worksheets = context.workbook.worksheets;
  const ownIds = new Set(own.map((s) => s.id));
  const old = own.filter((s) => !s.retired);
  const taken = new Set([...input.all.map((s) => s.name), ...written.map((w) => w.tempName)]);
  const dependents = await findDependents(context, input.all.filter((s) => !ownIds.has(s.id)), old.map((s) => s.name), capabilities);

  const rollback = async () => {
    try {
      for (const { ws } of written) ws.delete();
      for (const sheet of old) worksheets.getItem(sheet.id).name = sheet.name;
      await context.sync();
    } catch {
      // Nothing more can be done; the old sheets are complete, under their own or their aside names.
    }
  };

  // 1–3: until the record points at the new sheets, any failure restores the old review.
  const aside = new Map<string, string>();
  const finalNames: string[] = [];
  try {
    for (const sheet of old) {
      const name = freeName(`${sheet.name.slice(0, 24)} ~old`, taken);
      taken.add(name);
      aside.set(sheet.id, name);
      worksheets.getItem(sheet.id).name = name;
    }
    if (old.length) {
      input.suspendScreen();
      await context.sync();
    }
    for (const sheet of old) taken.delete(sheet.name);
    for (const { ws, finalName, tempName } of written) {
      taken.delete(tempName);
      const name = freeName(finalName, taken);
      taken.add(name);
      ws.name = name;
      ws.load("id");
      finalNames.push(name);
    }
    written[0]?.ws.activate();
    context.application.calculate("Full" as Excel.CalculationType);
    input.suspendScreen();
    await context.sync();

    const kept: Array<{ sheet: OwnSheet; name: string }> = [];
    for (const sheet of old.filter((s) => input.keep.includes(s.name))) {
      const name = freeName(`${sheet.name.slice(0, EXCEL_SHEET_NAME_MAX - input.editedSuffix.length - 1)} ${input.editedSuffix}`, taken);
      taken.add(name);
      kept.push({ sheet, name });
    }
    const keptIds = new Set(kept.map((k) => k.sheet.id));
    const retiring = own.filter((s) => !keptIds.has(s.id)).map((s) => ({ id: s.id, name: aside.get(s.id) ?? s.name, run: input.record.run }));
    const record: OwnRecord = {
      run,
      sheets: written.map((w, i) => ({ id: w.ws.id, name: finalNames[i], ...w.entry })),
      retired: retiring,
    };
    saveRecord(context, record);
    await context.sync();

    // 4: the new review is in place; from here on a failure leaves it and reports what is left over.
    const result: SwapResult = { sheets: finalNames, keptEdited: kept.map((k) => k.name), leftovers: [], brokenFormulas: [] };
    try {
      for (const { sheet, name } of kept) worksheets.getItem(sheet.id).name = name;
      for (const sheet of retiring) worksheets.getItem(sheet.id).delete();
      await context.sync();
      saveRecord(context, { ...record, retired: [] });
      await context.sync();
    } catch {
      result.leftovers = retiring.map((s) => s.name);
    }

    // 5–6: formulas of the analyst's that pointed at a deleted sheet; tables' names.
    const deletedNames = new Set(old.filter((s) => !keptIds.has(s.id)).map((s) => s.name));
    const restorable = (dependents ?? []).filter((d) => d.sheets.every((name) => deletedNames.has(name)) && !result.leftovers.length);
    const broken = (dependents ?? []).filter((d) => !restorable.includes(d) && d.sheets.some((name) => deletedNames.has(name))).map((d) => d.address);
    if (restorable.length) {
      try {
        for (const dependent of restorable) {
          const { sheet, cell } = splitAddress(dependent.address);
          worksheets.getItem(sheet).getRange(cell).formulas = [[dependent.formula]];
        }
        await context.sync();
      } catch {
        broken.push(...restorable.map((d) => d.address));
      }
    }
    result.brokenFormulas = dependents === null ? null : broken;
    const renamed = written.flatMap((w) => w.tables).filter((t) => t.wanted !== t.given);
    if (renamed.length && !result.leftovers.length) {
      try {
        for (const { table, wanted } of renamed) table.name = wanted;
        await context.sync();
      } catch {
        // The table keeps the free name it was given; formulas and charts do not depend on it.
      }
    }
    return result;
  } catch (error) {
    await rollback();
    throw error;
  }
}
