/** `kpi-review kpis`: the scorecard of a period, as an aligned table or as JSON. */
import { computeScorecard, formatPeriod, type Scorecard } from "../engine/kpi/scorecard";
import { scorecardToJson } from "../engine/kpi/scorecardJson";
import { thresholdsOption } from "./options";
import { formatAmount, formatPp, formatSignedPercent, formatValue, formatPercent, NA } from "../engine/format";
import { formatIssue, type Lang } from "../i18n/issues";
import { basisLabel, ruleLabel, statusLabel, t, unitLabel } from "../i18n/strings";
import { loadMonthlyInputs, parsePeriodOptions } from "./loadInputs";
import { renderTable } from "./textTable";
import type { CliIo } from "./io";

export interface KpisOptions {
  sheet?: string;
  targets?: string;
  from?: string;
  to?: string;
  lang: Lang;
  json?: boolean;
  thresholds?: string;
}

export function renderScorecardText(scorecard: Scorecard, lang: Lang, notes: string[]): string {
  // Where a target is for a longer period (an annual target, Jan–Sep reviewed), PL is the target to date and the full-year target and basis are shown beside it.
  const toDate = scorecard.metrics.some((m) => m.targetProgress !== null);
  const header = [t("metric", lang), t("unit", lang), t("actual", lang), ...(toDate ? [t("targetFullYear", lang), t("targetBasis", lang), t("targetToDate", lang)] : [t("target", lang)]), t("attainment", lang), t("previous", lang), t("growth", lang), t("ppChange", lang), t("status", lang), t("rule", lang)];
  const rows = scorecard.metrics.map((m) => [
    lang === "zh" ? m.nameZh : m.nameEn,
    unitLabel(m.unit, lang),
    formatValue(m.actual, m.unit, lang),
    ...(toDate ? [m.targetFullPeriod === null ? "" : formatValue(m.targetFullPeriod, m.unit, lang), m.targetBasis === null ? "" : basisLabel(m.targetBasis, lang)] : []),
    m.target === null ? "" : formatValue(m.target, m.unit, lang),
    m.attainment === null ? "" : formatPercent(m.attainment),
    formatValue(m.previous, m.unit, lang),
    m.growth === null ? NA : formatSignedPercent(m.growth),
    m.ppChange === null ? "" : formatPp(m.ppChange),
    statusLabel(m.status, lang),
    ruleLabel(m.spec.rule.kind, lang) + (m.spec.decidedBy === "name rule" ? `(${t("ruleByName", lang)})` : m.spec.decidedBy === "override" ? `(${t("ruleByOverride", lang)})` : ""),
  ]);
  const lines = [
    `${t("scorecardTitle", lang)} · ${t("period", lang)} ${formatPeriod(scorecard.period)} · ${t("previousPeriod", lang)} ${formatPeriod(scorecard.previousPeriod)}`,
    "",
    renderTable(header, rows, new Set(toDate ? [2, 3, 5, 6, 7, 8, 9] : [2, 3, 4, 5, 6, 7])),
  ];
  const { drivers } = scorecard;
  if (drivers.effects && drivers.previous !== null && drivers.actual !== null) {
    const signed = (v: number) => `${v >= 0 ? "+" : "−"}${formatAmount(Math.abs(v), lang)}`;
    lines.push(
      "",
      `${t("driversTitle", lang)}: ${formatAmount(drivers.previous, lang)} → ${formatAmount(drivers.actual, lang)}`,
      `  ${t("driverVisitors", lang)} ${signed(drivers.effects.visitors)} · ${t("driverConversion", lang)} ${signed(drivers.effects.conversion)} · ${t("driverAov", lang)} ${signed(drivers.effects.aov)}`,
    );
  }
  if (notes.length > 0) lines.push("", `${t("warnings", lang)}:`, ...notes.map((n) => `  - ${n}`));
  return lines.join("\n") + "\n";
}

export async function kpisCommand(monthly: string, options: KpisOptions, io: CliIo): Promise<number> {
  const inputs = await loadMonthlyInputs(monthly, options.targets, options.sheet);
  const scorecard = computeScorecard(inputs.table, inputs.targets, {
    period: parsePeriodOptions(options.from, options.to),
    thresholds: thresholdsOption(options.thresholds),
  });
  const readerNotes = inputs.warnings.map((w) => formatIssue(w, options.lang));
  if (options.json) io.stdout(JSON.stringify(scorecardToJson(scorecard, options.lang, readerNotes), null, 2) + "\n");
  else io.stdout(renderScorecardText(scorecard, options.lang, [...readerNotes, ...scorecard.warnings.map((w) => formatIssue(w, options.lang))]));
  return 0;
}
