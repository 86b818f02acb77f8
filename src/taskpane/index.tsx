import { createRoot } from "react-dom/client";
import { App } from "./App";
import { langFromLocale } from "../i18n/strings";

/* global Office */
Office.onReady(() => {
  const locale = typeof Office !== "undefined" && Office.context ? Office.context.displayLanguage : navigator.language;
  const root = createRoot(document.getElementById("container")!);
  root.render(<App initialLang={langFromLocale(locale)} />);
});
