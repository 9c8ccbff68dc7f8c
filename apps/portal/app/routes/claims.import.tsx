import { importClaims, listImports } from "@accord/core";
import { PageHeader } from "@accord/ui";
import { handleImportForm } from "@accord/web/csv-import";
import { ImportForm, ImportHistory, ImportReportView } from "@accord/web/components/CsvImport";
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import type { Route } from "./+types/claims.import";
import { customerRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";
import { env } from "../env.server";

/** « Importer des réclamations » (ADR 0037): `case:create`; `?import=<id>` shows that import's report. */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args, "case:create");
  const importId = new URL(args.request.url).searchParams.get("import") ?? undefined;
  return loadOrRespond(ctx, () => listImports({ ...ctx, input: { importId } }));
}

export async function action(args: Route.ActionArgs) {
  const ctx = await customerRoute(args, "case:create");
  const result = await handleImportForm(args.request, {
    t: ctx.t,
    pagePath: "/claims/import",
    importFile: (input, translate) => importClaims({ ...ctx, input, portalUrl: env().PORTAL_URL, translate }),
  });
  return result instanceof Response ? result : data(result, { status: 400 });
}

export default function ImportClaims({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { imports, selected } = loaderData;
  return (
    <>
      <PageHeader eyebrow={t("claimImport.eyebrow")} title={t("claimImport.title")} description={t("claimImport.description")} />
      {selected ? (
        <ImportReportView
          record={selected}
          summary={
            <>
              <p>{t("claimImport.created", { count: selected.summary.created + selected.summary.unchanged })}</p>
              <ul>
                {selected.summary.references.map((reference) => (
                  <li key={reference}>
                    <Link to={`/cases/${reference}`}>{reference}</Link>
                  </li>
                ))}
              </ul>
            </>
          }
        />
      ) : null}
      <section aria-labelledby="import-form-heading" className="card">
        <h2 id="import-form-heading">{t("claimImport.formTitle")}</h2>
        <p>{t("claimImport.howTo")}</p>
        <ImportForm action="/claims/import" templateHref="/claims/import/template.csv" errors={actionData?.fieldErrors.file} />
      </section>
      <ImportHistory imports={imports} href={(id) => `/claims/import?import=${id}#report`} />
    </>
  );
}
