import type { Submission, SubmissionResult } from "@conform-to/react";
import { zodMessageKeys } from "@accord/core";
import { parseWithZod } from "@conform-to/zod/v4";
import type { $ZodIssue, $ZodType } from "zod/v4/core";
import { describeError, notFound } from "./errors";
import { assertFormWithinLimits } from "./form-limits";
import { translateKey } from "@accord/ui/locales";
import type { Translate } from "./i18n";

function paramsOf(issue: $ZodIssue): Record<string, unknown> {
  // A custom issue carries its message's placeholders itself (e.g. `{ decimals }` for "too_many_decimals").
  const params: Record<string, unknown> = issue.code === "custom" && issue.params ? { ...issue.params } : {};
  if ("maximum" in issue) params.max = Number(issue.maximum);
  if ("minimum" in issue) params.min = Number(issue.minimum);
  return params;
}

/**
 * Server-side validation of a form with the input's schema (from @accord/core, shared with the API).
 * The schemas' messages are catalogue keys: they come back translated, next to their field.
 */
export function parseForm<Schema extends $ZodType>(formData: FormData, schema: Schema, t: Translate) {
  assertFormWithinLimits(formData);
  return parseWithZod(formData, {
    schema,
    // zod's English defaults never reach a user: an issue the schema gave no message gets a catalogue key.
    error: zodMessageKeys,
    formatError: (issues: $ZodIssue[]) => issues.map((issue) => translateKey(t, issue.message, paramsOf(issue))),
  });
}

/** A form's answer after a refusal: the HTTP status and conform's reply (what was typed, the errors). */
export interface FormRefusal {
  status: number;
  result: SubmissionResult<string[]>;
}

/**
 * THE one conversion of a use case's refusal into the form's reply: the field errors beside their
 * fields, otherwise the translated message above the form. `not_found` and `forbidden` throw a 404
 * (a page never reveals that something exists to someone who may not see it); anything that is not an
 * AppError is rethrown (a bug, or a redirect).
 */
export function replyToError(submission: Pick<Submission<unknown>, "reply">, error: unknown, t: Translate, options: { hideFields?: string[] } = {}): FormRefusal {
  const described = describeError(error, t);
  if (described.code === "not_found" || described.code === "forbidden") notFound();
  const hasFieldErrors = Object.keys(described.fieldErrors).length > 0;
  return {
    status: described.status,
    result: submission.reply({ fieldErrors: described.fieldErrors, formErrors: hasFieldErrors ? [] : [described.message], hideFields: options.hideFields }),
  };
}
