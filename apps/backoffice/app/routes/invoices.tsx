import { hasPermission } from "@accord/auth";
import { erpExportSchema, FINANCE_INVOICE_FILTERS, financeInvoiceFiltersSchema, listInvoicesForFinance, parseInput } from "@accord/core";
import { localDate } from "@accord/domain";
import { DataTable, EmptyState, Field, formatDate, formatMoney, PageHeader, SelectField } from "@accord/ui";
import { SubmitRow } from "@accord/web/components/FormFields";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/invoices";
import { canReadReceivables, staffRoute } from "../.server/actor";
import { describeError, loadOrRespond, notFound } from "../.server/errors";

async function receivablesRoute(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "invoice:read");
  if (!canReadReceivables(ctx.actor)) notFound();
  return ctx;
}

export async function loader(args: Route.LoaderArgs) {
  const ctx = await receivablesRoute(args);
  const params = new URL(args.request.url).searchParams;
  return loadOrRespond(ctx, async () => {
    const list = await listInvoicesForFinance({
      ...ctx,
      input: parseInput(financeInvoiceFiltersSchema, { filter: params.get("filter") ?? "", accountId: params.get("accountId") ?? "", page: params.get("page") ?? "" }),
    });
    const today = localDate(ctx.now, "Europe/Paris");
    // A period the export refused comes back here (invoices/erp-export.csv): its refusals beside the fields.
    const exportValues = { from: params.get("from") ?? `${today.slice(0, 7)}-01`, to: params.get("to") ?? today };
    let exportErrors: Record<string, string[]> = {};
    if (params.has("from") || params.has("to")) {
      try {
        parseInput(erpExportSchema, exportValues);
      } catch (error) {
        exportErrors = describeError(error, ctx.t).fieldErrors;
      }
    }
    return {
      filters: FINANCE_INVOICE_FILTERS,
      filter: list.filter,
      accountId: params.get("accountId") ?? "",
      page: list.page,
      hasNextPage: list.hasNextPage,
      accounts: list.accounts,
      // The export is finance's: the ERP acts on it (ADR 0027).
      canExport: hasPermission(ctx.actor, "invoice:manage"),
      canImport: hasPermission(ctx.actor, "invoice:import"),
      exportValues,
      exportErrors,
      invoices: list.invoices.map((invoice) => ({
        number: invoice.number,
        accountName: invoice.accountName,
        issueDate: invoice.issueDate,
        currentDueDate: invoice.currentDueDate,
        totalInclTaxCents: invoice.totalInclTaxCents,
        currency: invoice.currency,
        state: invoice.dunningState,
        cases: invoice.cases.map((c) => c.reference),
        settlement: invoice.settlements[0] ?? null,
      })),
    };
  });
}

function href(filter: string, accountId: string, page: number) {
  const params = new URLSearchParams({ filter });
  if (accountId) params.set("accountId", accountId);
  if (page > 1) params.set("page", String(page));
  return `/invoices?${params.toString()}`;
}

export default function Invoices({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { filters, filter, accountId, page, hasNextPage, accounts, invoices, canExport, canImport, exportValues, exportErrors } = loaderData;
  const money = (cents: number, currency: string) => formatMoney(cents, currency, i18n.language);
  const date = (value: string) => formatDate(value, i18n.language);
  return (
    <>
      <PageHeader title={t("receivables.title")} description={t("receivables.description")} />
      {canImport ? (
        <p>
          <Link to="/invoices/import">{t("erpImport.link")}</Link>
        </p>
      ) : null}
      <Form method="get" className="card form filters" role="search" aria-label={t("receivables.filters.legend")}>
        <fieldset className="stack">
          <legend>{t("receivables.filters.legend")}</legend>
          <SelectField
            name="filter"
            label={t("receivables.filters.filter")}
            defaultValue={filter}
            options={filters.map((name) => ({ value: name, label: t(`receivables.filter.${name}`) }))}
          />
          <SelectField
            name="accountId"
            label={t("receivables.filters.account")}
            defaultValue={accountId}
            options={[{ value: "", label: t("receivables.filters.anyAccount") }, ...accounts.map((account) => ({ value: account.id, label: account.name }))]}
          />
          <SubmitRow label={t("receivables.filters.submit")} />
        </fieldset>
      </Form>
      <DataTable
        caption={t("receivables.table.caption", { filter: t(`receivables.filter.${filter}`) })}
        rows={invoices}
        rowKey={(invoice) => `${invoice.accountName}|${invoice.number}`}
        empty={<EmptyState title={t("receivables.table.empty")} />}
        columns={[
          { key: "number", header: t("receivables.table.number"), rowHeader: true, cell: (invoice) => invoice.number },
          { key: "account", header: t("receivables.table.account"), cell: (invoice) => invoice.accountName },
          { key: "issueDate", header: t("receivables.table.issueDate"), cell: (invoice) => date(invoice.issueDate) },
          { key: "dueDate", header: t("receivables.table.dueDate"), cell: (invoice) => date(invoice.currentDueDate) },
          { key: "amount", header: t("receivables.table.amount"), align: "end", cell: (invoice) => money(invoice.totalInclTaxCents, invoice.currency) },
          {
            key: "state",
            header: t("receivables.table.state"),
            cell: (invoice) => <span className="badge">{t(`receivables.state.${invoice.state}`, { date: date(invoice.currentDueDate) })}</span>,
          },
          {
            key: "cases",
            header: t("receivables.table.cases"),
            cell: (invoice) =>
              invoice.cases.map((reference, index) => (
                <span key={reference}>
                  {index > 0 ? ", " : null}
                  <Link to={`/cases/${reference}`}>{reference}</Link>
                </span>
              )),
          },
          {
            key: "newDueDates",
            header: t("receivables.table.newDueDates"),
            cell: (invoice) =>
              invoice.settlement
                ? t("receivables.table.released", {
                    undisputed: money(invoice.settlement.undisputedCents, invoice.currency),
                    undisputedDate: date(invoice.settlement.undisputedDueDate),
                    remainder: money(invoice.settlement.remainderCents, invoice.currency),
                    remainderDate: date(invoice.settlement.remainderDueDate),
                  })
                : t("receivables.table.none"),
          },
        ]}
      />
      {page > 1 || hasNextPage ? (
        <nav aria-label={t("receivables.pagination")} className="form__actions">
          {page > 1 ? <Link to={href(filter, accountId, page - 1)}>{t("receivables.previous")}</Link> : null}
          {hasNextPage ? (
            <Link to={href(filter, accountId, page + 1)} rel="next">
              {t("receivables.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
      {canExport ? (
        <section id="erp-export" className="card stack" aria-labelledby="erp-export-title">
          <h2 id="erp-export-title">{t("receivables.export.title")}</h2>
          <p>{t("receivables.export.description")}</p>
          {/* A native GET: the answer is the file; a refused period comes back here with its refusals. */}
          <Form method="get" action="/invoices/erp-export.csv" reloadDocument className="form" aria-labelledby="erp-export-title">
            <Field name="from" type="date" label={t("receivables.export.from")} defaultValue={exportValues.from} errors={exportErrors.from} required />
            <Field name="to" type="date" label={t("receivables.export.to")} defaultValue={exportValues.to} errors={exportErrors.to} required />
            <SubmitRow label={t("receivables.export.submit")} />
          </Form>
        </section>
      ) : null}
    </>
  );
}
