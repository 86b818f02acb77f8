import { useState } from "react";
import { FluentProvider, webLightTheme, Title3, Body1, ToggleButton } from "@fluentui/react-components";
import type { Lang } from "../i18n/issues";
import { paneText } from "../i18n/paneText";

export interface AppProps {
  initialLang: Lang;
}

export function App({ initialLang }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const text = paneText(lang);
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh", padding: 16 }}>
      <Title3 as="h1">{text.title}</Title3>
      <Body1 as="p">{text.intro}</Body1>
      <ToggleButton checked={lang === "en"} onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
        {text.switchLanguage}
      </ToggleButton>
    </FluentProvider>
  );
}
