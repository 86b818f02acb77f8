/** `kpi-review review`: the review workbook (.xlsx with native charts) for monthly data, targets and orders. */
import { basename, resolve } from "node:path";
import { computeReviewInputs, type ReviewCliOptions } from "./reviewInputs";
import { UsageError } from "./loadInputs";
import { buildReview } from "../engine/review/reviewModel";
import { reviewWorkbook } from "../engine/review/reviewSheets";
import { writeXlsx } from "../xlsx/writeXlsx";
import { formatIssue } from "../i18n/issues";
import type { CliIo } from "./io";
import { checkOutputFile, writeOutputFile } from "./outputFile";
import { prepareCustomersOut } from "./customersOut";

export async function reviewCommand(monthly: string | undefined, options: ReviewCliOptions, io: CliIo): Promise<number> {
  if (options.customersOut && !options.orders) throw new UsageError("--customers-out needs --orders (the order list whose customers to write)");
  // Output paths are checked before any work: never onto an input, never over a file this tool did not write.
  const inputs = [monthly, options.targets, options.orders].filter((f): f is string => Boolean(f));
  const target = await checkOutputFile(options.output, { kind: "xlsx", inputs, force: options.force });
  const customersOut = options.customersOut && options.orders ? await prepareCustomersOut(options.customersOut, [...inputs, options.output], options) : null;
  const { input, readerWarnings } = await computeReviewInputs(monthly, options);
  const model = buildReview(input);
  const spec = reviewWorkbook(model);
  writeOutputFile(target, [await writeXlsx(spec, { created: input.generatedAt })]);
  if (customersOut && model.customers) io.stderr((await customersOut.write(model.customers, model.customers.orders, options.lang)) + "\n");
  for (const w of [...readerWarnings, ...model.scorecard.warnings]) io.stderr(formatIssue(w, options.lang) + "\n");
  io.stdout(`${options.lang === "zh" ? "已写入" : "Wrote"} ${resolve(options.output)} (${spec.sheets.map((s) => s.name).join(", ")}) ← ${[monthly, options.orders].filter((f): f is string => f !== undefined).map((f) => basename(f)).join(" + ")}\n`);
  return 0;
}
