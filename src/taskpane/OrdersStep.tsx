/**
 * Step ⑤: the order list, from a range or table of the workbook or from a file (CSV, TXT, Parquet) read in the
 * Web Worker and never written into the workbook; checked when it is chosen, with a dropdown per field
 * (customer id, date, amount, order id, product, category) to name the column where the recognised one is
 * wrong or missing.
 */
import { useRef } from "react";
import { Button, Caption1, Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { paneSay, paneText } from "../i18n/paneText";
import type { Lang } from "../i18n/issues";
import { ORDER_FIELDS } from "./ordersCheck";
import { RangeStep } from "./RangeStep";
import { StepMessage } from "./StepMessage";
import { ORDER_FIELD_TEXT } from "./paneMessage";
import type { OrdersFrom, PickedOrderFile, ReviewPane } from "./useReviewPane";
import { usePaneStyles } from "./paneStyles";

/** Files the picker offers; the reader goes by the bytes (Parquet's "PAR1"), not by the name. */
const ORDER_FILE_TYPES = ".csv,.txt,.tsv,.parquet";

/** `orders.parquet · 63.0 MB · 5,000,000 行`, `订单导出.csv · 40 KB` */
function fileLabel(picked: PickedOrderFile, lang: Lang): string {
  const bytes = picked.file.size;
  const size = bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
  const rows = picked.rowsTotal !== null ? ` · ${paneSay(lang, "orderFileRows", { rows: picked.rowsTotal.toLocaleString(lang === "zh" ? "zh-CN" : "en-US") })}` : "";
  return `${picked.file.name} · ${size}${rows}`;
}

export function OrdersStep({ pane }: { pane: ReviewPane }) {
  const styles = usePaneStyles();
  const lang = pane.lang;
  const text = paneText(lang);
  const check = pane.ordersCheck;
  const input = useRef<HTMLInputElement>(null);
  const fromFile = pane.ordersFrom === "file";
  const chosen = fromFile ? (pane.orderFile ? fileLabel(pane.orderFile, lang) : undefined) : pane.orders?.label;
  return (
    <RangeStep
      id="orders"
      title={text.stepOrders}
      hint={text.stepOrdersHint}
      chosen={chosen}
      onUse={() => pane.chooseOrders(null)}
      onClear={pane.clearOrders}
      lang={lang}
      before={
        <Field label={text.ordersFrom}>
          <RadioGroup value={pane.ordersFrom} onChange={(_, d) => pane.setOrdersFrom(d.value as OrdersFrom)}>
            <Radio value="workbook" label={text.ordersFromWorkbook} />
            <Radio value="file" label={text.ordersFromFile} />
          </RadioGroup>
        </Field>
      }
      use={
        fromFile ? (
          <>
            <Button id="orders-file" onClick={() => input.current?.click()}>{text.orderFilePick}</Button>
            <input
              ref={input}
              type="file"
              accept={ORDER_FILE_TYPES}
              data-testid="orders-file-input"
              tabIndex={-1}
              aria-hidden="true"
              style={{ display: "none" }}
              onChange={(event) => {
                const file = event.target.files?.[0];
                // Cleared, so that picking the same file again (after fixing it) reads it again.
                event.target.value = "";
                if (file) void pane.chooseOrderFile(file);
              }}
            />
          </>
        ) : undefined
      }
    >
      {fromFile && <Caption1 className={styles.hint} data-testid="orders-file-note">{text.orderFileNote}</Caption1>}
      {pane.ordersMessage && <StepMessage id="orders-message" title={text.ordersError} message={pane.ordersMessage} lang={lang} />}
      {check && !check.error && <Caption1 data-testid="orders-ok">{paneSay(lang, "ordersOk", { rows: check.usableRows, checked: check.checkedRows, rejected: check.rejectedRows })}</Caption1>}
      {check && check.headers.length > 0 && (
        <div className={styles.row} role="group" aria-label={text.orderColumns}>
          {ORDER_FIELDS.map((field) => {
            const used = check.used[field];
            const auto = used ? paneSay(lang, "orderAutoFound", { header: used }) : check.missing.includes(field) ? paneSay(lang, "orderAutoNone") : paneSay(lang, "orderAuto");
            return (
              <Field key={field} label={paneSay(lang, ORDER_FIELD_TEXT[field])} className={styles.wide}>
                <Select
                  className={styles.select}
                  value={pane.orderColumns[field] ?? ""}
                  onChange={(_, d) => pane.setOrderColumns({ ...pane.orderColumns, [field]: d.value === "" ? undefined : d.value })}
                >
                  <option value="">{auto}</option>
                  {check.headers.map((h) => (
                    <option key={h} value={h}>{h}</option>
                  ))}
                </Select>
              </Field>
            );
          })}
        </div>
      )}
    </RangeStep>
  );
}
