/** A step's message where the step is: rendered in the current language, focusable so focus can be moved to it. */
import { MessageBar, MessageBarBody, MessageBarTitle, mergeClasses } from "@fluentui/react-components";
import type { Lang } from "../i18n/issues";
import { renderMessage, type PaneMessage } from "./paneMessage";
import { usePaneStyles } from "./paneStyles";

export interface StepMessageProps {
  id: string;
  title?: string;
  message: PaneMessage;
  lang: Lang;
  intent?: "error" | "warning" | "success" | "info";
}

export function StepMessage({ id, title, message, lang, intent = "error" }: StepMessageProps) {
  const styles = usePaneStyles();
  return (
    <MessageBar id={id} data-testid={id} intent={intent} layout="multiline" tabIndex={-1} className={mergeClasses(styles.message)}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        <pre className={styles.pre}>{renderMessage(message, lang)}</pre>
      </MessageBarBody>
    </MessageBar>
  );
}
