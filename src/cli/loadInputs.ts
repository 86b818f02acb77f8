/** Loads the monthly data and targets named on the command line into the engine's types. */
import { readGridFile } from "./inputFiles";
import { readMonthlyGrid, type MonthlyTable } from "../engine/read/monthlyTable";
import { readTargetsGrid, type Target } from "../engine/read/targets";
import { parseMonthArgument } from "../engine/read/month";
import type { Period } from "../engine/kpi/scorecard";
import type { Issue } from "../i18n/issues";

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface MonthlyInputs {
  table: MonthlyTable;
  targets: Target[];
  warnings: Issue[];
}

export async function loadMonthlyInputs(monthlyPath: string, targetsPath: string | undefined, sheet?: string): Promise<MonthlyInputs> {
  const monthly = readMonthlyGrid(await readGridFile(monthlyPath, sheet));
  const targets = await loadTargets(targetsPath);
  return { table: monthly.table, targets: targets.targets, warnings: [...monthly.warnings, ...targets.warnings] };
}

/** The targets table named on the command line; none without a path. */
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
