/** Settings saved with the choices: status thresholds, customer tier limits, the as-of date, next period's target. */
import type { ReactNode } from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Caption1, Field, Input, Select, Text } from "@fluentui/react-components";
import { paneSay, paneText, type PaneTextKey } from "../i18n/paneText";
import { renderMessage } from "./paneMessage";
import type { SettingsText } from "./settingsForm";
import type { ReviewPane } from "./useReviewPane";
import { usePaneStyles } from "./paneStyles";

export function SettingsSection({ pane }: { pane: ReviewPane }) {
  const styles = usePaneStyles();
  const lang = pane.lang;
  const text = paneText(lang);
  const problems = pane.settingsProblems;
  type Group = "thresholds" | "tiers" | "asOf" | "nextTarget";
  const input = (group: Group, key: keyof SettingsText, label: PaneTextKey, type: "text" | "date" = "text") => (
    <Field key={key} label={paneSay(lang, label)} className={styles.wide} validationState={problems[group] ? "error" : "none"}>
      <Input className={styles.input} type={type} value={pane.settings[key]} onChange={(_, d) => pane.setSettings({ ...pane.settings, [key]: d.value })} inputMode={type === "text" ? "decimal" : undefined} />
    </Field>
  );
  const group = (id: Group, title: PaneTextKey | null, children: ReactNode) => (
    <div className={styles.step} role={title ? "group" : undefined} aria-labelledby={title ? `settings-${id}` : undefined}>
      {title && <Text id={`settings-${id}`} weight="semibold">{paneSay(lang, title)}</Text>}
      <div className={styles.row}>{children}</div>
      {problems[id] && <Caption1 className={styles.error} data-testid={`settings-${id}-problem`}>{renderMessage(problems[id]!, lang)}</Caption1>}
    </div>
  );
  const metrics = pane.preview?.metrics ?? [];
  return (
    <Accordion collapsible defaultOpenItems={[]}>
      <AccordionItem value="settings">
        <AccordionHeader as="h2">{text.settings}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.step} data-testid="settings">
            {group("thresholds", "thresholds", [input("thresholds", "green", "thresholdGreen"), input("thresholds", "amber", "thresholdAmber")])}
            {group("tiers", "tiers", [input("tiers", "highValue", "tierHighValue"), input("tiers", "potential", "tierPotential"), input("tiers", "dormantDays", "tierDormant"), input("tiers", "lostDays", "tierLost")])}
            {group("asOf", null, input("asOf", "asOf", "asOf", "date"))}
            {group("nextTarget", null, [
              input("nextTarget", "nextTarget", "nextTarget"),
              <Field key="metric" label={text.nextMetric} className={styles.wide}>
                <Select className={styles.select} value={pane.settings.nextMetric} onChange={(_, d) => pane.setSettings({ ...pane.settings, nextMetric: d.value })}>
                  {(metrics.length > 0 ? metrics : [{ key: "gmv", nameZh: "GMV", nameEn: "GMV" }]).map((m) => (
                    <option key={m.key} value={m.key}>{lang === "zh" ? m.nameZh : m.nameEn}</option>
                  ))}
                </Select>
              </Field>,
              <Field key="unit" label={text.nextUnit} className={styles.wide}>
                <Select className={styles.select} value={pane.settings.nextUnit} onChange={(_, d) => pane.setSettings({ ...pane.settings, nextUnit: d.value })}>
                  <option value="1">{text.unitOne}</option>
                  <option value="100">{text.unitHundred}</option>
                  <option value="10000">{text.unitTenThousand}</option>
                </Select>
              </Field>,
            ])}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
