/**
 * The review's footnote on how figures combine: every metric whose rule was inferred from its name, set by the
 * analyst, or is a mean of monthly rates because its parts are missing (domain.md: the rule is always stated).
 */
import type { Scorecard } from "../kpi/scorecard";
import { ruleLabel, t } from "../../i18n/strings";
import type { Lang } from "../../i18n/issues";

const PER_LINE = 4;

export function ruleNotes(scorecard: Scorecard, lang: Lang): string[] {
  const items = scorecard.metrics.flatMap((m) => {
    const why =
      m.spec.decidedBy === "name rule" ? t("ruleByName", lang) : m.spec.decidedBy === "override" ? t("ruleByOverride", lang) : m.spec.meanOfRates ? t("ruleMeanOfRates", lang) : null;
    if (why === null) return [];
    const direction = m.direction === "lower" ? `, ${t("lowerBetter", lang)}` : "";
    const name = lang === "zh" ? m.nameZh : m.nameEn;
    return [lang === "zh" ? `${name}：${ruleLabel(m.spec.rule.kind, lang)}${direction.replace(", ", "，")}（${why}）` : `${name}: ${ruleLabel(m.spec.rule.kind, lang)}${direction} (${why})`];
  });
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += PER_LINE) {
    const chunk = items.slice(i, i + PER_LINE).join(lang === "zh" ? "；" : "; ");
    lines.push(i === 0 ? `${t("ruleNotesTitle", lang)}${lang === "zh" ? "：" : ": "}${chunk}` : chunk);
  }
  return lines;
}
