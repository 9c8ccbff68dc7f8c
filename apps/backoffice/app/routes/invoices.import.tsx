import { importInvoices, importPayments, listImports } from "@accord/core";
import { PageHeader } from "@accord/ui";
import { handleImportForm } from "@accord/web/csv-import";
import { ImportForm, ImportHistory, ImportReportView, type ImportView } from "@accord/web/components/CsvImport";
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import type { Route } from "./+types/invoices.import";
import { staffRoute } from "../.server/actor";
import { loadOrRespond, notFound } from "../.server/errors";

const KINDS = ["invoices", "payments"] as const;
type Kind = (typeof KINDS)[number];
const kindOf = (request: Request): Kind | null => {
  const kind = new URL(request.url).searchParams.get("kind");
  return KINDS.includes(kind as Kind) ? (kind as Kind) : null;
};

/**
 * « Imports ERP » (ADR 0037): finance and admin (`invoice:import`) import invoices with their lines,
 * then payments; `?import=<id>` shows one import's report.
 */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "invoice:import");
  const params = new URL(args.request.url).searchParams;
  return loadOrRespond(ctx, () => listImports({ ...ctx, input: { importId: params.get("import") ?? undefined } }));
}

export async function action(args: Route.ActionArgs) {
  const ctx = await staffRoute(args, "invoice:import");
  const kind = kindOf(args.request);
  if (!kind) notFound();
  const result = await handleImportForm(args.request, {
    t: ctx.t,
    pagePath: "/invoices/import",
    importFile: (input, translate) => (kind === "invoices" ? importInvoices({ ...ctx, input, translate }) : importPayments({ ...ctx, input, translate })),
  });
  return result instanceof Response ? result : data({ kind, ...result }, { status: 400 });
}

function Summary({ record }: { record: ImportView & { kind: string } }) {
  const { t } = useTranslation();
  const { created, updated, unchanged, references } = record.summary;
  return (
    <>
      <p>
        {record.kind === "payments"
          ? t("erpImport.paymentsSummary", { created, invoices: updated, unchanged })
          : t("erpImport.invoicesSummary", { created, updated })}
      </p>
      {references.length > 0 ? (
        <p>
          {references.slice(0, 50).join(", ")}
          {references.length > 50 ? " …" : ""}
        </p>
      ) : null}
      <p>
        <Link to="/invoices?filter=all">{t("erpImport.seeInvoices")}</Link>
      </p>
    </>
  );
}

export default function ErpImports({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { imports, selected } = loaderData;
  return (
    <>
      <PageHeader eyebrow={t("receivables.nav")} title={t("erpImport.title")} description={t("erpImport.description")} />
      {selected ? <ImportReportView record={selected} summary={<Summary record={selected} />} /> : null}
      <section aria-labelledby="invoices-import-heading" className="card">
        <h2 id="invoices-import-heading">{t("erpImport.invoicesTitle")}</h2>
        <p>{t("erpImport.invoicesHowTo")}</p>
        <ImportForm
          action="/invoices/import?kind=invoices"
          templateHref="/invoices/import/template.csv?kind=invoices"
          label={t("erpImport.invoicesFile")}
          errors={actionData?.kind === "invoices" ? actionData.fieldErrors.file : undefined}
          id="invoices"
        />
      </section>
      <section aria-labelledby="payments-import-heading" className="card">
        <h2 id="payments-import-heading">{t("erpImport.paymentsTitle")}</h2>
        <p>{t("erpImport.paymentsHowTo")}</p>
        <ImportForm
          action="/invoices/import?kind=payments"
          templateHref="/invoices/import/template.csv?kind=payments"
          label={t("erpImport.paymentsFile")}
          errors={actionData?.kind === "payments" ? actionData.fieldErrors.file : undefined}
          id="payments"
        />
      </section>
      <ImportHistory imports={imports} href={(id) => `/invoices/import?import=${id}#report`} />
    </>
  );
}
