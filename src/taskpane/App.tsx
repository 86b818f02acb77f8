/** The KPI Review task pane: data → columns → targets → period → orders → settings → preview → Generate review sheet. */
import { useEffect, useMemo } from "react";
import { Body1, Button, Caption1, Divider, Field, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Select, Subtitle2, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../i18n/issues";
import { paneSay, paneText } from "../i18n/paneText";
import type { PaneHost } from "./paneHost";
import { useReviewPane, type ReviewPane } from "./useReviewPane";
import { ColumnsStep } from "./ColumnsStep";
import { PreviewCards } from "./PreviewCards";
import { RangeStep } from "./RangeStep";
import { OrdersStep } from "./OrdersStep";
import { SettingsSection } from "./SettingsSection";
import { GenerateSection } from "./GenerateSection";
import { StepMessage } from "./StepMessage";
import { renderMessage } from "./paneMessage";
import { paneTheme, type OfficeColours } from "./officeTheme";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
  },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, flexWrap: "wrap" },
  language: { width: "7.5em" },
});

function DataStep({ pane }: { pane: ReviewPane }) {
  const styles = usePaneStyles();
  const text = paneText(pane.lang);
  const chosenTable = pane.data?.source.kind === "table" ? pane.data.source.name : "";
  return (
    <section className={styles.step} aria-labelledby="step-data">
      <Subtitle2 as="h2" id="step-data">{text.stepData}</Subtitle2>
      <Caption1 className={styles.hint}>{text.stepDataHint}</Caption1>
      <div className={styles.row}>
        <Button id="data-use" appearance="secondary" onClick={() => pane.chooseData(null)}>{text.useSelection}</Button>
        {pane.tables.length > 0 && (
          <Field label={text.pickTable} className={styles.grow}>
            <Select className={styles.select} value={chosenTable} onChange={(_, d) => d.value && pane.chooseData({ kind: "table", name: d.value })}>
              <option value="">{text.noTable}</option>
              {pane.tables.map((t) => (
                <option key={t} value={t}>{t}</option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {pane.data && (
        <Caption1 data-testid="data-label">
          {text.selected}: {pane.data.label} · {pane.data.value.values.length} {text.rows}
        </Caption1>
      )}
      {pane.dataMessage && <StepMessage id="data-message" title={text.dataError} message={pane.dataMessage} lang={pane.lang} />}
    </section>
  );
}

function PeriodStep({ pane }: { pane: ReviewPane }) {
  const styles = usePaneStyles();
  const text = paneText(pane.lang);
  return (
    <section className={styles.step} aria-labelledby="step-period">
      <Subtitle2 as="h2" id="step-period">{text.stepPeriod}</Subtitle2>
      <div className={styles.row}>
        {(["from", "to"] as const).map((end) => (
          <Field key={end} label={text[end]} className={styles.grow} validationState={pane.periodMessage ? "error" : "none"}>
            <Select className={styles.select} value={pane.period?.[end] ?? ""} onChange={(_, d) => pane.period && pane.setPeriod({ ...pane.period, [end]: d.value })} aria-describedby={pane.periodMessage ? "period-message" : undefined}>
              {pane.months.map((m) => (
                <option key={m} value={m}>{m}</option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      {pane.periodMessage && <StepMessage id="period-message" message={pane.periodMessage} lang={pane.lang} />}
    </section>
  );
}

export interface AppProps {
  initialLang: Lang;
  host: PaneHost;
  /** Office's theme colours (Office.context.officeTheme), when the host has them. */
  officeColours?: OfficeColours;
}

export function App({ initialLang, host, officeColours }: AppProps) {
  const pane = useReviewPane(host, initialLang);
  const text = paneText(pane.lang);
  const styles = useStyles();
  const shared = usePaneStyles();
  const theme = useMemo(() => paneTheme(officeColours), [officeColours]);

  // Focus follows what just happened: the message of a failed step, the result of Generate, the step's button after Clear.
  useEffect(() => {
    if (!pane.focus) return;
    const id = pane.focus.id;
    const timer = setTimeout(() => document.getElementById(id)?.focus(), 0);
    return () => clearTimeout(timer);
  }, [pane.focus]);

  useEffect(() => {
    document.documentElement.lang = pane.lang === "zh" ? "zh-CN" : "en";
  }, [pane.lang]);

  return (
    <FluentProvider theme={theme} lang={pane.lang === "zh" ? "zh-CN" : "en"}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1">{text.title}</Title3>
          <Select className={styles.language} aria-label={text.languageLabel} value={pane.lang} onChange={(_, d) => pane.setLang(d.value as Lang)}>
            <option value="zh" lang="zh-CN">中文</option>
            <option value="en" lang="en">English</option>
          </Select>
        </header>
        <Body1>{text.intro}</Body1>
        {pane.ribbonRun && !pane.ribbonRun.ok && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{text.lastRibbonRun}</MessageBarTitle>
              <pre className={shared.pre}>{pane.ribbonRun.message}</pre>
            </MessageBarBody>
          </MessageBar>
        )}

        <DataStep pane={pane} />
        {pane.read && pane.read.rows.length > 0 && (
          <>
            <ColumnsStep pane={pane} />
            <Divider />
          </>
        )}
        <RangeStep id="targets" title={text.stepTargets} hint={text.stepTargetsHint} chosen={pane.targets?.label} onUse={() => pane.chooseTargets(null)} onClear={pane.clearTargets} lang={pane.lang}>
          {pane.targets && <Caption1 data-testid="targets-count">{paneSay(pane.lang, "targetsRead", { count: pane.targets.value.targets.length })}</Caption1>}
          {pane.targetsMessage && <StepMessage id="targets-message" title={text.targetsError} message={pane.targetsMessage} lang={pane.lang} />}
        </RangeStep>
        {pane.read?.result && <PeriodStep pane={pane} />}
        <OrdersStep pane={pane} />
        <SettingsSection pane={pane} />
        <Divider />
        {pane.preview && <PreviewCards scorecard={pane.preview} lang={pane.lang} />}

        <GenerateSection pane={pane} />
        <div role="status" aria-live="polite" aria-atomic="true" className={shared.visuallyHidden} data-testid="live-region">
          {pane.announcement && <span key={pane.announcement.seq}>{renderMessage(pane.announcement.message, pane.lang)}</span>}
        </div>
      </main>
    </FluentProvider>
  );
}
