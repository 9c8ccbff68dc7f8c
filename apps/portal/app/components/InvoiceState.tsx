import { formatDate } from "@accord/ui";
import type { InvoiceDunningState } from "@accord/domain";
import { useTranslation } from "react-i18next";

/** An invoice's state as the domain gives it: on hold (in dispute), overdue, due on a date, paid. */
export function InvoiceState({ state, dueDate }: { state: InvoiceDunningState; dueDate: string }) {
  const { t, i18n } = useTranslation();
  return <span className="badge">{t(`invoices.state.${state}`, { date: formatDate(dueDate, i18n.language) })}</span>;
}
