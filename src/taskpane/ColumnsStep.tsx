/**
 * Step ②: the data's structure (months found and missing, layout) and each column with a dropdown of what it
 * means, the rule and direction the engine infers for it, and for a custom metric its unit and rule. A conflict
 * (two columns, one meaning) is shown on the column the analyst changed, whose dropdown holds the ways out.
 */
import { Caption1, Field, Select, Subtitle2 } from "@fluentui/react-components";
import type { Lang } from "../i18n/issues";
import { paneSay, paneText } from "../i18n/paneText";
import { formatMonth, monthRange } from "../engine/read/month";
import { CUSTOM_RULES, CUSTOM_UNITS, choiceFromValue, choiceValue, columnOptions, meaningLabel } from "./columnChoices";
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

export function ColumnsStep({ pane }: { pane: ReviewPane }) {
  const styles = usePaneStyles();
  const lang = pane.lang;
  const text = paneText(lang);
  const read = pane.read;
  if (!read || read.rows.length === 0) return null;
  const rules = read.result ? columnRules(read.result.table) : new Map<string, ColumnDescription>();
  const used = read.result ? read.result.table.columns.length : read.rows.filter((r) => r.choice !== "ignore").length;
  return (
    <section className={styles.step} aria-labelledby="step-columns">
      <Subtitle2 as="h2" id="step-columns">{text.stepColumns}</Subtitle2>
      <Structure pane={pane} />
      {read.rows.map((row) => {
        const conflict = read.conflicts.find((c) => c.header === row.header);
        const value = choiceValue(row.choice);
        const custom = row.choice !== "ignore" && row.choice.kind === "custom" ? row.choice : null;
        const message = conflict
          ? paneSay(lang, "conflict", { address: conflict.address, header: conflict.header, other: conflict.otherAddress, otherHeader: conflict.otherHeader, meaning: meaningLabel(conflict.choice, lang) })
          : undefined;
        return (
          <div key={row.headerAddress} className={styles.step} data-testid={`column-${row.header}`}>
            <Field label={row.header} hint={conflict ? undefined : ruleText(rules.get(row.header), lang) || undefined} validationState={conflict ? "error" : "none"} validationMessage={message}>
              <Select
                className={styles.select}
                value={value}
                onChange={(_, d) => {
                  const choice = choiceFromValue(d.value, row.header, row.detected, row.choice);
                  pane.setColumn(row.header, JSON.stringify(choice) === JSON.stringify(row.detected) ? null : choice);
                }}
              >
                {columnOptions(row.detected, lang).map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </Select>
            </Field>
            {custom && (
              <div className={styles.row}>
                <Field label={`${text.unit}: ${row.header}`} className={styles.grow}>
                  <Select className={styles.select} value={custom.unit} onChange={(_, d) => pane.setColumn(row.header, { ...custom, unit: d.value as typeof custom.unit })}>
                    {CUSTOM_UNITS.map((u) => (
                      <option key={u.unit} value={u.unit}>{paneSay(lang, u.label)}</option>
                    ))}
                  </Select>
                </Field>
                <Field label={`${text.rule}: ${row.header}`} className={styles.grow}>
                  <Select className={styles.select} value={custom.aggregation} onChange={(_, d) => pane.setColumn(row.header, { ...custom, aggregation: d.value as typeof custom.aggregation })}>
                    {CUSTOM_RULES.map((r) => (
                      <option key={r.rule} value={r.rule}>{paneSay(lang, r.label)}</option>
                    ))}
                  </Select>
                </Field>
              </div>
            )}
          </div>
        );
      })}
      <Caption1>{paneSay(lang, "columnsUsed", { used, total: read.rows.length })}</Caption1>
    </section>
  );
}
