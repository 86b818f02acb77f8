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
  | "users"
  | "grossProfit"
  | "netProfit"
  | "refunds"
  | "units"
  | "clicks"
  | "followers"
  | "bounceRate";

export type DerivedMetricKey =
  | "conversion"
  | "aov"
  | "orderValue"
  | "repeatRate"
  | "roi"
  | "cpm"
  | "grossMargin"
  | "refundRate"
  | "uvValue"
  | "unitPrice"
  | "itemsPerOrder"
  | "ctr"
  | "cpc"
  | "cac"
  | "adRatio";

/** How months (or days, or a dimension's members) combine into a period: domain.md's four rules. */
export type Aggregation = "sum" | "last" | "mean" | "ratio";

export type CatalogKey = BaseMetricKey | DerivedMetricKey;

interface MetricDefinitionBase {
  nameZh: string;
  nameEn: string;
  /** Header aliases, matched after normalisation (case, width and spaces folded). */
  aliases: string[];
  unit: Unit;
  direction: Direction;
  /** A rate that cannot exceed 100% (conversion, shares): plain numbers in (1, 100] are percent numbers. */
  bounded?: boolean;
}

export interface BaseMetricDefinition extends MetricDefinitionBase {
  key: BaseMetricKey;
  /** sum over the months, the last month (a stock such as users), or the mean of the months (a rate without parts). */
  aggregation: "sum" | "last" | "mean";
}

export interface DerivedMetricDefinition extends MetricDefinitionBase {
  key: DerivedMetricKey;
  numerator: BaseMetricKey;
  denominator: BaseMetricKey;
  scale: number;
}

