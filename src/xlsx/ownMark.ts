/**
 * The mark this tool leaves in the workbooks it writes: a custom document property (docProps/custom.xml),
 * which Excel keeps when the file is saved again. The command line replaces an existing workbook only when
 * it carries the mark.
 */
import type JSZip from "jszip";

export const OWN_PROPERTY = "KpiReviewGenerator";
export const OWN_VALUE = "kpi-review";

const CUSTOM_PATH = "docProps/custom.xml";
const CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";

/** Adds the mark to an xlsx package being assembled (no other custom properties are expected). */
export async function addOwnMark(zip: JSZip): Promise<void> {
  zip.file(
    CUSTOM_PATH,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${OWN_PROPERTY}"><vt:lpwstr>${OWN_VALUE}</vt:lpwstr></property></Properties>`,
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  if (!types.includes(`/${CUSTOM_PATH}`)) zip.file("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/${CUSTOM_PATH}" ContentType="${CUSTOM_TYPE}"/></Types>`));
  const rels = await zip.file("_rels/.rels")!.async("string");
  if (!rels.includes(CUSTOM_REL)) zip.file("_rels/.rels", rels.replace("</Relationships>", `<Relationship Id="rIdKpiReviewMark" Type="${CUSTOM_REL}" Target="${CUSTOM_PATH}"/></Relationships>`));
}

/** Whether the bytes are an xlsx package carrying the mark. */
export async function hasOwnMark(bytes: Uint8Array): Promise<boolean> {
  const { default: JSZipModule } = await import("jszip");
  let zip: JSZip;
  try {
    zip = await JSZipModule.loadAsync(bytes);
  } catch {
    return false;
  }
  const custom = zip.file(CUSTOM_PATH);
  if (!custom) return false;
  const xml = await custom.async("string");
  const property = new RegExp(`<property\\b[^>]*\\bname="${OWN_PROPERTY}"[^>]*>\\s*<vt:lpwstr>${OWN_VALUE}</vt:lpwstr>`);
  return property.test(xml);
}
