import { claimableInvoicesQuerySchema, claimSchema, listClaimableInvoices, parseInput, submitClaim, type ClaimFormInput } from "@accord/core";
import { Field, PageHeader } from "@accord/ui";
import { claimFormAction } from "@accord/web/claim-form";
import { ClaimForm } from "@accord/web/components/ClaimForm";
import { SubmitRow } from "@accord/web/components/FormFields";
import { maxUploadBytes } from "@accord/web/uploads";
import { useTranslation } from "react-i18next";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/claims.new";
import { customerRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";
import { env } from "../env.server";

export async function loader(args: Route.LoaderArgs) {
  // A viewer may not file: the page does not exist for them.
  const ctx = await customerRoute(args, "case:create");
  const url = new URL(args.request.url);
  const q = url.searchParams.get("q")?.trim() ?? "";
  const preselected = url.searchParams.getAll("invoice");
  const invoices = await loadOrRespond(ctx, () => listClaimableInvoices({ ...ctx, input: parseInput(claimableInvoicesQuerySchema, { q: q || undefined, invoiceIds: preselected }) }));
  // The form's one-time key: the same post replayed (double click, retry) finds its case instead of filing another.
  return { q, preselected, invoices, today: ctx.now.toISOString().slice(0, 10), maxUploadBytes: maxUploadBytes(), submissionKey: crypto.randomUUID() };
}

/** Two steps, told apart by `intent`: `preview` ("Vérifier", writes nothing) and `submit` (the shared claimFormAction). */
export async function action(args: Route.ActionArgs) {
  const { request, db, actor, t } = await customerRoute(args, "case:create");
  return claimFormAction<ClaimFormInput>({
    request,
    db,
    actor,
    t,
    schema: claimSchema,
    submit: async (input, now) => {
      const { reference } = await submitClaim({ db, actor, input, now, portalUrl: env().PORTAL_URL });
      return redirect(`/cases/${encodeURIComponent(reference)}/submitted`);
    },
  });
}

export default function NewClaim({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { invoices, q, preselected, today, maxUploadBytes, submissionKey } = loaderData;
  return (
    <>
      <PageHeader eyebrow={t("claims.new.eyebrow")} title={t("claims.new.title")} description={t("claims.new.description")} />
      <ClaimForm
        invoices={invoices}
        preselected={preselected}
        today={today}
        maxUploadBytes={maxUploadBytes}
        submissionKey={submissionKey}
        result={actionData}
        aboveForm={
          <section aria-labelledby="invoice-search-title" className="card">
            <h2 id="invoice-search-title">{t("claims.new.invoices.legend")}</h2>
            <Form method="get" className="form" role="search">
              {preselected.map((id) => (
                <input key={id} type="hidden" name="invoice" value={id} />
              ))}
              <Field name="q" id="invoice-search" label={t("claims.new.invoices.search")} defaultValue={q} type="search" />
              <SubmitRow label={t("claims.new.invoices.searchSubmit")} variant="secondary">
                {q ? <Link to="/claims/new">{t("claims.new.invoices.searchReset")}</Link> : null}
              </SubmitRow>
            </Form>
          </section>
        }
      />
    </>
  );
}
