/**
 * Server side of the back-office "open a case on behalf of a customer" page (/cases/new, channel phone):
 * the same claim form and steps as the portal (claimFormAction of @accord/web: "Vérifier" then submit,
 * evidence staged by the agent through POST /uploads), with the account and contact staff choose.
 */
import { listOnBehalfChoices, staffClaimSchema, submitClaim, type StaffClaimFormInput } from "@accord/core";
import { isSecureRequest } from "@accord/auth";
import { claimFormAction } from "@accord/web/claim-form";
import { env } from "@accord/web/env";
import { maxUploadBytes } from "@accord/web/uploads";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { requireStaff } from "./actor";
import { dbContext } from "./db";
import { throwAsResponse } from "./errors";
import { flashCookie } from "./flash";
import { translator } from "./i18n";

export async function onBehalfLoader(args: LoaderFunctionArgs) {
  const actor = await requireStaff(args, "case:create");
  const accountId = new URL(args.request.url).searchParams.get("accountId");
  try {
    const choices = await listOnBehalfChoices({ db: args.context.get(dbContext), actor, input: { accountId } });
    return { ...choices, today: new Date().toISOString().slice(0, 10), maxUploadBytes: maxUploadBytes() };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function onBehalfAction(args: ActionFunctionArgs) {
  const actor = await requireStaff(args, "case:create");
  const db = args.context.get(dbContext);
  return claimFormAction<StaffClaimFormInput>({
    request: args.request,
    db,
    actor,
    t: translator(args.context),
    schema: staffClaimSchema,
    submit: async (input, now) => {
      // The agent's staged files become the case's evidence, shared with the customer.
      const { reference } = await submitClaim({ db, actor, input, now, portalUrl: `${env().PORTAL_URL}/` });
      return redirect(`/cases/${reference}`, { headers: { "Set-Cookie": flashCookie("casePage.flash.openedOnBehalf", { secure: isSecureRequest(args.request) }) } });
    },
  });
}
