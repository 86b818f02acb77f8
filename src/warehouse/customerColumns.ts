/**
 * Columns of customer-level input (`--customers FILE`): one row per customer, the shape a warehouse returns.
 * Recognised by name (Chinese or English), or named with --id, --date (last order), --frequency, --amount
 * (spend) and --spend365.
 */
import { normaliseName } from "../engine/metrics/catalog";
import type { CustomerSource } from "../engine/sql/customerTableSql";
import { issue, InputError, type Issue } from "../i18n/issues";
import { t } from "../i18n/strings";

export interface CustomerColumnChoice {
  customer?: string;
  date?: string;
  amount?: string;
  frequency?: string;
  spend365?: string;
}

type Field = "customer" | "lastDate" | "orders" | "spend" | "spend365";

const ALIASES: Record<Field, string[]> = {
  customer: ["客户id", "会员id", "买家id", "用户id", "客户", "会员", "买家", "customer_id", "customer id", "customerid", "customer", "buyer_id", "member_id", "user_id", "id"],
  lastDate: ["最近下单日期", "最后下单日期", "最近下单时间", "最后下单时间", "最近购买日期", "最近一次购买时间", "last_order_date", "last order date", "last_order", "last_date", "last_purchase", "recency_date"],
  orders: ["订单数", "购买次数", "下单次数", "消费次数", "frequency", "orders", "order_count", "orders_count", "purchases"],
  spend: ["消费金额", "累计消费金额", "累计消费", "总消费", "实付金额", "支付金额", "monetary", "spend", "total_spend", "revenue", "amount"],
  spend365: ["近365天消费金额", "近365天消费", "近一年消费金额", "近一年消费", "spend365", "spend_365", "spend_365d", "spend_last_365", "last_365_spend"],
};

const FLAG: Record<Field, { choice: keyof CustomerColumnChoice; flag: string; label: Parameters<typeof t>[0] }> = {
  customer: { choice: "customer", flag: "--id", label: "customerFieldId" },
  lastDate: { choice: "date", flag: "--date", label: "customerFieldLastDate" },
  orders: { choice: "frequency", flag: "--frequency", label: "customerFieldOrders" },
  spend: { choice: "amount", flag: "--amount", label: "customerFieldSpend" },
  spend365: { choice: "spend365", flag: "--spend365", label: "customerFieldSpend365" },
};

export function customerSourceOf(relation: string, names: string[], choice: CustomerColumnChoice, label: string): CustomerSource {
  const labels = names.map((n) => normaliseName(n));
  const found: Partial<Record<Field, string>> = {};
  const errors: Issue[] = [];
  for (const field of Object.keys(ALIASES) as Field[]) {
    const chosen = choice[FLAG[field].choice];
    const index = chosen !== undefined ? labels.indexOf(normaliseName(chosen)) : labels.findIndex((l, i) => ALIASES[field].includes(l) && !Object.values(found).includes(names[i]));
    if (index >= 0) found[field] = names[index];
    else if (chosen !== undefined) errors.push(issue("orderColumnNotFound", label, { column: chosen }));
    else errors.push(issue("customerColumnMissing", label, { fieldZh: t(FLAG[field].label, "zh"), fieldEn: t(FLAG[field].label, "en"), flag: FLAG[field].flag }));
  }
  if (errors.length > 0) throw new InputError(errors);
  return { relation, customer: found.customer!, lastDate: found.lastDate!, orders: found.orders!, spend: found.spend!, spend365: found.spend365! };
}
