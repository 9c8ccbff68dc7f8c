import { isSecureRequest } from "@accord/auth";
import { data, redirect } from "react-router";
import type { $ZodType } from "zod/v4/core";
import { describeError } from "../.server/errors";
import { flashCookie, type FlashKey } from "../.server/flash";
import { parseForm } from "../.server/forms";
import type { Translate } from "../.server/i18n";
import type { FormState } from "./form-state";

/** What the person typed, to show it again next to the errors (several values for a multi-select). */
function valuesOf(formData: FormData): FormState["values"] {
  const values: FormState["values"] = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

/**
 * One administration form: validated with the use case's schema (conform + zod, translated errors
 * per field), parsed once: the use case runs with the schema's output (its own refusals come back
 * next to their fields). Answers 400/409 with the form state, or null when it succeeded.
 * A refused permission or an unknown target is a 404.
 */
export async function submitForm(
  formData: FormData,
  schema: $ZodType,
  t: Translate,
  run: (input: never) => Promise<unknown>,
): Promise<ReturnType<typeof data<{ intent: string; form: FormState }>> | null> {
  const intent = String(formData.get("intent") ?? "");
  const submission = parseForm(formData, schema, t);
  const values = valuesOf(formData);
  if (submission.status !== "success") {
    const errors = { ...(submission.error ?? {}) } as Record<string, string[]>;
    const formErrors = errors[""] ?? [];
    delete errors[""];
    return data({ intent, form: { values, errors, formErrors } }, { status: 400 });
  }
  try {
    await run(submission.value as never);
    return null;
  } catch (error) {
    const failure = describeError(error, t);
    if (failure.code === "forbidden" || failure.code === "not_found") throw data(null, { status: 404 });
    const hasFieldErrors = Object.keys(failure.fieldErrors).length > 0;
    return data({ intent, form: { values, errors: failure.fieldErrors, formErrors: hasFieldErrors ? [] : [failure.message] } }, { status: failure.status });
  }
}

/** Back to a page, with a message for it. */
export function savedRedirect(request: Request, to: string, key: FlashKey = "admin.flash.saved") {
  return redirect(to, { headers: { "Set-Cookie": flashCookie(key, { secure: isSecureRequest(request) }) } });
}