export const BASE_METRICS: readonly BaseMetricDefinition[] = [
  { key: "gmv", nameZh: "GMV", nameEn: "GMV", aliases: ["gmv", "成交额", "销售额", "支付金额", "sales", "全店gmv", "全站gmv", "总gmv", "gmv合计"], unit: "元", direction: "higher", aggregation: "sum" },
  { key: "orders", nameZh: "订单数", nameEn: "Orders", aliases: ["订单数", "订单量", "orders"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "visitors", nameZh: "访客数", nameEn: "Visitors", aliases: ["访客数", "访客", "uv", "visitors"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "buyers", nameZh: "支付买家数", nameEn: "Buyers", aliases: ["支付买家数", "成交买家数", "买家数", "buyers"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "repeatBuyers", nameZh: "复购买家数", nameEn: "Repeat buyers", aliases: ["复购买家数", "repeat buyers"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "newCustomers", nameZh: "新客数", nameEn: "New customers", aliases: ["新客数", "new customers"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "adSpend", nameZh: "广告花费", nameEn: "Ad spend", aliases: ["广告花费", "推广费", "投放花费", "ad spend"], unit: "元", direction: "lower", aggregation: "sum" },
  { key: "impressions", nameZh: "广告展现量", nameEn: "Impressions", aliases: ["广告展现量", "曝光量", "impressions"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "users", nameZh: "用户规模", nameEn: "Users", aliases: ["用户规模", "会员数", "users"], unit: "count", direction: "higher", aggregation: "last" },
  { key: "grossProfit", nameZh: "毛利", nameEn: "Gross profit", aliases: ["毛利", "毛利额", "gross profit"], unit: "元", direction: "higher", aggregation: "sum" },
  { key: "netProfit", nameZh: "净利润", nameEn: "Net profit", aliases: ["净利润", "净利", "net profit"], unit: "元", direction: "higher", aggregation: "sum" },
  { key: "refunds", nameZh: "退款金额", nameEn: "Refunds", aliases: ["退款金额", "退款额", "成功退款金额", "refunds"], unit: "元", direction: "lower", aggregation: "sum" },
  { key: "units", nameZh: "件数", nameEn: "Units", aliases: ["件数", "销量", "销售件数", "支付件数", "units"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "clicks", nameZh: "点击量", nameEn: "Clicks", aliases: ["点击量", "点击数", "点击次数", "clicks"], unit: "count", direction: "higher", aggregation: "sum" },
  { key: "followers", nameZh: "粉丝数", nameEn: "Followers", aliases: ["粉丝数", "关注人数", "followers"], unit: "count", direction: "higher", aggregation: "last" },
  { key: "bounceRate", nameZh: "跳失率", nameEn: "Bounce rate", aliases: ["跳失率", "跳出率", "bounce rate"], unit: "%", direction: "lower", aggregation: "mean", bounded: true },
];

export const DERIVED_METRICS: readonly DerivedMetricDefinition[] = [
  { key: "conversion", nameZh: "转化率", nameEn: "Conversion rate", aliases: ["转化率", "conversion rate", "conversion", "cvr"], unit: "%", direction: "higher", bounded: true, numerator: "buyers", denominator: "visitors", scale: 1 },
  { key: "aov", nameZh: "客单价", nameEn: "Average order value per buyer", aliases: ["客单价", "aov", "average order value per buyer", "average order value"], unit: "元", direction: "higher", numerator: "gmv", denominator: "buyers", scale: 1 },
  { key: "orderValue", nameZh: "笔单价", nameEn: "Value per order", aliases: ["笔单价", "value per order"], unit: "元", direction: "higher", numerator: "gmv", denominator: "orders", scale: 1 },
  { key: "repeatRate", nameZh: "复购率", nameEn: "Repeat rate", aliases: ["复购率", "repeat rate"], unit: "%", direction: "higher", bounded: true, numerator: "repeatBuyers", denominator: "buyers", scale: 1 },
  { key: "roi", nameZh: "ROI", nameEn: "ROI", aliases: ["roi", "roas", "投入产出比"], unit: "ratio", direction: "higher", numerator: "gmv", denominator: "adSpend", scale: 1 },
  { key: "cpm", nameZh: "CPM", nameEn: "CPM", aliases: ["cpm", "千次展现成本"], unit: "元", direction: "lower", numerator: "adSpend", denominator: "impressions", scale: 1000 },
  { key: "grossMargin", nameZh: "毛利率", nameEn: "Gross margin", aliases: ["毛利率", "gross margin"], unit: "%", direction: "higher", bounded: true, numerator: "grossProfit", denominator: "gmv", scale: 1 },
  { key: "refundRate", nameZh: "退款率", nameEn: "Refund rate", aliases: ["退款率", "refund rate"], unit: "%", direction: "lower", bounded: true, numerator: "refunds", denominator: "gmv", scale: 1 },
  { key: "uvValue", nameZh: "UV价值", nameEn: "Value per visitor", aliases: ["uv价值", "value per visitor"], unit: "元", direction: "higher", numerator: "gmv", denominator: "visitors", scale: 1 },
  { key: "unitPrice", nameZh: "件单价", nameEn: "Value per unit", aliases: ["件单价", "value per unit"], unit: "元", direction: "higher", numerator: "gmv", denominator: "units", scale: 1 },
  { key: "itemsPerOrder", nameZh: "连带率", nameEn: "Units per order", aliases: ["连带率", "units per order"], unit: "ratio", direction: "higher", numerator: "units", denominator: "orders", scale: 1 },
  { key: "ctr", nameZh: "点击率", nameEn: "Click-through rate", aliases: ["点击率", "ctr", "click-through rate"], unit: "%", direction: "higher", bounded: true, numerator: "clicks", denominator: "impressions", scale: 1 },
  { key: "cpc", nameZh: "CPC", nameEn: "Cost per click", aliases: ["cpc", "点击成本", "平均点击花费", "cost per click"], unit: "元", direction: "lower", numerator: "adSpend", denominator: "clicks", scale: 1 },
  { key: "cac", nameZh: "新客成本", nameEn: "Cost per new customer", aliases: ["新客成本", "获客成本", "cac", "cost per new customer"], unit: "元", direction: "lower", numerator: "adSpend", denominator: "newCustomers", scale: 1 },
  { key: "adRatio", nameZh: "费比", nameEn: "Ad spend ratio", aliases: ["费比", "营销费用率", "推广费占比", "ad spend ratio"], unit: "%", direction: "lower", numerator: "adSpend", denominator: "gmv", scale: 1 },
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
