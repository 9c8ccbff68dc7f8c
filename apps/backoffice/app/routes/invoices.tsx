import { hasPermission, type StaffActor } from "@accord/auth";
import { buildErpExport, erpExportCsv, erpExportSchema, FINANCE_INVOICE_FILTERS, financeInvoiceFiltersSchema, listInvoicesForFinance, parseInput, type ErpExportInput } from "@accord/core";
import { localDate } from "@accord/domain";
import { DataTable, EmptyState, formatDate, formatMoney, PageHeader, SelectField } from "@accord/ui";
import { BoundField, SubmitRow } from "@accord/web/components/FormFields";
import { IntentForm, useIntentForm } from "@accord/web/components/IntentForm";
import { intent, runIntent, type IntentContext, type IntentName } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/invoices";
import { canReadReceivables, staffRoute } from "../.server/actor";
import { loadOrRespond, notFound } from "../.server/errors";

async function receivablesRoute(args: Route.LoaderArgs | Route.ActionArgs) {
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
    return {
      filter: list.filter,
      accountId: params.get("accountId") ?? "",
      page: list.page,
      hasNextPage: list.hasNextPage,
      accounts: list.accounts,
      // The export is finance's: the ERP acts on it (ADR 0027).
      canExport: hasPermission(ctx.actor, "invoice:manage"),
      exportDefaults: { from: `${today.slice(0, 7)}-01`, to: today },
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

const INTENTS = {
  erpExport: intent(
    erpExportSchema,
    (input: ErpExportInput, ctx: IntentContext<StaffActor>) => buildErpExport({ ...ctx, input }),
    (rows, ctx) =>
      new Response(erpExportCsv(rows), {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="accord-export-erp-${localDate(ctx.now, "Europe/Paris")}.csv"`,
          "Cache-Control": "private, no-store",
        },
      }),
  ),
};

export async function action(args: Route.ActionArgs) {
  return runIntent(INTENTS, await receivablesRoute(args), await args.request.formData());
}

function href(filter: string, accountId: string, page: number) {
  const params = new URLSearchParams({ filter });
  if (accountId) params.set("accountId", accountId);
  if (page > 1) params.set("page", String(page));
  return `/invoices?${params.toString()}`;
}

export default function Invoices({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { filter, accountId, page, hasNextPage, accounts, invoices, canExport, exportDefaults } = loaderData;
  const money = (cents: number, currency: string) => formatMoney(cents, currency, i18n.language);
  const date = (value: string) => formatDate(value, i18n.language);
  const [exportForm, exportFields] = useIntentForm<ErpExportInput, IntentName<typeof INTENTS>>("erpExport", actionData);
  return (
    <>
      <PageHeader title={t("receivables.title")} description={t("receivables.description")} />
      <Form method="get" className="card form filters" role="search" aria-label={t("receivables.filters.legend")}>
        <fieldset className="stack">
          <legend>{t("receivables.filters.legend")}</legend>
          <SelectField
            name="filter"
            label={t("receivables.filters.filter")}
            defaultValue={filter}
            options={FINANCE_INVOICE_FILTERS.map((name) => ({ value: name, label: t(`receivables.filter.${name}`) }))}
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
        <section className="card stack" aria-labelledby="erp-export-title">
          <h2 id="erp-export-title">{t("receivables.export.title")}</h2>
          <p>{t("receivables.export.description")}</p>
          {/* A native submission: the answer is the CSV file, or the page again with the refusals. */}
          <IntentForm form={exportForm} reloadDocument>
            <BoundField field={exportFields.from} fallback={exportDefaults.from} type="date" label={t("receivables.export.from")} required />
            <BoundField field={exportFields.to} fallback={exportDefaults.to} type="date" label={t("receivables.export.to")} required />
            <SubmitRow label={t("receivables.export.submit")} />
          </IntentForm>
        </section>
      ) : null}
    </>
  );
}
