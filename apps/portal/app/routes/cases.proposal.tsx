import { acceptProposal, acceptProposalSchema, counterProposal, counterProposalSchema, declineProposal, declineProposalSchema, reviewAcceptance } from "@accord/core";
import { PageHeader } from "@accord/ui";
import { intent, reviewIntent } from "@accord/web/intents";
import { fileStore } from "@accord/web/uploads";
import { useTranslation } from "react-i18next";
import type { Route } from "./+types/cases.proposal";
import { customerRoute } from "../.server/actor";
import { base, customerAction, type CustomerContext } from "../.server/intents";
import { clientContext } from "../.server/request";
import { loadSettlement } from "../.server/settlement";
import { env } from "../env.server";
import { ProposalPage } from "../settlement/ProposalPage";

/** The proposal page (the e-mail links here): the proposal as offered, and the customer's three answers. */
export async function loader(args: Route.LoaderArgs) {
  return loadSettlement(await customerRoute(args, "case:read"));
}

const reference = (ctx: CustomerContext) => (ctx.params.reference ?? "").toUpperCase();
const urls = () => ({ portalUrl: env().PORTAL_URL, backofficeUrl: env().BACKOFFICE_URL });

const INTENTS = {
  /** Step 1 of the acceptance: consent and name checked, nothing written; the page asks "Confirmez-vous ?". */
  review: reviewIntent(acceptProposalSchema, async (input, ctx: CustomerContext) => {
    await reviewAcceptance({ ...base(ctx), input });
  }),
  /** Step 2: the signature itself (who, when, from which address and browser, the hash of the text shown). */
  accept: intent(
    acceptProposalSchema,
    (input, ctx: CustomerContext) =>
      acceptProposal({
        ...base(ctx),
        input,
        ...urls(),
        ipAddress: ctx.context.get(clientContext).ip,
        userAgent: ctx.request.headers.get("user-agent"),
        store: fileStore(),
      }),
    (_, ctx) => ({ to: `/cases/${reference(ctx)}/proposal#acceptance`, flash: "cases.flash.proposalAccepted" }),
  ),
  decline: intent(
    declineProposalSchema,
    (input, ctx: CustomerContext) => declineProposal({ ...base(ctx), input, backofficeUrl: env().BACKOFFICE_URL }),
    (_, ctx) => ({ to: `/cases/${reference(ctx)}`, flash: "cases.flash.proposalDeclined" }),
  ),
  counter: intent(
    counterProposalSchema,
    (input, ctx: CustomerContext) => counterProposal({ ...base(ctx), input, backofficeUrl: env().BACKOFFICE_URL }),
    (_, ctx) => ({ to: `/cases/${reference(ctx)}`, flash: "cases.flash.counterProposed" }),
  ),
};

export type ProposalIntent = keyof typeof INTENTS;

export async function action(args: Route.ActionArgs) {
  // The case is the URL's, whatever the form says.
  return customerAction(args, INTENTS, { permission: "case:read", prepare: (formData) => formData.set("reference", args.params.reference ?? "") });
}

export default function CaseProposal({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const s = loaderData;
  return (
    <>
      <PageHeader
        eyebrow={t("settlement.proposal.eyebrow", { reference: s.reference, title: s.title })}
        title={s.current ? t("settlement.proposal.title", { number: s.current.number }) : t("settlement.proposal.titleNone")}
      />
      <ProposalPage settlement={s} actionData={actionData ?? null} />
    </>
  );
}
