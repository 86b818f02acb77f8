/** `kpi-review review`: the review workbook (.xlsx with native charts) for monthly data, targets and orders. */
import { writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { computeReviewInputs, type ReviewCliOptions } from "./reviewInputs";
import { buildReview } from "../engine/review/reviewModel";
import { reviewWorkbook } from "../engine/review/reviewSheets";
import { writeXlsx } from "../xlsx/writeXlsx";
import { formatIssue } from "../i18n/issues";
import type { CliIo } from "./io";

export async function reviewCommand(monthly: string | undefined, options: ReviewCliOptions, io: CliIo): Promise<number> {
  const { input, readerWarnings } = await computeReviewInputs(monthly, options);
  const model = buildReview(input);
  const spec = reviewWorkbook(model);
  await writeFile(options.output, await writeXlsx(spec, { created: input.generatedAt }));
  for (const w of [...readerWarnings, ...model.scorecard.warnings]) io.stderr(formatIssue(w, options.lang) + "\n");
  io.stdout(`${options.lang === "zh" ? "已写入" : "Wrote"} ${resolve(options.output)} (${spec.sheets.map((s) => s.name).join(", ")}) ← ${[monthly, options.orders].filter((f): f is string => f !== undefined).map((f) => basename(f)).join(" + ")}\n`);
  return 0;
}
