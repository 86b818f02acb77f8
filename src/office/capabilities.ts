/**
 * Which ExcelApi requirement sets the host supports. manifest.xml declares ExcelApi 1.8: everything the adapter
 * calls without asking is in 1.8 or below; newer members (page layout and screen updating 1.9, worksheet custom
 * properties 1.12, special cells 1.9) are used only after `isSetSupported`.
 */
export interface Capabilities {
  isSetSupported(name: string, version: string): boolean;
}

export const MANIFEST_EXCEL_API = "1.8";

export const officeCapabilities: Capabilities = {
  isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
};

/** `Excel.run` as the adapter uses it: waits while the user edits a cell (ExcelApi 1.11; ignored before). */
export function runInExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch);
}
