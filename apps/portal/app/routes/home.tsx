import { hasPermission } from "@accord/auth";
import { getCustomerHome, listCustomerCases } from "@accord/core";
import { DataTable, EmptyState, formatDate, formatMoney, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/home";
import { customerRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

/** Open cases shown on the dashboard; the rest is one click away in "My cases". */
const HOME_CASES = 5;

export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args);
  const { actor } = ctx;
  return loadOrRespond(ctx, async () => {
    const home = await getCustomerHome(ctx);
    // My open cases (the first page of "My cases", open ones only).
    const openCases = await listCustomerCases({ ...ctx, input: { status: "open" } });
    return {
      company: home.account.name,
      canFile: hasPermission(actor, "case:create"),
      cases: openCases.cases.slice(0, HOME_CASES).map((c) => ({ reference: c.reference, title: c.title, statusKey: c.nextStep.statusKey, owner: c.nextStep.owner })),
      // Only what the page shows goes to the browser.
      invoices: home.invoices.map((invoice) => ({
        id: invoice.id,
        number: invoice.number,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        totalInclTaxCents: invoice.totalInclTaxCents,
        currency: invoice.currency,
        paidStatus: invoice.paidStatus,
      })),
    };
  });
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { company, invoices, cases, canFile } = loaderData;
  return (
    <>
      <PageHeader eyebrow={t("home.eyebrow")} title={company} />
      {canFile ? (
        <p>
          <Link to="/claims/new" className="button button--primary">
            {t("claims.report")}
          </Link>
        </p>
      ) : null}
      <h2 id="cases">{t("cases.home.title")}</h2>
      <DataTable
        caption={t("cases.home.title")}
        rows={cases}
        rowKey={(c) => c.reference}
        empty={<EmptyState title={t("cases.home.empty")} />}
        columns={[
          { key: "reference", header: t("cases.list.columns.reference"), rowHeader: true, cell: (c) => <Link to={`/cases/${c.reference}`}>{c.reference}</Link> },
          { key: "title", header: t("cases.list.columns.title"), cell: (c) => c.title },
          { key: "status", header: t("cases.list.columns.status"), cell: (c) => t(c.statusKey) },
          { key: "owner", header: t("cases.page.waitsOn"), cell: (c) => t(`cases.owner.${c.owner}`) },
        ]}
      />
      <p>
        <Link to="/cases">{t("cases.home.all")}</Link>
      </p>
      <h2 id="invoices">{t("home.invoicesTitle")}</h2>
      <DataTable
        caption={t("home.invoicesCaption", { company })}
        rows={invoices}
        rowKey={(invoice) => invoice.id}
        empty={<EmptyState title={t("home.noInvoices")} />}
        columns={[
          { key: "number", header: t("home.columns.number"), cell: (invoice) => <Link to={`/invoices/${encodeURIComponent(invoice.number)}`}>{invoice.number}</Link> },
          { key: "issueDate", header: t("home.columns.issueDate"), cell: (invoice) => formatDate(invoice.issueDate, i18n.language) },
          { key: "dueDate", header: t("home.columns.dueDate"), cell: (invoice) => formatDate(invoice.dueDate, i18n.language) },
          {
            key: "amount",
            header: t("home.columns.amount"),
            align: "end",
            cell: (invoice) => formatMoney(invoice.totalInclTaxCents, invoice.currency, i18n.language),
          },
          { key: "status", header: t("home.columns.status"), cell: (invoice) => t(`invoiceStatus.${invoice.paidStatus}`) },
          ...(canFile
            ? [
                {
                  key: "claim",
                  header: <span className="visually-hidden">{t("claims.report")}</span>,
                  cell: (invoice: (typeof invoices)[number]) => (
                    <Link to={`/claims/new?invoice=${encodeURIComponent(invoice.id)}`} aria-label={t("claims.reportOnInvoice", { number: invoice.number })}>
                      {t("claims.report")}
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
