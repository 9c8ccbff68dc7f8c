import { CUSTOMER_INVOICE_FILTERS, customerInvoiceFiltersSchema, listCustomerInvoices, parseInput } from "@accord/core";
import { DataTable, EmptyState, formatDate, formatMoney, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/invoices";
import { customerRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";
import { InvoiceState } from "../components/InvoiceState";

export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args, "invoice:read");
  const params = new URL(args.request.url).searchParams;
  return loadOrRespond(ctx, async () => {
    const list = await listCustomerInvoices({ ...ctx, input: parseInput(customerInvoiceFiltersSchema, { filter: params.get("filter") ?? "", page: params.get("page") ?? "" }) });
    return {
      filters: CUSTOMER_INVOICE_FILTERS,
      filter: list.filter,
      page: list.page,
      hasNextPage: list.hasNextPage,
      // Only what the page shows goes to the browser.
      invoices: list.invoices.map((invoice) => ({
        number: invoice.number,
        issueDate: invoice.issueDate,
        currentDueDate: invoice.currentDueDate,
        totalInclTaxCents: invoice.totalInclTaxCents,
        currency: invoice.currency,
        state: invoice.dunningState,
        cases: invoice.cases.map((c) => c.reference),
      })),
    };
  });
}

const href = (filter: string, page = 1) => `/invoices?filter=${filter}${page > 1 ? `&page=${page}` : ""}`;

export default function Invoices({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { filters, filter, page, hasNextPage, invoices } = loaderData;
  return (
    <>
      <PageHeader eyebrow={t("invoices.list.eyebrow")} title={t("invoices.list.title")} />
      <p>{t("invoices.list.intro")}</p>
      <nav aria-label={t("invoices.list.filtersLabel")} className="form__actions">
        {filters.map((name) => (
          <Link key={name} to={href(name)} aria-current={name === filter ? "page" : undefined} className={name === filter ? "button button--primary" : "button"}>
            {t(`invoices.filter.${name}`)}
          </Link>
        ))}
      </nav>
      <DataTable
        caption={t("invoices.list.caption", { filter: t(`invoices.filter.${filter}`) })}
        rows={invoices}
        rowKey={(invoice) => invoice.number}
        empty={<EmptyState title={t(`invoices.list.empty.${filter}`)} />}
        columns={[
          {
            key: "number",
            header: t("invoices.list.columns.number"),
            rowHeader: true,
            cell: (invoice) => <Link to={`/invoices/${encodeURIComponent(invoice.number)}`}>{invoice.number}</Link>,
          },
          { key: "issueDate", header: t("invoices.list.columns.issueDate"), cell: (invoice) => formatDate(invoice.issueDate, i18n.language) },
          { key: "dueDate", header: t("invoices.list.columns.dueDate"), cell: (invoice) => formatDate(invoice.currentDueDate, i18n.language) },
          { key: "amount", header: t("invoices.list.columns.amount"), align: "end", cell: (invoice) => formatMoney(invoice.totalInclTaxCents, invoice.currency, i18n.language) },
          { key: "state", header: t("invoices.list.columns.state"), cell: (invoice) => <InvoiceState state={invoice.state} dueDate={invoice.currentDueDate} /> },
          {
            key: "cases",
            header: t("invoices.list.columns.cases"),
            cell: (invoice) =>
              invoice.cases.map((reference, index) => (
                <span key={reference}>
                  {index > 0 ? ", " : null}
                  <Link to={`/cases/${reference}`}>{reference}</Link>
                </span>
              )),
          },
        ]}
      />
      {page > 1 || hasNextPage ? (
        <nav aria-label={t("invoices.list.pagination")} className="form__actions">
          {page > 1 ? <Link to={href(filter, page - 1)}>{t("invoices.list.previous")}</Link> : null}
          {hasNextPage ? (
            <Link to={href(filter, page + 1)} rel="next">
              {t("invoices.list.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
