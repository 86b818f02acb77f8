/**
 * The live scorecard preview: a card per metric with its actual, its target (the target to date, marked, where
 * the engine pro-rates a longer period's target), attainment, YoY and status (colour and word). Metrics with a
 * target come first; past the cap a "+N more" button shows the rest.
 */
import { useState } from "react";
import { Badge, Button, Caption1, Card, CardHeader, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MetricResult, Scorecard } from "../engine/kpi/scorecard";
import { formatPercent, formatSignedPercent, formatValue, NA } from "../engine/format";
import { formatPeriod } from "../engine/kpi/scorecard";
import { statusLabel } from "../i18n/strings";
import { paneSay, paneText } from "../i18n/paneText";
import type { Lang } from "../i18n/issues";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))", gap: tokens.spacingHorizontalS },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  line: { display: "flex", justifyContent: "space-between", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
});

const BADGE = { green: "success", amber: "warning", red: "danger" } as const;
/** Cards shown before "+N more". */
export const CARD_CAP = 8;
const KEY_METRICS = ["gmv", "conversion", "aov", "repeatRate"];

/** The target a card shows: the target to date where the engine pro-rated a longer period's target. */
export function cardTarget(m: MetricResult): { value: number; toDate: boolean; full: number | null; unit: MetricResult["unit"]; basis: MetricResult["targetBasis"] } | null {
  if (m.target === null) return null;
  const toDate = (m.targetBasis === "seasonal" || m.targetBasis === "linear") && m.targetFullPeriod !== null;
  return { value: m.target, toDate, full: toDate ? m.targetFullPeriod : null, unit: m.unit, basis: m.targetBasis };
}

export function orderedMetrics(scorecard: Scorecard): MetricResult[] {
  const withTarget = scorecard.metrics.filter((m) => m.target !== null);
  const key = scorecard.metrics.filter((m) => m.target === null && KEY_METRICS.includes(m.key));
  const rest = scorecard.metrics.filter((m) => m.target === null && !KEY_METRICS.includes(m.key));
  return [...withTarget, ...key, ...rest];
}

export function PreviewCards({ scorecard, lang }: { scorecard: Scorecard; lang: Lang }) {
  const styles = useStyles();
  const text = paneText(lang);
  const [all, setAll] = useState(false);
  const ordered = orderedMetrics(scorecard);
  const shown = all ? ordered : ordered.slice(0, CARD_CAP);
  const hidden = ordered.length - CARD_CAP;
  const toDate = ordered.map(cardTarget).find((t) => t?.toDate);
  const name = (m: MetricResult) => (lang === "zh" ? m.nameZh : m.nameEn);
  return (
    <section aria-labelledby="preview-title">
      <Subtitle2 as="h2" id="preview-title">
        {text.preview} · {formatPeriod(scorecard.period)}
      </Subtitle2>
      <div className={styles.grid} data-testid="preview">
        {shown.map((m) => {
          const target = cardTarget(m);
          return (
            <Card key={m.key} size="small" role="group" aria-label={name(m)}>
              <CardHeader header={<Text weight="semibold">{name(m)}</Text>} action={m.status ? <Badge appearance="tint" color={BADGE[m.status]}>{statusLabel(m.status, lang)}</Badge> : undefined} />
              <Text className={styles.value}>{formatValue(m.actual, m.unit, lang)}</Text>
              {target && (
                <Caption1 data-testid="card-target">
                  {target.toDate ? `${text.targetToDate}*` : text.target} {formatValue(target.value, m.unit, lang)}
                </Caption1>
              )}
              {target?.toDate && target.full !== null && <Caption1 data-testid="card-target-full">{paneSay(lang, "targetFull", { full: formatValue(target.full, m.unit, lang) })}</Caption1>}
              <div className={styles.line}>
                <Caption1>{text.attainment} {m.attainment === null ? NA : formatPercent(m.attainment)}</Caption1>
                <Caption1>{text.yoy} {m.growth === null ? NA : formatSignedPercent(m.growth)}</Caption1>
              </div>
            </Card>
          );
        })}
      </div>
      {hidden > 0 && (
        <Button appearance="subtle" size="small" aria-expanded={all} onClick={() => setAll(!all)} data-testid="more-metrics">
          {all ? text.fewerMetrics : paneSay(lang, "moreMetrics", { count: hidden })}
        </Button>
      )}
      {toDate && toDate.full !== null && (
        <Caption1 data-testid="target-to-date-note">
          {paneSay(lang, "targetToDateNote", { basis: paneSay(lang, toDate.basis === "seasonal" ? "basisSeasonal" : "basisLinear") })}
        </Caption1>
      )}
    </section>
  );
}
