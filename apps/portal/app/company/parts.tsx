/** What the company page's parts share: its roles, the reply of its last refused form, the form of one intent, a row's button form. */
import type { IntentReply } from "@accord/web/intents";
import { Button } from "@accord/ui";
import { IntentForm, useIntentForm } from "@accord/web/components/IntentForm";
import { useRef } from "react";
import type { CompanyIntent } from "../routes/company";

export const ROLES = ["admin", "member", "viewer"] as const;

export type CompanyReply = IntentReply<CompanyIntent> | null;

/** conform's form of one of the page's intents (`key`: the row it belongs to). */
export function useCompanyForm<Shape extends Record<string, unknown> = Record<string, unknown>>(intent: CompanyIntent, actionData: CompanyReply, key?: string) {
  return useIntentForm<Shape, CompanyIntent>(intent, actionData, key === undefined ? {} : { key });
}

/**
 * A number that changes with every new reply of the page: an uncontrolled control keyed with it is
 * drawn again with its server value after each refusal (the select of a refused role change shows the
 * role the user keeps, not the refused one).
 */
export function useReplyCount(actionData: CompanyReply): number {
  const last = useRef({ reply: actionData, count: 0 });
  if (last.current.reply !== actionData) last.current = { reply: actionData, count: last.current.count + 1 };
  return last.current.count;
}

/** A one-button form of a table's row (reactivate a user, withdraw an invitation): what it acts on, and its label. */
export function RowButtonForm({ intent, target, label, ariaLabel, actionData }: { intent: CompanyIntent; target: { name: "userId" | "email"; value: string }; label: string; ariaLabel: string; actionData: CompanyReply }) {
  const [form] = useCompanyForm(intent, actionData, target.value);
  // The form's own message shows above the button; a refusal aimed at the hidden field shows under it.
  const fieldErrors = Object.entries(form.allErrors).flatMap(([name, errors]) => (name === "" ? [] : errors));
  return (
    <IntentForm form={form} className="inline-form">
      <input type="hidden" name={target.name} value={target.value} />
      <Button type="submit" variant="secondary" aria-label={ariaLabel}>
        {label}
      </Button>
      {fieldErrors.length ? <p className="field__error">{fieldErrors.join(" ")}</p> : null}
    </IntentForm>
  );
}
