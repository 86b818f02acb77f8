/**
 * Step ⑤: the order list, checked when it is chosen, with a dropdown per field (customer id, date, amount,
 * order id, product, category) to name the column where the recognised one is wrong or missing.
 */
import { Caption1, Field, Select } from "@fluentui/react-components";
import { paneSay, paneText } from "../i18n/paneText";
import { ORDER_FIELDS } from "./ordersCheck";
import { RangeStep } from "./RangeStep";
import { StepMessage } from "./StepMessage";
import { ORDER_FIELD_TEXT } from "./paneMessage";
import type { ReviewPane } from "./useReviewPane";
import { usePaneStyles } from "./paneStyles";


export function OrdersStep({ pane }: { pane: ReviewPane }) {
  const styles = usePaneStyles();
  const lang = pane.lang;
  const text = paneText(lang);
  const check = pane.ordersCheck;
  return (
    <RangeStep id="orders" title={text.stepOrders} hint={text.stepOrdersHint} chosen={pane.orders?.label} onUse={() => pane.chooseOrders(null)} onClear={pane.clearOrders} lang={lang}>
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
