/** `kpi-review segment`: RFM segments, the 8-class model, value tiers, ABC and cohorts of an order list. */
import { readGridFile } from "./inputFiles";
import { renderTable } from "./textTable";
import type { CliIo } from "./io";
import { readOrderGrid, dayToIso } from "../engine/customers/orderTable";
import { asOfOption, orderColumns, tiersOption, type OrderListOptions } from "./options";
import { segmentOrders, type GroupSummary } from "../engine/customers/segmentation";
import { summaryOfSegmentation, type SegmentationSummary } from "../engine/sql/segmentationSummary";
import { segmentOnChosenEngine, tsEngineFile, type EngineOptions } from "./engineChoice";
import { DEFAULT_SEGMENTATION_SETTINGS, type SegmentationSettings } from "../engine/customers/rfm";
import { segmentationToJson } from "../engine/customers/segmentationJson";
import { formatAmount, formatPercent, NA } from "../engine/format";
import { formatIssue, type Lang } from "../i18n/issues";
import { t } from "../i18n/strings";

export interface SegmentOptions extends OrderListOptions, EngineOptions {
  sheet?: string;
  lang: Lang;
  json?: boolean;
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

export function renderSegmentationText(result: SegmentationSummary, rejectedRows: number, lang: Lang): string {
  const lines = [
    `${t("segmentTitle", lang)} · ${t("asOf", lang)} ${dayToIso(result.asOf)} · ${t("customersCol", lang)} ${result.customers.toLocaleString("en-US")} · ${t("ordersCol", lang)} ${result.orders.toLocaleString("en-US")} · ${t("rejectedRows", lang)} ${rejectedRows}`,
    `R ${result.breaks.recency.join(" / ")} · F ${result.breaks.frequency.join(" / ")} · M ${result.breaks.monetary.map((v) => v.toFixed(2)).join(" / ")}`,
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

export async function segmentCommand(file: string | undefined, options: SegmentOptions, io: CliIo): Promise<number> {
  const onSqlEngine = await segmentOnChosenEngine(file, options, io);
  if (onSqlEngine !== null) return onSqlEngine;
  file = tsEngineFile(file);
  const settings: SegmentationSettings = { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: asOfOption(options.asOf), tiers: tiersOption(options.tiers) };
  const read = readOrderGrid(await readGridFile(file, options.sheet), orderColumns(options));
  for (const problem of read.rejected) io.stderr(formatIssue(problem, options.lang) + "\n");
  if (read.rejectedRows > read.rejected.length) io.stderr(`… ${read.rejectedRows - read.rejected.length} more\n`);
  const result = segmentOrders(read.table, settings);
  if (options.json) io.stdout(JSON.stringify(segmentationToJson(result, read.table, read.rejectedRows)) + "\n");
  else io.stdout(renderSegmentationText(summaryOfSegmentation(result), read.rejectedRows, options.lang));
  return 0;
}
