/** What the ribbon's "Generate review sheet" does when there are no saved settings yet: open the pane. */
export async function generateFromSavedSettings(): Promise<void> {
  await Office.addin.showAsTaskpane();
}
