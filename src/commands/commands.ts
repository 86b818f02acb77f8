/**
 * Ribbon commands. They run in the shared runtime next to the task pane and the custom functions.
 * "Generate review sheet" regenerates the review with the settings saved in the workbook.
 */
import { generateFromSavedSettings } from "../office/ribbon";

async function generateReviewSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await generateFromSavedSettings();
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("generateReviewSheet", generateReviewSheet);
});
