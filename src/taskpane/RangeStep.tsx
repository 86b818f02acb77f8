/** An optional step that takes the current selection as its range (or, for orders, a file) and can be cleared (targets, orders). */
import type { ReactNode } from "react";
import { Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import { paneText } from "../i18n/paneText";
import type { Lang } from "../i18n/issues";
import { usePaneStyles } from "./paneStyles";

export interface RangeStepProps {
  id: "targets" | "orders";
  title: string;
  hint: string;
  /** The chosen range's label, when one is chosen. */
  chosen: string | undefined;
  onUse: () => void;
  onClear: () => void;
  lang: Lang;
  /** Shown below the hint (the order step's choice between a range and a file). */
  before?: ReactNode;
  /** In place of the "use the selection" button (a file picker). */
  use?: ReactNode;
  children?: ReactNode;
}

export function RangeStep({ id, title, hint, chosen, onUse, onClear, lang, before, use, children }: RangeStepProps) {
  const styles = usePaneStyles();
  const text = paneText(lang);
  return (
    <section className={styles.step} aria-labelledby={`step-${id}`}>
      <Subtitle2 as="h2" id={`step-${id}`}>{title}</Subtitle2>
      <Caption1 className={styles.hint}>{hint}</Caption1>
      {before}
      <div className={styles.row}>
        {use ?? <Button id={`${id}-use`} onClick={onUse}>{text.useSelection}</Button>}
        {chosen !== undefined && (
          <>
            <Caption1 data-testid={`step-${id}-label`} id={`${id}-status`} tabIndex={-1}>{text.selected}: {chosen}</Caption1>
            <Button appearance="subtle" size="small" onClick={onClear} aria-label={`${text.clear}: ${title}`}>{text.clear}</Button>
          </>
        )}
      </div>
      {children}
    </section>
  );
}
