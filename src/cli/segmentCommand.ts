/** `kpi-review segment`: RFM segments, the 8-class model, value tiers, ABC and cohorts of an order list. */
import { renderTable } from "./textTable";
import type { CliIo } from "./io";
import { dayToIso, type ReadOrdersResult } from "../engine/customers/orderTable";
import { readOrderFile } from "./orderFile";
import { asOfOption, dateFormatOption, orderColumns, tiersOption, type OrderListOptions } from "./options";
import { describeOrderColumns } from "../engine/customers/describeOrderColumns";
import { segmentOrders, type GroupSummary } from "../engine/customers/segmentation";
import { summaryOfSegmentation, type SegmentationSummary } from "../engine/sql/segmentationSummary";
import { rowLimitForTsEngine, segmentOnChosenEngine, tsEngineFile, type EngineOptions } from "./engineChoice";
import { RowLimitExceeded } from "../engine/customers/delimitedOrders";
import { DEFAULT_SEGMENTATION_SETTINGS, type SegmentationSettings } from "../engine/customers/rfm";
import { segmentationJsonText } from "../engine/customers/segmentationJson";
import { formatAmount, formatPercent, NA } from "../engine/format";
import { formatIssue, type Lang } from "../i18n/issues";
import { t } from "../i18n/strings";
import { prepareCustomersOut } from "./customersOut";

export interface SegmentOptions extends OrderListOptions, EngineOptions {
  sheet?: string;
  lang: Lang;
  json?: boolean;
  /** false with --no-customer-list: the JSON without the per-customer list. */
  customerList?: boolean;
}

function groupTable(title: string, rows: GroupSummary[], lang: Lang): string {
  const header = [title, t("customersCol", lang), t("shareCol", lang), t("revenueCol", lang), t("revenueShareCol", lang), t("averageSpendCol", lang), t("repeatShareCol", lang)];
  const body = rows.map((g) => [
    lang === "zh" ? g.nameZh : g.name,
    g.customers.toLocaleString("en-US"),
    formatPercent(g.share),
    formatAmount(g.revenue, lang),
    formatPercent(g.revenueShare),
    g.averageSpend === null ? NA : formatAmount(g.averageSpend, lang),
    g.repeatShare === null ? NA : formatPercent(g.repeatShare),
  ]);
  return renderTable(header, body, new Set([1, 2, 3, 4, 5, 6]));
}

/** A breakpoint for reading: at most `decimals` decimals, trailing zeros dropped (JSON keeps the full value). */
export function roundedBreak(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

/** `columnsLine`: which columns of the order list were used; `moneyDecimals`: the amounts' decimals (at least 2). */
export function renderSegmentationText(result: SegmentationSummary, rejectedRows: number, lang: Lang, columnsLine?: string, moneyDecimals = 2): string {
  const lines = [
    `${t("segmentTitle", lang)} · ${t("asOf", lang)} ${dayToIso(result.asOf)} · ${t("customersCol", lang)} ${result.customers.toLocaleString("en-US")} · ${t("ordersCol", lang)} ${result.orders.toLocaleString("en-US")} · ${t("rejectedRows", lang)} ${rejectedRows}`,
    ...(columnsLine ? [`${t("columnsUsed", lang)}: ${columnsLine}`] : []),
    `R ${result.breaks.recency.map((v) => roundedBreak(v, 2)).join(" / ")} · F ${result.breaks.frequency.map((v) => roundedBreak(v, 2)).join(" / ")} · M ${result.breaks.monetary.map((v) => v.toFixed(Math.max(2, moneyDecimals))).join(" / ")}`,
    "",
    groupTable(t("tierCol", lang), result.tiers, lang),
    "",
    groupTable(t("class8Col", lang), result.class8, lang),
    "",
    groupTable(t("segmentCol", lang), result.segments, lang),
  ];
  if (result.abc) {
    const classes = (["A", "B", "C"] as const).map((c) => {
      const items = result.abc!.filter((i) => i.abcClass === c);
      return [c, String(items.length), formatPercent(items.reduce((s, i) => s + i.share, 0))];
    });
    lines.push("", renderTable([t("abcCol", lang), t("itemsCol", lang), t("revenueShareCol", lang)], classes, new Set([1, 2])));
  }
  const width = Math.min(13, Math.max(0, ...result.cohorts.map((c) => c.retention.length)));
  if (result.cohorts.length > 0) {
    const header = [t("cohortCol", lang), t("customersCol", lang), ...Array.from({ length: width }, (_, k) => `+${k}`)];
    const body = result.cohorts.map((c) => [c.cohort, String(c.customers), ...Array.from({ length: width }, (_, k) => (k < c.retention.length ? formatPercent(c.retention[k], 0) : ""))]);
    lines.push("", renderTable(header, body, new Set(Array.from({ length: width + 1 }, (_, k) => k + 1))));
  }
  return lines.join("\n") + "\n";
}

/** Reads the order list named on the command line with the shared order-list flags. */
export async function readOrderListOption(file: string, options: OrderListOptions & { sheet?: string }, maxRecords?: number): Promise<ReadOrdersResult> {
  return readOrderFile(file, { sheet: options.sheet, choice: orderColumns(options), dateFormat: dateFormatOption(options.dateFormat), maxRecords });
}

export async function segmentCommand(file: string | undefined, options: SegmentOptions, io: CliIo): Promise<number> {
  const onSqlEngine = await segmentOnChosenEngine(file, options, io);
  if (onSqlEngine !== null) return onSqlEngine;
  file = tsEngineFile(file);
  const settings: SegmentationSettings = { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: asOfOption(options.asOf), tiers: tiersOption(options.tiers) };
  const customersOut = options.customersOut ? await prepareCustomersOut(options.customersOut, [file], options) : null;
  let read: ReadOrdersResult;
  try {
    read = await readOrderListOption(file, options, rowLimitForTsEngine(file, options));
  } catch (error) {
    if (!(error instanceof RowLimitExceeded)) throw error;
    // Past Excel's last row: the whole file goes to embedded DuckDB instead, unless DuckDB would read it otherwise
    // than this reader (an encoding, a date form: it says so), and then this reader reads all of it.
    const onDuckDb = await segmentOnChosenEngine(file, { ...options, engine: "duckdb" }, io);
    if (onDuckDb !== null) return onDuckDb;
    read = await readOrderListOption(file, options);
  }
  for (const problem of read.rejected) io.stderr(formatIssue(problem, options.lang) + "\n");
  if (read.rejectedRows > read.rejected.length) io.stderr(`… ${read.rejectedRows - read.rejected.length} more\n`);
  const notes = read.warnings.map((w) => formatIssue(w, options.lang));
  for (const note of notes) io.stderr(note + "\n");
  const result = segmentOrders(read.table, settings);
  const source = { headers: read.headers, encoding: read.encoding, dateFormat: read.dateFormat, warnings: notes };
  if (options.json) io.stdout(segmentationJsonText(result, read.table, read.rejectedRows, source, options.customerList !== false) + "\n");
  else io.stdout(renderSegmentationText(summaryOfSegmentation(result), read.rejectedRows, options.lang, describeOrderColumns(read, options.lang), Math.round(Math.log10(read.table.amountScale))));
  if (customersOut) io.stderr(await customersOut.write(result, read.table, options.lang) + "\n");
  return 0;
}
