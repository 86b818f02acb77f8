/** The monthly figures a SQL engine derived from the orders, as a text table for `kpi-review segment`. */
import type { OrderMonth } from "../engine/sql/segmentationSummary";
import { formatAmount } from "../engine/format";
import type { Lang } from "../i18n/issues";
import { t } from "../i18n/strings";
import { renderTable } from "./textTable";

export function renderOrderMonths(months: OrderMonth[], lang: Lang): string {
  const header = [t("month", lang), t("orderMonthlyGmv", lang), t("ordersCol", lang), t("orderMonthlyBuyers", lang), t("orderMonthlyRepeatBuyers", lang), t("orderMonthlyNewCustomers", lang), t("orderMonthlyNewGmv", lang), t("orderMonthlyReturningGmv", lang)];
  const count = (n: number) => n.toLocaleString("en-US");
  const body = months.map((m) => [m.month, formatAmount(m.gmv, lang), count(m.orders), count(m.buyers), count(m.repeatBuyers), count(m.newCustomers), formatAmount(m.newCustomerGmv, lang), formatAmount(m.returningGmv, lang)]);
  return `${t("orderMonthlyTitle", lang)}\n${renderTable(header, body, new Set([1, 2, 3, 4, 5, 6, 7]))}`;
}
