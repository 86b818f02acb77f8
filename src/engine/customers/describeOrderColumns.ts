/** Which columns of an order list were used, in words, for the CLI output and the review's data-source line. */
import type { Lang } from "../../i18n/issues";
import { t } from "../../i18n/strings";
import { ORDER_FIELDS, type OrderField } from "./orderColumns";
import type { DateFormat } from "./orderValues";

const FIELD_LABEL = {
  customer: "fieldCustomer",
  date: "fieldDate",
  amount: "fieldAmount",
  order: "fieldOrder",
  product: "fieldProduct",
  category: "fieldCategory",
  quantity: "fieldQuantity",
} as const satisfies Record<OrderField, string>;

/** `客户=买家昵称 · 日期=付款时间(月/日/年) · 金额=实付金额 · 编码 GB18030/GBK` */
export function describeOrderColumns(read: { headers: Partial<Record<OrderField, string>>; encoding: string | null; dateFormat: DateFormat | null }, lang: Lang): string {
  const parts = ORDER_FIELDS.filter((f) => read.headers[f] !== undefined).map((f) => {
    const header = read.headers[f]!;
    const format = f === "date" && read.dateFormat ? `(${t(read.dateFormat === "dmy" ? "dateFormatDmy" : "dateFormatMdy", lang)})` : "";
    return `${t(FIELD_LABEL[f], lang)}=${header}${format}`;
  });
  if (read.encoding) parts.push(`${t("encodingNote", lang)} ${read.encoding}`);
  return parts.join(" · ");
}

/** The columns as JSON: header per field (null where the list has none). */
export function orderColumnsJson(headers: Partial<Record<OrderField, string>>): Record<OrderField, string | null> {
  return Object.fromEntries(ORDER_FIELDS.map((f) => [f, headers[f] ?? null])) as Record<OrderField, string | null>;
}
