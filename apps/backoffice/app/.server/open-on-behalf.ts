/**
 * Server side of the back-office "open a case on behalf of a customer" page (/cases/new, channel phone):
 * the same claim form and steps as the portal (claimFormAction of @accord/web: "Vérifier" then submit,
 * evidence staged by the agent through POST /uploads), with the account and contact staff choose.
 */
import { listOnBehalfChoices, staffClaimSchema, submitClaim, type StaffClaimFormInput } from "@accord/core";
import { claimFormAction } from "@accord/web/claim-form";
import { env } from "@accord/web/env";
import { redirectWithFlash } from "@accord/web/flash";
import { maxUploadBytes } from "@accord/web/uploads";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "react-router";
import { staffRoute } from "./actor";
import { loadOrRespond } from "./errors";

export async function onBehalfLoader(args: LoaderFunctionArgs) {
  const ctx = await staffRoute(args, "case:create");
  const accountId = new URL(args.request.url).searchParams.get("accountId");
  const choices = await loadOrRespond(ctx, () => listOnBehalfChoices({ ...ctx, input: { accountId } }));
  // The form's one-time key: the same post replayed (double click, retry) finds its case instead of filing another.
  return { ...choices, today: ctx.now.toISOString().slice(0, 10), maxUploadBytes: maxUploadBytes(), submissionKey: crypto.randomUUID() };
}

export async function onBehalfAction(args: ActionFunctionArgs) {
  const { db, actor, t } = await staffRoute(args, "case:create");
  return claimFormAction<StaffClaimFormInput>({
    request: args.request,
    db,
    actor,
    t,
    schema: staffClaimSchema,
    submit: async (input, now) => {
      // The agent's staged files become the case's evidence, shared with the customer.
      const { reference } = await submitClaim({ db, actor, input, now, portalUrl: `${env().PORTAL_URL}/` });
      return redirectWithFlash(args.request, `/cases/${reference}`, "casePage.flash.openedOnBehalf");
    },
  });
}
