/** Loads the monthly data and targets named on the command line into the engine's types. */
import { basename } from "node:path";
import { readGridFile } from "./inputFiles";
import { readMonthlyInputs, type MonthlyInputs } from "../engine/read/readInputs";
import { readTargetsGrid, type Target } from "../engine/read/targets";
import { parseMonthArgument } from "../engine/read/month";
import type { Period } from "../engine/kpi/scorecard";
import { issue, type Issue } from "../i18n/issues";

import { UsageError } from "./cliErrors";

export { UsageError };

export interface LoadedMonthlyInputs extends MonthlyInputs {
  /** The files as the review's data-source line names them, with their encoding when not UTF-8. */
  sources: string[];
}

export async function loadMonthlyInputs(monthlyPath: string, targetsPath: string | undefined, sheet?: string): Promise<LoadedMonthlyInputs> {
  const monthlyGrid = await readGridFile(monthlyPath, sheet);
  const targetsGrid = targetsPath ? await readGridFile(targetsPath) : undefined;
  const inputs = readMonthlyInputs(monthlyGrid, targetsGrid);
  const files = [
    { path: monthlyPath, encoding: monthlyGrid.encoding },
    ...(targetsPath && targetsGrid ? [{ path: targetsPath, encoding: targetsGrid.encoding }] : []),
  ];
  const encodingNotes = files.filter((f) => f.encoding !== null).map((f) => issue("fileEncoding", undefined, { file: basename(f.path), encoding: f.encoding! }));
  return {
    ...inputs,
    warnings: [...encodingNotes, ...inputs.warnings],
    sources: files.map((f) => (f.encoding === null ? basename(f.path) : `${basename(f.path)} (${f.encoding})`)),
  };
}

/** The targets table named on the command line alone (a review from an order list); none without a path. */
export async function loadTargets(targetsPath: string | undefined): Promise<{ targets: Target[]; warnings: Issue[] }> {
  return targetsPath ? readTargetsGrid(await readGridFile(targetsPath)) : { targets: [], warnings: [] };
}

/** `--from 2025-06 --to 2025-10`; either alone means that single bound with the other defaulting to it. */
export function parsePeriodOptions(from: string | undefined, to: string | undefined): Period | undefined {
  if (from === undefined && to === undefined) return undefined;
  const start = from === undefined ? undefined : parseMonthArgument(from);
  const end = to === undefined ? undefined : parseMonthArgument(to);
  if (start === null) throw new UsageError(`--from ${from}: expected a month such as 2025-06`);
  if (end === null) throw new UsageError(`--to ${to}: expected a month such as 2025-10`);
  const period = { from: (start ?? end)!, to: (end ?? start)! };
  if (period.from > period.to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return period;
}
