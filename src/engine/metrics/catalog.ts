/**
 * The metrics of domain.md: keys, names, aliases, units, directions and how months combine into a period.
 * This table is the single source for both the reader (header recognition) and the KPI engine.
 */

export type Unit = "元" | "count" | "%" | "ratio" | "number";
export type Direction = "higher" | "lower";

export type BaseMetricKey =
  | "gmv"
  | "orders"
  | "visitors"
  | "buyers"
  | "repeatBuyers"
  | "newCustomers"
  | "adSpend"
  | "impressions"
  | "users";

export type DerivedMetricKey = "conversion" | "aov" | "orderValue" | "repeatRate" | "roi" | "cpm";

export type CatalogKey = BaseMetricKey | DerivedMetricKey;

interface MetricDefinitionBase {
  nameZh: string;
  nameEn: string;
  /** Header aliases, matched after normalisation (case, width and spaces folded). */
  aliases: string[];
  unit: Unit;
  direction: Direction;
}

export interface BaseMetricDefinition extends MetricDefinitionBase {
  key: BaseMetricKey;
  /** sum over the months, or the last month (a stock such as users). */
  aggregation: "sum" | "last";
}

export interface DerivedMetricDefinition extends MetricDefinitionBase {
  key: DerivedMetricKey;
  numerator: BaseMetricKey;
  denominator: BaseMetricKey;
  scale: number;
}

export const BASE_METRICS: readonly BaseMetricDefinition[] = [
  { key: "gmv", nameZh: "GMV", nameEn: "GMV", aliases: ["gmv", "成交额", "销售额", "支付金额", "sales"], unit: "元", direction: "higher", aggregation: "sum" },
  { key: "orders", nameZh: "订单数", nameEn: "Orders", aliases: ["订单数", "订单量", "orders"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "visitors", nameZh: "访客数", nameEn: "Visitors", aliases: ["访客数", "uv", "visitors"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "buyers", nameZh: "支付买家数", nameEn: "Buyers", aliases: ["支付买家数", "成交买家数", "买家数", "buyers"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "repeatBuyers", nameZh: "复购买家数", nameEn: "Repeat buyers", aliases: ["复购买家数", "repeat buyers"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "newCustomers", nameZh: "新客数", nameEn: "New customers", aliases: ["新客数", "new customers"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "adSpend", nameZh: "广告花费", nameEn: "Ad spend", aliases: ["广告花费", "推广费", "投放花费", "ad spend"], unit: "元", direction: "lower", aggregation: "sum" },
  { key: "impressions", nameZh: "广告展现量", nameEn: "Impressions", aliases: ["广告展现量", "曝光量", "impressions"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "users", nameZh: "用户规模", nameEn: "Users", aliases: ["用户规模", "会员数", "users"], unit: "count", direction: "higher", aggregation: "last" },
];

export const DERIVED_METRICS: readonly DerivedMetricDefinition[] = [
  { key: "conversion", nameZh: "转化率", nameEn: "Conversion rate", aliases: ["转化率", "conversion rate", "conversion", "cvr"], unit: "%", direction: "higher", numerator: "buyers", denominator: "visitors", scale: 1 },
  { key: "aov", nameZh: "客单价", nameEn: "Average order value per buyer", aliases: ["客单价", "aov", "average order value per buyer", "average order value"], unit: "元", direction: "higher", numerator: "gmv", denominator: "buyers", scale: 1 },
  { key: "orderValue", nameZh: "笔单价", nameEn: "Value per order", aliases: ["笔单价", "value per order"], unit: "元", direction: "higher", numerator: "gmv", denominator: "orders", scale: 1 },
  { key: "repeatRate", nameZh: "复购率", nameEn: "Repeat rate", aliases: ["复购率", "repeat rate"], unit: "%", direction: "higher", numerator: "repeatBuyers", denominator: "buyers", scale: 1 },
  { key: "roi", nameZh: "ROI", nameEn: "ROI", aliases: ["roi", "投入产出比"], unit: "ratio", direction: "higher", numerator: "gmv", denominator: "adSpend", scale: 1 },
  { key: "cpm", nameZh: "CPM", nameEn: "CPM", aliases: ["cpm", "千次展现成本"], unit: "元", direction: "lower", numerator: "adSpend", denominator: "impressions", scale: 1000 },
];

export const CATALOG: ReadonlyArray<BaseMetricDefinition | DerivedMetricDefinition> = [...BASE_METRICS, ...DERIVED_METRICS];

export function catalogEntry(key: CatalogKey): BaseMetricDefinition | DerivedMetricDefinition {
  return CATALOG.find((m) => m.key === key)!;
}

export function isDerived(def: BaseMetricDefinition | DerivedMetricDefinition): def is DerivedMetricDefinition {
  return "numerator" in def;
}

/** Lower-cased, spaces collapsed; the reader has already folded full-width characters. */
export function normaliseName(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

const ALIAS_INDEX = new Map<string, CatalogKey>();
for (const def of CATALOG) for (const alias of def.aliases) ALIAS_INDEX.set(normaliseName(alias), def.key);

export function catalogKeyForName(name: string): CatalogKey | undefined {
  return ALIAS_INDEX.get(normaliseName(name));
}
