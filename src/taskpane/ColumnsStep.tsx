/**
 * Step ②: the data's structure (months found and missing, layout) and each column with a dropdown of what it
 * means, the rule and direction the engine infers for it, and for a custom metric its unit and rule. A conflict
 * (two columns, one meaning) is shown on the column the analyst changed, whose dropdown holds the ways out.
 */
import { useState } from "react";
import { Button, Caption1, Field, Select, Subtitle2 } from "@fluentui/react-components";
import type { Lang } from "../i18n/issues";
import { paneSay, paneText } from "../i18n/paneText";
import { formatMonth, monthRange } from "../engine/read/month";
import { RULE_AGGREGATIONS, RULE_DIRECTIONS, RULE_UNITS, choiceFromValue, choiceValue, columnOptions, meaningLabel, withChoice, withRule } from "./columnChoices";
import type { ColumnRow } from "./readForPane";
import { columnRules } from "./columnRules";
import type { ColumnDescription } from "../engine/read/columnRules";
import type { ReviewPane } from "./useReviewPane";
import { usePaneStyles } from "./paneStyles";

function ruleText(rule: ColumnDescription | undefined, lang: Lang): string {
  if (!rule) return "";
  const name = { sum: "ruleSum", last: "ruleLast", mean: "ruleMean", ratio: "ruleRatio" } as const;
  return paneSay(lang, "columnInfo", { rule: paneSay(lang, name[rule.aggregation as keyof typeof name] ?? "ruleSum"), direction: paneSay(lang, rule.direction) });
}

function Structure({ pane }: { pane: ReviewPane }) {
  const styles = usePaneStyles();
  const result = pane.read?.result;
  if (!result) return null;
  const { months, layout } = result.table;
  const lang = pane.lang;
  const all = monthRange(months[0], months[months.length - 1]);
  const missing = all.filter((m) => !months.includes(m)).map(formatMonth);
  return (
    <div className={styles.step} data-testid="structure" aria-label={paneSay(lang, "structure")} role="group">
      <Caption1>
        {paneSay(lang, "monthsFound", { count: months.length, from: formatMonth(months[0]), to: formatMonth(months[months.length - 1]) })} · {paneSay(lang, layout === "long" ? "layoutLong" : "layoutWide")}
      </Caption1>
      {result.table.daily && <Caption1 data-testid="structure-daily">{paneSay(lang, "layoutDaily")}</Caption1>}
      {result.table.breakdown && <Caption1 data-testid="structure-dimension">{paneSay(lang, "layoutDimension", { column: result.table.breakdown.dimension })}</Caption1>}
      <Caption1>{missing.length > 0 ? paneSay(lang, "monthsMissing", { months: missing.join(", ") }) : paneSay(lang, "noMonthsMissing")}</Caption1>
    </div>
  );
}

/** The unit, rule and direction of one column as the engine reads it, each changeable. */
function RuleDetails({ pane, row, rule }: { pane: ReviewPane; row: ColumnRow; rule: ColumnDescription }) {
  const styles = usePaneStyles();
  const lang = pane.lang;
  const text = paneText(lang);
  const change = (patch: Parameters<typeof withRule>[1]) => pane.setColumn(row.header, withRule(row.override, patch, row.detected));
  return (
    <div className={styles.row} role="group" aria-label={`${text.ruleDetails}: ${row.header}`}>
      <Field label={`${text.unit}`} className={styles.grow}>
        <Select className={styles.select} value={rule.unit} onChange={(_, d) => change({ unit: d.value as ColumnDescription["unit"] })}>
          {RULE_UNITS.map((u) => (
            <option key={u.unit} value={u.unit}>{paneSay(lang, u.label)}</option>
          ))}
        </Select>
      </Field>
      <Field label={text.rule} className={styles.grow}>
        <Select className={styles.select} value={rule.aggregation} onChange={(_, d) => change({ aggregation: d.value as "sum" | "mean" | "last" })}>
          {rule.aggregation === "ratio" && <option value="ratio">{text.ruleRatio}</option>}
          {RULE_AGGREGATIONS.map((r) => (
            <option key={r.rule} value={r.rule}>{paneSay(lang, r.label)}</option>
          ))}
        </Select>
      </Field>
      <Field label={text.direction} className={styles.grow}>
        <Select className={styles.select} value={rule.direction} onChange={(_, d) => change({ direction: d.value as "higher" | "lower" })}>
          {RULE_DIRECTIONS.map((r) => (
            <option key={r.direction} value={r.direction}>{paneSay(lang, r.label)}</option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

export function ColumnsStep({ pane }: { pane: ReviewPane }) {
  const styles = usePaneStyles();
  const lang = pane.lang;
  const text = paneText(lang);
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const read = pane.read;
  if (!read || read.rows.length === 0) return null;
  const rules = read.result ? columnRules(read.result.table) : new Map<string, ColumnDescription>();
  const used = read.result ? read.result.table.columns.length + (read.result.table.comparisons?.length ?? 0) : read.rows.filter((r) => r.choice !== "ignore").length;
  return (
    <section className={styles.step} aria-labelledby="step-columns">
      <Subtitle2 as="h2" id="step-columns">{text.stepColumns}</Subtitle2>
      <Structure pane={pane} />
      {read.rows.map((row) => {
        const conflict = read.conflicts.find((c) => c.header === row.header);
        const rule = rules.get(row.header);
        const message = conflict
          ? paneSay(lang, "conflict", { address: conflict.address, header: conflict.header, other: conflict.otherAddress, otherHeader: conflict.otherHeader, meaning: meaningLabel(conflict.choice, lang) })
          : undefined;
        const detailsOpen = open[row.header] === true;
        return (
          <div key={row.headerAddress} className={styles.step} data-testid={`column-${row.header}`}>
            <Field label={row.header} hint={conflict ? undefined : ruleText(rule, lang) || undefined} validationState={conflict ? "error" : "none"} validationMessage={message}>
              <Select
                className={styles.select}
                value={choiceValue(row.choice)}
                onChange={(_, d) => pane.setColumn(row.header, withChoice(choiceFromValue(d.value, row.header, row.detected), row.detected))}
              >
                {columnOptions(row.header, row.detected, lang).map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </Select>
            </Field>
            {rule && !conflict && (
              <Button appearance="transparent" size="small" className={styles.disclosure} aria-expanded={detailsOpen} aria-label={`${text.ruleDetails}: ${row.header}`} onClick={() => setOpen({ ...open, [row.header]: !detailsOpen })}>
                <span aria-hidden="true">{detailsOpen ? "▾ " : "▸ "}</span>{text.ruleDetails}
              </Button>
            )}
            {rule && !conflict && detailsOpen && <RuleDetails pane={pane} row={row} rule={rule} />}
          </div>
        );
      })}
      <Caption1>{paneSay(lang, "columnsUsed", { used, total: read.rows.length })}</Caption1>
    </section>
  );
}
