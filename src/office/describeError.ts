/** One message for the analyst from whatever went wrong: cell-addressed input problems, a failed write, or other. */
import { InputError, type Lang } from "../i18n/issues";
import { ReviewCancelled, ReviewWriteError } from "./writeWorkbook";
import { t } from "../i18n/strings";

export function describeError(error: unknown, lang: Lang): string {
  if (error instanceof InputError) return error.format(lang);
  if (error instanceof ReviewCancelled) return t("writeCancelled", lang);
  if (error instanceof ReviewWriteError) {
    const kept = error.incompleteSheet ? ` ${t("incompleteKept", lang).replace("{sheet}", error.incompleteSheet)}` : "";
    return `${t("writeFailed", lang)} ${error.message}.${kept}`;
  }
  return error instanceof Error ? error.message : String(error);
}
