/** The KPI Review task pane: data → columns → targets → period → orders → preview → Generate review sheet. */
import {
  Body1,
  Button,
  Caption1,
  Divider,
  Field,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Subtitle2,
  Switch,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { Lang } from "../i18n/issues";
import { paneText } from "../i18n/paneText";
import type { PaneHost } from "./paneHost";
import { useReviewPane } from "./useReviewPane";
import { ColumnsStep } from "./ColumnsStep";
import { PreviewCards } from "./PreviewCards";

const useStyles = makeStyles({
  root: { minHeight: "100vh", padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, boxSizing: "border-box" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hint: { color: tokens.colorNeutralForeground3 },
  pre: { whiteSpace: "pre-wrap", margin: 0, fontFamily: "inherit" },
});

interface RangeStepProps {
  id: string;
  title: string;
  hint: string;
  /** The chosen range's label, when one is chosen. */
  chosen: string | undefined;
  onUse: () => void;
  onClear: () => void;
  lang: Lang;
}

/** An optional step that takes the current selection as its range and can be cleared (targets, orders). */
function RangeStep({ id, title, hint, chosen, onUse, onClear, lang }: RangeStepProps) {
  const styles = useStyles();
  const text = paneText(lang);
  return (
    <section className={styles.step} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id}>{title}</Subtitle2>
      <Caption1 className={styles.hint}>{hint}</Caption1>
      <div className={styles.row}>
        <Button onClick={onUse}>{text.useSelection}</Button>
        {chosen !== undefined && (
          <>
            <Caption1 data-testid={`${id}-label`}>{text.selected}: {chosen}</Caption1>
            <Button appearance="subtle" size="small" onClick={onClear}>{text.clear}</Button>
          </>
        )}
      </div>
    </section>
  );
}

export interface AppProps {
  initialLang: Lang;
  host: PaneHost;
}

export function App({ initialLang, host }: AppProps) {
  const pane = useReviewPane(host, initialLang);
  const text = paneText(pane.lang);
  const styles = useStyles();
  const { generation } = pane;
  return (
    <FluentProvider theme={webLightTheme} lang={pane.lang === "zh" ? "zh-CN" : "en"}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1">{text.title}</Title3>
          <Switch label={text.switchLanguage} checked={pane.lang === "en"} onChange={(_, d) => pane.setLang(d.checked ? "en" : "zh")} />
        </header>
        <Body1>{text.intro}</Body1>
        {pane.ribbonRun && !pane.ribbonRun.ok && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{text.lastRibbonRun}</MessageBarTitle>
              <pre className={styles.pre}>{pane.ribbonRun.message}</pre>
            </MessageBarBody>
          </MessageBar>
        )}

        <section className={styles.step} aria-labelledby="step-data">
          <Subtitle2 as="h2" id="step-data">{text.stepData}</Subtitle2>
          <Caption1 className={styles.hint}>{text.stepDataHint}</Caption1>
          <div className={styles.row}>
            <Button appearance="secondary" onClick={() => pane.chooseData(null)}>{text.useSelection}</Button>
            {pane.tables.length > 0 && (
              <Field label={text.pickTable} orientation="horizontal">
                <Select value="" onChange={(_, d) => d.value && pane.chooseData({ kind: "table", name: d.value })}>
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
        </section>

        {pane.problem && (
          <MessageBar intent="error">
            <MessageBarBody>
              <pre className={styles.pre}>{pane.problem}</pre>
            </MessageBarBody>
          </MessageBar>
        )}
        {pane.read.error && (
          <MessageBar intent="error" data-testid="read-error">
            <MessageBarBody>
              <MessageBarTitle>{text.failed}</MessageBarTitle>
              <pre className={styles.pre}>{pane.read.error}</pre>
            </MessageBarBody>
          </MessageBar>
        )}

        {pane.read.result && (
          <>
            <ColumnsStep pane={pane} />
            <Divider />
            <RangeStep id="step-targets" title={text.stepTargets} hint={text.stepTargetsHint} chosen={pane.targets?.label} onUse={() => pane.chooseTargets(null)} onClear={pane.clearTargets} lang={pane.lang} />
            <section className={styles.step} aria-labelledby="step-period">
              <Subtitle2 as="h2" id="step-period">{text.stepPeriod}</Subtitle2>
              <div className={styles.row}>
                {(["from", "to"] as const).map((end) => (
                  <Field key={end} label={text[end]}>
                    <Select value={pane.period?.[end] ?? ""} onChange={(_, d) => pane.period && pane.setPeriod({ ...pane.period, [end]: d.value })}>
                      {pane.months.map((m) => (
                        <option key={m} value={m}>{m}</option>
                      ))}
                    </Select>
                  </Field>
                ))}
              </div>
            </section>
            <RangeStep id="step-orders" title={text.stepOrders} hint={text.stepOrdersHint} chosen={pane.orders?.label} onUse={pane.chooseOrders} onClear={pane.clearOrders} lang={pane.lang} />
            <Divider />
            {pane.preview && <PreviewCards scorecard={pane.preview} lang={pane.lang} />}
          </>
        )}

        <Button appearance="primary" size="large" disabled={!pane.canGenerate} onClick={pane.generate}>
          {generation.kind === "running" ? text.generating : text.generate}
        </Button>
        {generation.kind === "running" && (
          <Field validationMessage={text[generation.stage]} validationState="none">
            <ProgressBar value={Math.min(1, Math.max(0, (["reading", "computing", "writing"].indexOf(generation.stage) + Math.min(1, generation.fraction)) / 3))} />
          </Field>
        )}
        {generation.kind === "done" && (
          <MessageBar intent="success" data-testid="generate-done">
            <MessageBarBody>
              <MessageBarTitle>{text.done}</MessageBarTitle>
              {generation.sheets.map((sheet, i) => (
                <span key={sheet}>
                  {i > 0 && " · "}
                  <Link onClick={() => pane.activate(sheet)}>{sheet}</Link>
                </span>
              ))}
              {generation.notes.length > 0 && <pre className={styles.pre}>{`${text.notes}:\n${generation.notes.join("\n")}`}</pre>}
            </MessageBarBody>
          </MessageBar>
        )}
        {generation.kind === "error" && (
          <MessageBar intent="error" data-testid="generate-error">
            <MessageBarBody>
              <MessageBarTitle>{text.failed}</MessageBarTitle>
              <pre className={styles.pre}>{generation.message}</pre>
            </MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}
