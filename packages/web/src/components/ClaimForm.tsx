/**
 * The claim form's body, shared by the portal (a customer files, /claims/new) and the back-office (an
 * agent files on behalf of a customer who calls, /cases/new): the type and its own fields, subject and
 * description, the invoice lines with contested quantity or fair unit price (and a live estimate), the
 * claimed amount, the desired outcome, the evidence files (EvidenceUploader posting to `uploadUrl`),
 * then the check step ("Vérifier", `intent=preview`: amounts, admissibility warnings, possible
 * duplicates, never blocking) and the submit button (`intent=submit`) under the review.
 *
 * Strings: `claims.new.*` of the shared catalogue (@accord/ui locales); a page may reword the few that
 * address the filer (`labels`). The server side of both pages is `claimFormAction` of @accord/web/claim-form,
 * whose reply (`result`) this form re-renders: typed values, translated field errors, staged files, review.
 * The app's own fields (the back-office's contact) go in `children`, at the top of the form.
 * Its parts are in `./claim-form/`.
 */
import { Alert, Button } from "@accord/ui";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import type { MessageKey } from "../i18n";
import { ClaimTypeAndDetails } from "./claim-form/TypeAndDetails";
import { estimateDisputedCents } from "./claim-form/estimate";
import { InvoiceLines } from "./claim-form/InvoiceLines";
import { ClaimEvidence, ClaimOutcome } from "./claim-form/OutcomeAndEvidence";
import { Review } from "./claim-form/Review";
import { claimRows, type ClaimFormInvoice, type ClaimFormLabel, type ClaimFormResult, type ClaimFormState } from "./claim-form/types";

export type { ClaimFormInvoice, ClaimFormLabel, ClaimFormResult, ClaimFormReview } from "./claim-form/types";

const DEFAULT_KEYS: Record<ClaimFormLabel, MessageKey> = {
  errorSummary: "claims.new.errorSummary",
  check: "claims.new.check",
  submit: "claims.new.submit",
  reviewTitle: "claims.new.review.title",
  reviewIntro: "claims.new.review.intro",
  warningsIntro: "claims.new.review.warningsIntro",
  duplicatesIntro: "claims.new.review.duplicatesIntro",
};

export interface ClaimFormProps {
  invoices: readonly ClaimFormInvoice[];
  /** Invoices opened at first (chosen from an invoice page). */
  preselected?: readonly string[];
  /** Today (YYYY-MM-DD): the latest date of receipt. */
  today: string;
  /** Largest file accepted, in bytes (UPLOAD_MAX_BYTES): the hint, and a larger file is refused before it is sent. */
  maxUploadBytes: number;
  /** The form's one-time key, drawn by the page's loader: a replayed post finds the case it filed. */
  submissionKey: string;
  /** The action's last reply (actionData), if any. */
  result?: ClaimFormResult | null;
  /** Where the uploader posts each file (the app's POST /uploads). */
  uploadUrl?: string;
  /** Translated strings replacing the customer's wording (e.g. the agent's). */
  labels?: Partial<Record<ClaimFormLabel, string>>;
  /** Rendered between the error summary and the form (e.g. the portal's invoice search). */
  aboveForm?: ReactNode;
  /** The page's own fields, at the top of the form. */
  children?: ReactNode;
}

export function ClaimForm({ invoices, preselected = [], today, maxUploadBytes, submissionKey, result, uploadUrl = "/uploads", labels, aboveForm, children }: ClaimFormProps) {
  const { t } = useTranslation();
  const state: ClaimFormState = { values: result?.values ?? {}, errors: result?.errors ?? {} };
  const preview = result?.preview ?? null;
  const busy = useNavigation().state === "submitting";
  const label = (name: ClaimFormLabel): string => labels?.[name] ?? t(DEFAULT_KEYS[name]);

  const errorSummary = useRef<HTMLDivElement>(null);
  const review = useRef<HTMLHeadingElement>(null);
  const hasErrors = Object.keys(state.errors).length > 0;
  useEffect(() => {
    if (hasErrors) errorSummary.current?.focus();
    else if (preview) review.current?.focus();
  }, [result, hasErrors, preview]);

  const rows = claimRows(invoices);
  const [estimate, setEstimate] = useState<number | null>(null);
  const updateEstimate = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    setEstimate(estimateDisputedCents(rows, (name) => form.get(name)?.toString(), invoices[0]?.currency ?? "EUR"));
  };

  return (
    <>
      {hasErrors ? (
        <div ref={errorSummary} tabIndex={-1}>
          <Alert tone="error" title={label("errorSummary")}>
            {state.errors.form ? state.errors.form.join(" ") : null}
          </Alert>
        </div>
      ) : null}

      {aboveForm}

      <Form method="post" encType="multipart/form-data" className="form" noValidate onInput={updateEstimate} aria-busy={busy || undefined}>
        {/* Kept across "Vérifier" and refusals (the posted key comes back in the values): one form, one claim. */}
        <input type="hidden" name="submissionKey" value={state.values.submissionKey ?? submissionKey} />
        {children}
        <ClaimTypeAndDetails state={state} today={today} />
        <InvoiceLines state={state} invoices={invoices} rows={rows} preselected={preselected} estimate={estimate} />
        <ClaimOutcome state={state} />
        <ClaimEvidence state={state} maxUploadBytes={maxUploadBytes} uploadUrl={uploadUrl} uploads={result?.uploads} refused={result?.refused} />

        <div className="form__actions">
          <Button type="submit" name="intent" value="preview" variant={preview ? "secondary" : "primary"} disabled={busy}>
            {label("check")}
          </Button>
        </div>

        {preview ? <Review preview={preview} values={state.values} fileCount={result?.fileCount ?? 0} busy={busy} label={label} headingRef={review} /> : null}
      </Form>
    </>
  );
}
