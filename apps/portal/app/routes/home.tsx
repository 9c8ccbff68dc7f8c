import { getCustomerHome } from "@accord/core";
import { DataTable, EmptyState, formatDate, formatMoney, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/home";
import { requireCustomer } from "../.server/actor";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireCustomer(args);
  try {
    const home = await getCustomerHome({ db: args.context.get(dbContext), actor });
    return {
      company: home.account.name,
      canFile: actor.permissions.includes("case:create"),
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
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { company, invoices, canFile } = loaderData;
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
      <h2 id="invoices">{t("home.invoicesTitle")}</h2>
      <DataTable
        caption={t("home.invoicesCaption", { company })}
        rows={invoices}
        rowKey={(invoice) => invoice.id}
        empty={<EmptyState title={t("home.noInvoices")} />}
        columns={[
          { key: "number", header: t("home.columns.number"), cell: (invoice) => invoice.number },
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
