import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeHost } from "./paneHost";
import { currentOfficeColours } from "./officeTheme";
import { langFromLocale } from "../i18n/strings";

/* global Office */
Office.onReady(() => {
  const locale = Office.context?.displayLanguage ?? navigator.language;
  createRoot(document.getElementById("container")!).render(<App initialLang={langFromLocale(locale)} host={officeHost} officeColours={currentOfficeColours()} />);
});
