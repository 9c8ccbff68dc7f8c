/** Server side of the back-office "open a case on behalf of a customer" page (/cases/new, channel phone). */
import { AppError, listOnBehalfChoices, staffClaimSchema, submitClaim, type StaffClaimFormInput } from "@accord/core";
import { isSecureRequest } from "@accord/auth";
import { env } from "@accord/web/env";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { requireStaff } from "./actor";
import { dbContext } from "./db";
import { describeError, throwAsResponse } from "./errors";
import { flashCookie } from "./flash";
import { parseForm } from "./forms";
import { translator } from "./i18n";

export async function onBehalfLoader(args: LoaderFunctionArgs) {
  const actor = await requireStaff(args, "case:create");
  const accountId = new URL(args.request.url).searchParams.get("accountId");
  try {
    return await listOnBehalfChoices({ db: args.context.get(dbContext), actor, input: { accountId } });
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

export async function onBehalfAction(args: ActionFunctionArgs) {
  const actor = await requireStaff(args, "case:create");
  const db = args.context.get(dbContext);
  const t = translator(args.context);
  const submission = parseForm(await args.request.formData(), staffClaimSchema, t);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    // submitClaim parses the form's raw values itself (French decimals, line indices): give it those.
    const { reference } = await submitClaim({ db, actor, input: submission.payload as StaffClaimFormInput, now: new Date(), portalUrl: `${env().PORTAL_URL}/` });
    return redirect(`/cases/${reference}`, { headers: { "Set-Cookie": flashCookie("casePage.flash.openedOnBehalf", { secure: isSecureRequest(args.request) }) } });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const described = describeError(error, t);
    if (described.code === "not_found" || described.code === "forbidden") throwAsResponse(error, t);
    const hasFieldErrors = Object.keys(described.fieldErrors).length > 0;
    return data(
      { result: submission.reply({ fieldErrors: described.fieldErrors, formErrors: hasFieldErrors ? [t("claim.error.invalid")] : [described.message] }) },
      { status: described.status },
    );
  }
}
