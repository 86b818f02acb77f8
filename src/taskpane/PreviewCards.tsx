/** The live scorecard preview: a card per metric with its actual, attainment, YoY and status (colour and word). */
import { Badge, Caption1, Card, CardHeader, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Scorecard } from "../engine/kpi/scorecard";
import { formatPercent, formatSignedPercent, formatValue, NA } from "../engine/format";
import { formatPeriod } from "../engine/kpi/scorecard";
import { statusLabel } from "../i18n/strings";
import { paneText } from "../i18n/paneText";
import type { Lang } from "../i18n/issues";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", gap: tokens.spacingHorizontalS },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  line: { display: "flex", justifyContent: "space-between", color: tokens.colorNeutralForeground2 },
});

const BADGE = { green: "success", amber: "warning", red: "danger" } as const;

export function PreviewCards({ scorecard, lang }: { scorecard: Scorecard; lang: Lang }) {
  const styles = useStyles();
  const text = paneText(lang);
  const shown = scorecard.metrics.filter((m) => m.target !== null || ["gmv", "conversion", "aov", "repeatRate"].includes(m.key)).slice(0, 8);
  return (
    <section aria-labelledby="preview-title">
      <Subtitle2 as="h2" id="preview-title">
        {text.preview} · {formatPeriod(scorecard.period)}
      </Subtitle2>
      <div className={styles.grid} data-testid="preview">
        {shown.map((m) => (
          <Card key={m.key} size="small" aria-label={lang === "zh" ? m.nameZh : m.nameEn}>
            <CardHeader header={<Text weight="semibold">{lang === "zh" ? m.nameZh : m.nameEn}</Text>} action={m.status ? <Badge appearance="tint" color={BADGE[m.status]}>{statusLabel(m.status, lang)}</Badge> : undefined} />
            <Text className={styles.value}>{formatValue(m.actual, m.unit, lang)}</Text>
            <div className={styles.line}>
              <Caption1>{text.attainment} {m.attainment === null ? NA : formatPercent(m.attainment)}</Caption1>
              <Caption1>{text.yoy} {m.growth === null ? NA : formatSignedPercent(m.growth)}</Caption1>
            </div>
          </Card>
        ))}
      </div>
    </section>
  );
}
