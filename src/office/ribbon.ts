/**
 * The ribbon's "Generate review sheet": regenerates the review with the choices saved in the workbook. With no
 * saved choices, or when generation fails, it opens the pane, which shows what to do or what went wrong.
 */
import { loadChoices } from "./choices";
import { generateReview } from "./generateReview";
import { reportRun } from "./lastRun";
import { segmentInWorker } from "./segmentInWorker";
import { describeError } from "./describeError";
import { runInExcel } from "./capabilities";

export async function generateFromSavedSettings(): Promise<void> {
  let openPane = false;
  await runInExcel(async (context) => {
    const choices = await loadChoices(context);
    if (!choices) {
      openPane = true;
      return;
    }
    try {
      const result = await generateReview(context, choices, { segment: segmentInWorker });
      reportRun({ ok: true, sheets: result.write.sheets, at: new Date() });
    } catch (error) {
      reportRun({ ok: false, message: describeError(error, choices.lang), at: new Date() });
      openPane = true;
    }
  });
  if (openPane) await Office.addin.showAsTaskpane();
}
