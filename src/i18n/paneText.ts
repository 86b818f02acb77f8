/** The task pane's words in both languages. */
import type { Lang } from "./issues";

const PANE_TEXT = {
  zh: {
    title: "经营复盘",
    intro: "选择月度数据和目标，预览核心指标，一键生成复盘工作表。",
    switchLanguage: "English",
  },
  en: {
    title: "KPI Review",
    intro: "Choose monthly data and targets, preview the KPIs and generate a review sheet.",
    switchLanguage: "中文",
  },
} satisfies Record<Lang, Record<string, string>>;

export type PaneText = (typeof PANE_TEXT)["zh"];

export function paneText(lang: Lang): PaneText {
  return PANE_TEXT[lang];
}
