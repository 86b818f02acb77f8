/**
 * What the pane has to say, kept as codes and parameters (never as rendered text) so that it is rendered
 * again in the current language when the analyst switches. Engine issues are worded by src/i18n/issues.ts,
 * except where the pane has a better way out to offer than the command line's (order columns, a missing
 * month column).
 */
import { InputError, formatIssue, type Issue, type Lang } from "../i18n/issues";
import { paneSay, type PaneTextKey } from "../i18n/paneText";
import { describeError } from "../office/describeError";
import type { OrderField } from "../engine/customers/orderTable";

export type PaneMessage =
  | { kind: "text"; key: PaneTextKey; params?: Record<string, string | number> }
  | { kind: "issues"; issues: Issue[] }
  | { kind: "error"; error: unknown };

export const say = (key: PaneTextKey, params?: Record<string, string | number>): PaneMessage => ({ kind: "text", key, params });

/** An error thrown by a step: its issues when it carries them, else the error itself. */
export function messageOf(error: unknown): PaneMessage {
  return error instanceof InputError ? { kind: "issues", issues: error.issues } : { kind: "error", error };
}

/** Each order-list field's label in the pane: the dropdowns of the order step and the messages that name a field. */
export const ORDER_FIELD_TEXT: Record<OrderField, PaneTextKey> = {
  customer: "fieldCustomer",
  date: "fieldDate",
  amount: "fieldAmount",
  order: "fieldOrder",
  product: "fieldProduct",
  category: "fieldCategory",
  quantity: "fieldQuantity",
};

const MONTH_ISSUES = new Set(["badMonth", "yearlessMonth"]);
/** More unreadable months than this in one column means the column is not a month column at all. */
const MONTH_COLUMN_GUESS = 3;

function columnOf(address: string): { sheet: string; column: string } | null {
  const match = /^(.*)!\$?([A-Z]+)\$?\d+$/.exec(address);
  return match ? { sheet: match[1], column: match[2] } : null;
}

/**
 * Many unreadable months in one column say that the range has no month column (the reader took another
 * column for it): one message that says so replaces the cell-by-cell list.
 */
export function collapseMonthIssues(issues: Issue[]): Array<Issue | PaneMessage> {
  const byColumn = new Map<string, Issue[]>();
  for (const item of issues) {
    if (!MONTH_ISSUES.has(item.code) || !item.address) continue;
    const where = columnOf(item.address);
    if (!where) continue;
    const key = `${where.sheet}!${where.column}`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), item]);
  }
  const collapsed = new Map<Issue, PaneMessage>();
  const dropped = new Set<Issue>();
  for (const [column, items] of byColumn) {
    if (items.length < MONTH_COLUMN_GUESS) continue;
    const first = items[0];
    collapsed.set(first, say("noMonthColumn", { range: column.slice(0, column.lastIndexOf("!")), column: column.slice(column.lastIndexOf("!") + 1), count: items.length, first: first.address ?? "", text: String(first.params.text ?? "") }));
    for (const item of items.slice(1)) dropped.add(item);
  }
  return issues.filter((i) => !dropped.has(i)).map((i) => collapsed.get(i) ?? i);
}

function issueText(item: Issue, lang: Lang): string {
  if (item.code === "orderColumnMissing" || item.code === "orderColumnNotFound") {
    const field = paneSay(lang, ORDER_FIELD_TEXT[String(item.params.field) as OrderField] ?? "fieldCustomer");
    return paneSay(lang, item.code, { ...item.params, address: item.address ?? "", field });
  }
  return formatIssue(item, lang);
}

/** The message in `lang`, one line per problem. */
export function renderMessage(message: PaneMessage, lang: Lang): string {
  switch (message.kind) {
    case "text":
      return paneSay(lang, message.key, message.params);
    case "issues":
      return collapseMonthIssues(message.issues)
        .map((item) => ("kind" in item ? renderMessage(item, lang) : issueText(item, lang)))
        .join("\n");
    case "error":
      return describeError(message.error, lang);
  }
}
