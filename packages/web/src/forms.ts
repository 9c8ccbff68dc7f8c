import { parseWithZod } from "@conform-to/zod/v4";
import type { $ZodIssue, $ZodType } from "zod/v4/core";
import type { Translate } from "./i18n";

function paramsOf(issue: $ZodIssue): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if ("maximum" in issue) params.max = Number(issue.maximum);
  if ("minimum" in issue) params.min = Number(issue.minimum);
  return params;
}

/**
 * Server-side validation of a form with the input's schema (from @accord/core, shared with the API).
 * The schemas' messages are catalogue keys: they come back translated, next to their field.
 */
export function parseForm<Schema extends $ZodType>(formData: FormData, schema: Schema, t: Translate) {
  return parseWithZod(formData, {
    schema,
    formatError: (issues: $ZodIssue[]) => issues.map((issue) => t(issue.message, paramsOf(issue))),
  });
}
