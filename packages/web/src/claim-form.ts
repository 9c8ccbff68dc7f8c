/**
 * Server side of the claim form (ClaimForm of @accord/web/components/ClaimForm), shared by the portal
 * (/claims/new, a customer files) and the back-office (/cases/new, an agent files on behalf of a
 * customer): two steps told apart by `intent` — `preview` ("Vérifier": previewClaim, writes nothing)
 * and `submit` (the page's own `submit`, e.g. submitClaim then a redirect). Files sent without
 * JavaScript are streamed to the store and staged for the actor; with it, only their ids come (from
 * the app's POST /uploads). Every reply re-renders the form: typed values, translated field errors,
 * the staged files, the review.
 */
import type { Actor } from "@accord/auth";
import { previewClaim, type ClaimFormInput, type ClaimPreview, type StaffClaimFormInput } from "@accord/core";
import type { Db } from "@accord/db";
import { data } from "react-router";
import type { $ZodType } from "zod/v4/core";
import { describeError } from "./errors";
import { parseForm } from "./forms";
import type { Translate } from "./i18n";
import { readFormWithUploads, translateRefusals } from "./uploads";

type Values = Record<string, string>;
type Errors = Record<string, string[]>;

export async function claimFormAction<Input extends ClaimFormInput | StaffClaimFormInput>(options: {
  request: Request;
  db: Db;
  actor: Actor;
  t: Translate;
  /** claimSchema (portal) or staffClaimSchema (back-office), the use cases' own schema. */
  schema: $ZodType;
  /** The submit step: files the claim and returns the redirect (thrown errors are shown on the form). */
  submit: (input: Input, now: Date) => Promise<Response>;
}) {
  const { request, db, actor, t, schema } = options;
  const now = new Date();
  const { fields: formData, uploadIds, uploads, refused } = await readFormWithUploads(request, { db, actor, now });
  const intent = formData.get("intent") === "submit" ? "submit" : "preview";
  const values: Values = {};
  for (const [name, value] of formData) if (typeof value === "string" && name !== "uploadIds" && name !== "intent") values[name] = value;
  const reply = (status: number, errors: Errors, preview: ClaimPreview | null = null) =>
    data(
      {
        values,
        errors,
        uploads,
        refused: translateRefusals(refused, t),
        preview: preview ? serializablePreview(preview) : null,
        fileCount: uploadIds.length,
      },
      { status },
    );

  const submission = parseForm(formData, schema, t);
  if (submission.status !== "success") return reply(400, errorsOf(submission.reply().error));
  // A refused file is named with its reason (the others stay staged): nothing is checked or sent without it.
  if (refused.length > 0) return reply(400, { uploadIds: [] });
  // The use cases parse the form's raw values themselves (French decimals, line indices): give them those.
  const input = submission.payload as Input;
  try {
    if (intent === "submit") return await options.submit(input, now);
    return reply(200, {}, await previewClaim({ db, actor, input, now }));
  } catch (error) {
    const failure = describeError(error, t);
    // A line of another company, a contact of another account (a forged id): nothing here for them.
    if (failure.code === "forbidden" || failure.code === "not_found") throw data(null, { status: 404 });
    return reply(failure.status, Object.keys(failure.fieldErrors).length > 0 ? failure.fieldErrors : { form: [failure.message] });
  }
}

function errorsOf(error: Record<string, string[] | null> | null | undefined): Errors {
  const errors: Errors = {};
  for (const [name, messages] of Object.entries(error ?? {})) if (messages && messages.length > 0) errors[name || "form"] = messages;
  return errors;
}

/** Only what the review shows goes to the browser. */
export function serializablePreview(preview: ClaimPreview) {
  return {
    currency: preview.currency,
    amount: preview.amount,
    warnings: preview.warnings,
    duplicates: preview.duplicates,
    lines: preview.lines.map((line) => ({
      invoiceNumber: line.invoiceNumber,
      lineNo: line.lineNo,
      description: line.description,
      unit: line.unit,
      contestedQuantityMilli: line.contestedQuantityMilli,
      contestedUnitPriceCents: line.contestedUnitPriceCents,
      computedCents: line.computedCents,
      claimedCents: line.claimedCents,
      vatCents: line.vatCents,
    })),
  };
}
