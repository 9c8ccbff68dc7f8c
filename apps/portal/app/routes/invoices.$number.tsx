import { customerInvoiceSchema, getCustomerInvoice, parseInput } from "@accord/core";
import { Alert, DataTable, EmptyState, formatDate, formatMoney, formatQuantity, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/invoices.$number";
import { customerRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";
import { InvoiceState } from "../components/InvoiceState";

export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args, "invoice:read");
  return loadOrRespond(ctx, async () => {
    const invoice = await getCustomerInvoice({ ...ctx, input: parseInput(customerInvoiceSchema, { number: args.params.number }) });
    const { id: _id, accountId: _accountId, ...shown } = invoice;
    return { invoice: shown };
  });
}

export default function InvoicePage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { invoice } = loaderData;
  const money = (cents: number) => formatMoney(cents, invoice.currency, i18n.language);
  const date = (value: string) => formatDate(value, i18n.language);
  return (
    <>
      <PageHeader eyebrow={t("invoices.page.eyebrow")} title={t("invoices.page.title", { number: invoice.number })} />
      <p>
        <Link to="/invoices?filter=all">{t("invoices.page.back")}</Link>
      </p>
      {invoice.onHold ? <Alert tone="info">{t("invoices.page.onHoldNotice")}</Alert> : null}
      <section aria-labelledby="invoice-summary" className="card stack">
        <h2 id="invoice-summary">{t("invoices.page.summary")}</h2>
        <dl className="definition-list">
          <dt>{t("invoices.page.state")}</dt>
          <dd>
            <InvoiceState state={invoice.dunningState} dueDate={invoice.currentDueDate} />
          </dd>
          <dt>{t("invoices.page.issueDate")}</dt>
          <dd>{date(invoice.issueDate)}</dd>
          <dt>{t("invoices.page.dueDate")}</dt>
          <dd>{date(invoice.dueDate)}</dd>
          <dt>{t("invoices.page.totalExclTax")}</dt>
          <dd>{money(invoice.totalExclTaxCents)}</dd>
          <dt>{t("invoices.page.totalTax")}</dt>
          <dd>{money(invoice.totalTaxCents)}</dd>
          <dt>{t("invoices.page.totalInclTax")}</dt>
          <dd>{money(invoice.totalInclTaxCents)}</dd>
          <dt>{t("invoices.page.paid")}</dt>
          <dd>{money(invoice.paidCents)}</dd>
        </dl>
      </section>
      {invoice.settlements.map((settlement) => (
        <section key={settlement.caseReference} aria-labelledby={`settlement-${settlement.caseReference}`} className="card stack">
          <h2 id={`settlement-${settlement.caseReference}`}>{t("invoices.page.settlementTitle", { reference: settlement.caseReference, date: date(settlement.resolvedOn) })}</h2>
          <ul>
            <li>{t("invoices.page.undisputed", { amount: money(settlement.undisputedCents), date: date(settlement.undisputedDueDate) })}</li>
            <li>{t("invoices.page.remainder", { amount: money(settlement.remainderCents), date: date(settlement.remainderDueDate) })}</li>
            {settlement.creditedCents > 0 ? <li>{t("invoices.page.credited", { amount: money(settlement.creditedCents) })}</li> : null}
          </ul>
        </section>
      ))}
      {invoice.cases.length > 0 ? (
        <section aria-labelledby="invoice-cases" className="card stack">
          <h2 id="invoice-cases">{t("invoices.page.casesTitle")}</h2>
          <ul>
            {invoice.cases.map((c) => (
              <li key={c.reference}>
                <Link to={`/cases/${c.reference}`}>{c.reference}</Link> ({t(c.onHold ? "invoices.page.caseOpen" : "invoices.page.caseClosed")})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 id="invoice-lines">{t("invoices.page.linesTitle")}</h2>
      <DataTable
        caption={t("invoices.page.linesCaption", { number: invoice.number })}
        rows={invoice.lines}
        rowKey={(line) => String(line.lineNo)}
        empty={<EmptyState title={t("invoices.page.noLines")} />}
        columns={[
          { key: "line", header: t("invoices.page.lineColumns.line"), rowHeader: true, cell: (line) => line.lineNo },
          { key: "description", header: t("invoices.page.lineColumns.description"), cell: (line) => line.description },
          { key: "quantity", header: t("invoices.page.lineColumns.quantity"), align: "end", cell: (line) => `${formatQuantity(line.quantityMilli, i18n.language)} ${line.unit}` },
          { key: "unitPrice", header: t("invoices.page.lineColumns.unitPrice"), align: "end", cell: (line) => money(line.unitPriceCents) },
          { key: "total", header: t("invoices.page.lineColumns.total"), align: "end", cell: (line) => money(line.totalExclTaxCents) },
          {
            key: "contested",
            header: t("invoices.page.lineColumns.contested"),
            cell: (line) => (line.caseReferences.length > 0 ? t("invoices.page.contestedIn", { references: line.caseReferences.join(", ") }) : t("invoices.page.notContested")),
          },
        ]}
      />
    </>
  );
}
