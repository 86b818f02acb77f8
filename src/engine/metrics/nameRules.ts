/**
 * What an unknown column's name says about it (domain.md, "Columns that are not plain metrics"): how its
 * months combine into a period and whether lower is better. The groups are checked in domain.md's order and
 * the first that matches wins; the reader states every rule it infers this way.
 */
import type { Direction, Unit } from "./catalog";

/** How a column's months combine: "mean" stands for a rate too (the ratio of its parts' sums where they exist). */
export type ColumnAggregation = "sum" | "last" | "mean";

export type NameGroup = "rate" | "average" | "stock" | "amount";

export interface NameRule {
  group: NameGroup;
  aggregation: ColumnAggregation;
  direction: Direction;
  unit: Unit;
}

const RATE = /(?:率|占比|比例|%|rate|ratio)$|roi|roas/i;
const AVERAGE = /单价|均价|平均|人均|每|时长|天数|评分|得分|指数|nps|dsr|arpu|cpa|单.{0,2}成本|客成本|件成本|单位成本|人成本|per /i;
const STOCK = /粉丝|会员数|库存|sku数|商品数|在售|余额|累计|存量/i;
const LOWER = /成本|费用|花费|费比|退款|退货|跳失|跳出|投诉|差评|缺货|周转天数|cpc|cpa|cac|cpm|cost|spend|refund|return/i;
const MONEY = /金额|额$|价|成本|费|花费|收入|利润|元/;

export function nameGroup(name: string): NameGroup {
  if (RATE.test(name)) return "rate";
  if (AVERAGE.test(name)) return "average";
  if (STOCK.test(name)) return "stock";
  return "amount";
}

export function nameDirection(name: string): Direction {
  return LOWER.test(name) ? "lower" : "higher";
}

/** A rate named like a return on spend is a multiple (3.2), not a percentage. */
function isMultiple(name: string): boolean {
  return /roi|roas|倍/i.test(name);
}

/** The rule for a column the catalog does not know, from its name and the unit written in its header. */
export function ruleFromName(name: string, unitText = ""): NameRule {
  const group = nameGroup(name);
  const direction = nameDirection(name);
  const money = /元|rmb|cny|¥|yuan/i.test(unitText) || (unitText === "" && MONEY.test(name));
  switch (group) {
    case "rate":
      return { group, aggregation: "mean", direction, unit: isMultiple(name) ? "ratio" : unitText === "%" || !/ratio/i.test(name) ? "%" : "ratio" };
    case "average":
      return { group, aggregation: "mean", direction, unit: money ? "元" : "number" };
    case "stock":
      return { group, aggregation: "last", direction, unit: money ? "元" : "count" };
    default:
      return { group, aggregation: "sum", direction, unit: money ? "元" : "number" };
  }
}

/** A rate bounded by 100% (not a growth or a multiple): plain numbers in (1, 100] are percent numbers. */
export function isBoundedRateName(name: string): boolean {
  return nameGroup(name) === "rate" && !isMultiple(name) && !/增长|增速|涨幅|growth|同比|环比|达成|完成/i.test(name);
}
