/** Step 2: each recognised column with a dropdown of what it means; changes become reader overrides. */
import { Caption1, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { CATALOG } from "../engine/metrics/catalog";
import type { ColumnMeaning } from "../engine/metrics/headers";
import { paneText } from "../i18n/paneText";
import type { ReviewPane } from "./useReviewPane";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  select: { minWidth: "150px" },
});

function meaningValue(meaning: ColumnMeaning): string {
  return meaning.kind === "metric" ? meaning.key : "detected";
}

function detectedLabel(meaning: ColumnMeaning, lang: "zh" | "en"): string {
  if (meaning.kind === "channel") {
    const key = ({ gmv: "channelGmv", traffic: "channelTraffic", adSpend: "channelAdSpend", adGmv: "channelAdGmv" } as const)[meaning.measure];
    return paneText(lang)[key].replace("{channel}", meaning.channel);
  }
  if (meaning.kind === "custom") return `${paneText(lang).customMetric}: ${meaning.name}`;
  if (meaning.kind === "segment") return `${meaning.segment} · ${meaning.of}`;
  if (meaning.kind === "comparison") return `${meaning.of} · ${meaning.role}`;
  const def = CATALOG.find((d) => d.key === meaning.key)!;
  return lang === "zh" ? def.nameZh : def.nameEn;
}

export function ColumnsStep({ pane }: { pane: ReviewPane }) {
  const styles = useStyles();
  const text = paneText(pane.lang);
  const columns = pane.read.result!.table.columns;
  const ignored = Object.entries(pane.overrides).filter(([, v]) => v === "ignore").map(([header]) => header);
  const set = (header: string, value: string, detected: ColumnMeaning) => {
    const next = { ...pane.overrides };
    if (value === "ignore") next[header] = "ignore";
    else if (value === "detected") delete next[header];
    else if (detected.kind === "metric" && detected.key === value && !pane.overrides[header]) delete next[header];
    else next[header] = { kind: "metric", key: value as never };
    pane.setOverrides(next);
  };
  return (
    <section className={styles.step} aria-labelledby="step-columns">
      <Subtitle2 as="h2" id="step-columns">{text.stepColumns}</Subtitle2>
      <Table size="small" aria-labelledby="step-columns">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{text.column}</TableHeaderCell>
            <TableHeaderCell>{text.meaning}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {columns.map((column) => (
            <TableRow key={column.headerAddress}>
              <TableCell>{column.header}</TableCell>
              <TableCell>
                <Select className={styles.select} aria-label={`${text.meaning}: ${column.header}`} value={meaningValue(column.meaning)} onChange={(_, d) => set(column.header, d.value, column.meaning)}>
                  {column.meaning.kind !== "metric" && <option value="detected">{detectedLabel(column.meaning, pane.lang)}</option>}
                  {CATALOG.map((def) => (
                    <option key={def.key} value={def.key}>{pane.lang === "zh" ? def.nameZh : def.nameEn}</option>
                  ))}
                  <option value="ignore">{text.ignore}</option>
                </Select>
              </TableCell>
            </TableRow>
          ))}
          {ignored.map((header) => (
            <TableRow key={`ignored-${header}`}>
              <TableCell>{header}</TableCell>
              <TableCell>
                <Select className={styles.select} aria-label={`${text.meaning}: ${header}`} value="ignore" onChange={(_, d) => set(header, d.value === "ignore" ? "ignore" : "detected", { kind: "custom", name: header, unit: "number", aggregation: "sum" })}>
                  <option value="ignore">{text.ignore}</option>
                  <option value="detected">{text.keepDetected.replace(/[:：]\s*$/, "")}</option>
                </Select>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Caption1>{text.columnsUsed.replace("{used}", String(columns.length)).replace("{total}", String(columns.length + ignored.length))}</Caption1>
    </section>
  );
}
