/** The `kpi-review` command line: the same engine as the add-in, for files on disk. */
import { Command, CommanderError, Option } from "commander";
import { InputError } from "../i18n/issues";
import { OutputFileError } from "./outputFile";
import { InputFileError, UsageError } from "./cliErrors";
import { segmentCommand } from "./segmentCommand";
import { addOrderListOptions, langOption } from "./options";
import { addEngineOptions } from "./engineChoice";
import { addSqlCommand } from "./sqlCommand";
import { processIo, type CliIo } from "./io";

function langFlag() {
  return new Option("--lang <lang>", "output language: zh or en").default("zh").argParser(langOption);
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command("kpi-review")
    .description("E-commerce operations review: KPIs against targets, YoY, GMV drivers")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command("kpis")
    .description("scorecard of a period: AC, PL, PY, attainment, YoY, pp, status, GMV drivers")
    .argument("<monthly>", "monthly data: .csv or .xlsx")
    .option("--sheet <name>", "sheet of an xlsx file (default: the first)")
    .option("--targets <file>", "targets table: .csv or .xlsx")
    .option("--from <month>", "first month of the period, e.g. 2025-06")
    .option("--to <month>", "last month of the period, e.g. 2025-10")
    .option("--thresholds <green,amber>", "status thresholds on attainment, default 1,0.9")
    .addOption(langFlag())
    .option("--json", "print JSON instead of a table")
    .action(async (monthly, options) => setExit(await (await import("./kpisCommand")).kpisCommand(monthly, options, io)));

  const segment = program
    .command("segment")
    .description("RFM scores, 11 segments, the 8-class model, value tiers, ABC and cohorts of an order list")
    .argument("[orders]", "order list: .csv, .txt (whitespace separated), .xlsx, .csv.gz, .parquet or a folder of Parquet files")
    .option("--sheet <name>", "sheet of an xlsx file (default: the first)");
  addEngineOptions(addOrderListOptions(segment))
    .addOption(langFlag())
    .option("--json", "print JSON instead of tables")
    .option("--no-customer-list", "leave the per-customer list out of --json (the summaries only)")
    .action(async (orders, options) => setExit(await segmentCommand(orders, options, io)));

  const review = program
    .command("review")
    .description("write the review workbook (.xlsx with native charts) that managers read without the add-in")
    .argument("[monthly]", "monthly data: .csv or .xlsx (optional with --orders: the monthly figures are then built from the orders)")
    .requiredOption("-o, --output <file>", "the .xlsx to write")
    .option("--sheet <name>", "sheet of the monthly xlsx")
    .option("--targets <file>", "targets table: .csv or .xlsx")
    .option("--from <month>", "first month of the period, e.g. 2025-06")
    .option("--to <month>", "last month of the period, e.g. 2025-10")
    .option("--thresholds <green,amber>", "status thresholds on attainment, default 1,0.9")
    .option("--orders <file>", "order list: customer tiers, products, categories, new and returning customers")
    .option("--orders-sheet <name>", "sheet of the orders xlsx");
  addOrderListOptions(review)
    .option("--customers-out <file.csv>", "also write every customer's scores to this CSV")
    .option("--customer-list-cap <n>", "customers listed in the 客户明细 sheet, top by spend (default 10000; 0 for all)")
    .option("--top <n>", "items in the products sheet's top list, default 20")
    .option("--price-bands <limits>", "upper limits of the price bands, default 50,100,200")
    .option("--next-target <amount>", "next period's target (e.g. 33亿): split by this period's months for sums, a path to the year-end level for stocks, the same each month for rates")
    .option("--next-metric <name>", "metric of --next-target, default GMV")
    .option("--next-unit <unit>", "rounding unit of the monthly targets (e.g. 10000 or 1万), default 1")
    .option("--generated-at <iso>", "time to stamp instead of now")
    .addOption(langFlag())
    .action(async (monthly, options) => setExit(await (await import("./reviewCommand")).reviewCommand(monthly, options, io)));

  addSqlCommand(program, io, setExit);
  return program;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  // Errors are reported in the language asked for, which commander has not parsed when reading fails.
  const langIndex = argv.indexOf("--lang");
  const lang = argv.includes("--lang=en") || (langIndex >= 0 && argv[langIndex + 1] === "en") ? "en" : "zh";
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof OutputFileError) {
      io.stderr(`kpi-review: ${error.format(lang)}\n`);
      return error.exitCode;
    }
    if (error instanceof InputError) io.stderr(error.format(lang) + "\n");
    else if (error instanceof UsageError) io.stderr(`kpi-review: ${error.format(lang)}\n`);
    else if (error instanceof InputFileError) io.stderr(`kpi-review: ${error.message}\n`);
    else throw error;
    return error instanceof UsageError ? 2 : 1;
  }
}
