/**
 * "Proposer une solution": the suggestion's reasoning (line by line, similar cases, basis) and the
 * proposal form prefilled with it (or with the customer's counter-proposal waiting). One intent.
 */
import { centsAsEuros, createProposal, createProposalSchema, getProposalSuggestion, type CreateProposalInput } from "@accord/core";
import { PROPOSAL_KINDS } from "@accord/domain";
import { Alert, Field, formatMoney, PageHeader } from "@accord/ui";
import { IntentForm, useIntentForm } from "@accord/web/components/IntentForm";
import { env } from "@accord/web/env";
import { intent, runIntent, type IntentContext } from "@accord/web/intents";
import type { StaffActor } from "@accord/auth";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/cases.$reference.propose";
import { bind, SelectField, SubmitRow, TextareaField } from "../case-page/fields";
import { staffRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";
import { languageOf } from "../.server/i18n";
import { SuggestionReasoning } from "../settlement/SuggestionReasoning";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.suggestion.reference} — Accord` : "Accord" }];
}

export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "proposal:create");
  const suggestion = await loadOrRespond(ctx, () => getProposalSuggestion({ ...ctx, input: { reference: args.params.reference } }));
  const language = languageOf(args.context);
  const from = suggestion.counter ?? { kind: suggestion.suggestion.kind, amountCents: suggestion.suggestion.amountCents, id: "" };
  const defaults = { kind: from.kind, amount: centsAsEuros(from.amountCents, language), expiresOn: suggestion.expiresOn, counterOfId: from.id };
  return { suggestion, defaults };
}

type Ctx = IntentContext<StaffActor>;

const INTENTS = {
  propose: intent(
    createProposalSchema,
    (input, ctx: Ctx) => createProposal({ db: ctx.db, actor: ctx.actor, now: ctx.now, input, portalUrl: `${env().PORTAL_URL}/`, backofficeUrl: `${env().BACKOFFICE_URL}/` }),
    (result, ctx) => ({
      to: `/cases/${ctx.params.reference ?? ""}#proposals`,
      flash: result.status === "offered" ? "casePage.flash.proposalOffered" : "casePage.flash.proposalSubmitted",
    }),
  ),
};

export async function action(args: Route.ActionArgs) {
  const ctx: Ctx = await staffRoute(args, "proposal:create");
  const formData = await args.request.formData();
  // The case is the page's: whatever the form says, the reference is the URL's.
  formData.set("reference", args.params.reference);
  return runIntent(INTENTS, ctx, formData);
}

export default function Propose({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { suggestion: s, defaults } = loaderData;
  const money = (cents: number) => formatMoney(cents, s.currency, i18n.language);
  const [form, fields] = useIntentForm<CreateProposalInput, "propose">("propose", actionData);
  const kinds = PROPOSAL_KINDS.map((kind) => ({ value: kind, label: t(`settlement.kinds.${kind}`) }));
  const levels = s.approvals.map((level) => t(`settlement.levels.${level}`)).join(", ");
  return (
    <>
      <p>
        <Link to={`/cases/${s.reference}`}>{t("settlement.propose.cancel")}</Link>
      </p>
      <PageHeader title={t("settlement.propose.title")} description={t("settlement.propose.description", { reference: s.reference, disputed: money(s.disputedCents) })} />
      {!s.allowed ? <Alert tone="warning">{t("settlement.propose.notAllowed")}</Alert> : null}
      <SuggestionReasoning suggestion={s} />
      {s.counter ? (
        <section className="card stack" aria-labelledby="counter-title">
          <h2 id="counter-title">{t("settlement.propose.counterTitle")}</h2>
          <p>{t("settlement.propose.counter", { number: s.counter.number, kind: t(`settlement.kinds.${s.counter.kind}`), amount: money(s.counter.amountCents) })}</p>
          {s.counter.comment ? <p style={{ whiteSpace: "pre-wrap" }}>{s.counter.comment}</p> : null}
          <p className="muted">{t("settlement.propose.counterPrefilled")}</p>
        </section>
      ) : null}
      {s.allowed ? (
        <section className="card stack" aria-labelledby="proposal-form-title">
          <h2 id="proposal-form-title">{t("settlement.propose.form")}</h2>
          <IntentForm form={form}>
            <input type="hidden" name="counterOfId" value={defaults.counterOfId} />
            <SelectField id="proposal-kind" label={t("settlement.propose.kind")} {...bind(fields.kind, defaults.kind)} options={kinds} />
            <Field id="proposal-amount" label={t("settlement.propose.amount")} hint={t("settlement.propose.amountHint")} inputMode="decimal" {...bind(fields.amount, defaults.amount)} />
            <p className="muted" id="proposal-approvals">
              {s.approvals.length === 0 ? t("settlement.approvalsNeeded.none") : t("settlement.approvalsNeeded.some", { levels })}{" "}
              {t("settlement.approvalsNeeded.thresholds", { supervisor: money(s.thresholds.supervisorAboveCents), finance: money(s.thresholds.financeAboveCents) })}
            </p>
            <TextareaField id="proposal-terms" label={t("settlement.propose.terms")} hint={t("settlement.propose.termsHint")} {...bind(fields.terms)} />
            <Field id="proposal-expires" type="date" label={t("settlement.propose.expiresOn")} hint={t("settlement.propose.expiresOnHint", { days: s.validityBusinessDays })} {...bind(fields.expiresOn, defaults.expiresOn)} />
            <TextareaField id="proposal-concessions-supplier" label={t("settlement.propose.concessionsSupplier")} hint={t("settlement.propose.concessionsHint")} {...bind(fields.concessionsSupplier)} />
            <TextareaField id="proposal-concessions-customer" label={t("settlement.propose.concessionsCustomer")} hint={t("settlement.propose.concessionsHint")} {...bind(fields.concessionsCustomer)} />
            <SubmitRow>{t("settlement.propose.submit")}</SubmitRow>
          </IntentForm>
        </section>
      ) : null}
    </>
  );
}
