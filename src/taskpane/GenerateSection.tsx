/**
 * Generate: disabled with the reason shown (and focusable, so a keyboard user hears it), a labelled progress
 * bar with counts, Cancel while it runs, and the result (links to each new sheet, notes in the current language).
 */
import { Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Link, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from "@fluentui/react-components";
import { formatIssue, type Lang } from "../i18n/issues";
import type { GenerateProgress } from "./paneHost";
import { paneSay, paneText } from "../i18n/paneText";
import { StepMessage } from "./StepMessage";
import type { ReviewPane } from "./useReviewPane";
import { usePaneStyles } from "./paneStyles";

const STAGES = ["reading", "computing", "writing"] as const;

/** Rows read (a range, a Parquet file) or megabytes read (a text file), and sheets written. */
function progressCounts(progress: GenerateProgress, lang: Lang): string {
  const sheets = progress.sheetsWritten ?? 0;
  if (progress.bytesTotal !== undefined) {
    const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
    return paneSay(lang, "progressBytes", { read: mb(progress.bytesRead ?? 0), total: mb(progress.bytesTotal), sheets });
  }
  return progress.rowsRead !== undefined ? paneSay(lang, "progressCounts", { rows: progress.rowsRead.toLocaleString(), sheets }) : "";
}

export function GenerateSection({ pane }: { pane: ReviewPane }) {
  const styles = usePaneStyles();
  const lang = pane.lang;
  const text = paneText(lang);
  const { generation } = pane;
  const running = generation.kind === "running";
  const blocked = pane.blockers.length > 0;
  return (
    <section className={styles.step} aria-label={text.generate}>
      <Button
        id="generate-button"
        appearance="primary"
        size="large"
        disabledFocusable={!pane.canGenerate}
        aria-describedby={blocked ? "generate-blockers" : undefined}
        onClick={pane.generate}
      >
        {running ? text.generating : text.generate}
      </Button>
      {pane.editedAsk !== null && (
      <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && pane.answerEdited("cancel")}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{text.editedTitle}</DialogTitle>
            <DialogContent>{paneSay(lang, "editedBody", { sheets: (pane.editedAsk ?? []).join(lang === "zh" ? "、" : ", ") })}</DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" onClick={() => pane.answerEdited("keep")}>{text.editedKeep}</Button>
              <Button onClick={() => pane.answerEdited("replace")}>{text.editedReplace}</Button>
              <Button appearance="subtle" onClick={() => pane.answerEdited("cancel")}>{text.editedCancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      )}
      {blocked && !running && (
        <Caption1 id="generate-blockers" data-testid="generate-blockers">
          {pane.blockers.map((b) => paneSay(lang, b)).join(" ")}
        </Caption1>
      )}
      {running && (
        <div className={styles.row}>
          <Field
            className={styles.grow}
            data-testid="progress"
            label={text.progressLabel}
            validationState="none"
            validationMessage={[
              text[generation.progress.stage],
              progressCounts(generation.progress, lang),
            ].filter(Boolean).join(" · ")}
          >
            <ProgressBar value={Math.min(1, Math.max(0, (STAGES.indexOf(generation.progress.stage) + Math.min(1, generation.progress.fraction)) / STAGES.length))} />
          </Field>
          <Button onClick={pane.cancel} disabled={generation.cancelling}>{text.cancel}</Button>
        </div>
      )}
      {generation.kind === "done" && (
        <MessageBar intent="success" data-testid="generate-done" id="generate-result" tabIndex={-1} layout="multiline" className={styles.message}>
          <MessageBarBody>
            <MessageBarTitle>{text.done}</MessageBarTitle>
            {generation.sheets.map((sheet, i) => (
              <span key={sheet}>
                {i > 0 && " · "}
                <Link className={styles.link} onClick={() => pane.activate(sheet)}>{sheet}</Link>
              </span>
            ))}
            {generation.notes.length > 0 && <pre className={styles.pre}>{`${text.notes}:\n${generation.notes.map((w) => formatIssue(w, lang)).join("\n")}`}</pre>}
          </MessageBarBody>
        </MessageBar>
      )}
      {generation.kind === "cancelled" && <StepMessage id="generate-result" intent="info" message={{ kind: "text", key: "cancelled" }} lang={lang} />}
      {generation.kind === "error" && <StepMessage id="generate-result" title={text.failed} message={generation.message} lang={lang} />}
    </section>
  );
}
