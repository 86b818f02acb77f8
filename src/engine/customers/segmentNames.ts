/**
 * The customer groups of domain.md ("Customers"): the 11 RFM segments by code, the Chinese 8-class model
 * and the value tiers. Groups are small integer indexes so the scoring loop stays on typed arrays.
 */

export interface GroupName {
  name: string;
  nameZh: string;
}

export const SEGMENTS: ReadonlyArray<GroupName & { codes: number[] }> = [
  { name: "Champions", nameZh: "冠军客户", codes: [555, 554, 544, 545, 454, 455, 445] },
  { name: "Loyal", nameZh: "忠诚客户", codes: [543, 444, 435, 355, 354, 345, 344, 335] },
  {
    name: "Potential Loyalist",
    nameZh: "潜力忠诚客户",
    codes: [553, 551, 552, 541, 542, 533, 532, 531, 452, 451, 442, 441, 431, 453, 433, 432, 423, 353, 352, 351, 342, 341, 333, 323],
  },
  { name: "New Customers", nameZh: "新客户", codes: [512, 511, 422, 421, 412, 411, 311] },
  { name: "Promising", nameZh: "有潜力客户", codes: [525, 524, 523, 522, 521, 515, 514, 513, 425, 424, 413, 414, 415, 315, 314, 313] },
  { name: "Need Attention", nameZh: "需关注客户", codes: [535, 534, 443, 434, 343, 334, 325, 324] },
  { name: "About To Sleep", nameZh: "即将沉睡客户", codes: [331, 321, 312, 221, 213, 231, 241, 251] },
  {
    name: "At Risk",
    nameZh: "流失风险客户",
    codes: [255, 254, 245, 244, 253, 252, 243, 242, 235, 234, 225, 224, 153, 152, 145, 143, 142, 135, 134, 133, 125, 124],
  },
  { name: "Cannot Lose Them", nameZh: "不能失去的客户", codes: [155, 154, 144, 214, 215, 115, 114, 113] },
  { name: "Hibernating", nameZh: "休眠客户", codes: [332, 322, 233, 232, 223, 222, 132, 123, 122, 212, 211] },
  { name: "Lost", nameZh: "已流失客户", codes: [111, 112, 121, 131, 141, 151] },
];

/** Segment index by RFM code (R·100 + F·10 + M); -1 where no segment lists the code. */
export const SEGMENT_BY_CODE: Int8Array = (() => {
  const table = new Int8Array(556).fill(-1);
  SEGMENTS.forEach((segment, index) => {
    for (const code of segment.codes) table[code] = index;
  });
  return table;
})();

export function rfmCode(r: number, f: number, m: number): number {
  return r * 100 + f * 10 + m;
}

/**
 * The 8-class model, indexed by (R high ? 4 : 0) + (F high ? 2 : 0) + (M high ? 1 : 0).
 * Listed in domain.md's order of importance by `CLASS8_ORDER`.
 */
const CLASS8_BY_BITS: ReadonlyArray<GroupName> = [
  { name: "General retention", nameZh: "一般挽留客户" }, // 低低低
  { name: "Important retention", nameZh: "重要挽留客户" }, // 低低高
  { name: "General maintenance", nameZh: "一般保持客户" }, // 低高低
  { name: "Important maintenance", nameZh: "重要保持客户" }, // 低高高
  { name: "General development", nameZh: "一般发展客户" }, // 高低低
  { name: "Important development", nameZh: "重要发展客户" }, // 高低高
  { name: "General value", nameZh: "一般价值客户" }, // 高高低
  { name: "Important value", nameZh: "重要价值客户" }, // 高高高
];

export function class8Bits(rHigh: boolean, fHigh: boolean, mHigh: boolean): number {
  return (rHigh ? 4 : 0) + (fHigh ? 2 : 0) + (mHigh ? 1 : 0);
}

/** Bits in domain.md's order: 重要价值, 重要发展, 重要保持, 重要挽留, 一般价值, 一般发展, 一般保持, 一般挽留. */
export const CLASS8_ORDER: readonly number[] = [7, 5, 3, 1, 6, 4, 2, 0];

export function class8Name(bits: number): GroupName {
  return CLASS8_BY_BITS[bits];
}

export const TIERS: ReadonlyArray<GroupName> = [
  { name: "High value", nameZh: "高净值" },
  { name: "Potential", nameZh: "潜力" },
  { name: "Regular", nameZh: "一般" },
  { name: "Dormant", nameZh: "沉默" },
  { name: "Lost", nameZh: "流失" },
];

export const TIER = { highValue: 0, potential: 1, regular: 2, dormant: 3, lost: 4 } as const;
