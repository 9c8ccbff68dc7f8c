/**
 * Form controls of the case page: choice groups and form errors beside @accord/ui's fields, with the
 * same markup and accessibility (label, hint, error linked by aria-describedby, aria-invalid), and what
 * every form of the page repeats: a field bound to conform's state, the submit row, the file uploader.
 */
import { Alert, Button, EvidenceUploader, uploaderLimits, type ButtonProps } from "@accord/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CaseActionData, CaseIntent } from "../.server/case-page";

// The select and the textarea are @accord/ui's (same markup as its Field).
export { ChoiceGroup, SelectField, TextareaField } from "@accord/ui";

/** The errors of a whole form (a refusal from the domain, a conflict), above its fields. */
export function FormErrors({ id, errors }: { id: string; errors: readonly string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <Alert tone="error" id={id}>
      {errors.join(" ")}
    </Alert>
  );
}

/** The initial value conform kept for a field after a refused submission. */
export function initial(value: unknown, fallback = ""): string {
  return typeof value === "string" ? value : fallback;
}

/** What a control needs of conform's field state. */
export interface FieldState {
  name: string;
  initialValue?: unknown;
  errors?: string[] | undefined;
}

/** A field's name, the value kept after a refused submission (else `fallback`) and its errors, to spread on a control. */
export function bind(field: FieldState, fallback = "") {
  return { name: field.name, defaultValue: initial(field.initialValue, fallback), errors: field.errors };
}

/** The submit button under a form's fields. */
export function SubmitRow({ variant = "primary", children }: { variant?: ButtonProps["variant"]; children: ReactNode }) {
  return (
    <div className="form__actions">
      <Button type="submit" variant={variant}>
        {children}
      </Button>
    </div>
  );
}

/** The files of a form that takes attachments; after a refusal, the files its submission had staged show again. */
export function CaseUploader({ id, label, intent, actionData, maxUploadBytes, errors }: { id: string; label: string; intent: CaseIntent; actionData: CaseActionData | null; maxUploadBytes: number; errors: string[] | undefined }) {
  const { t, i18n } = useTranslation();
  const last = actionData?.intent === intent ? actionData : null;
  return (
    <EvidenceUploader
      id={id}
      label={label}
      language={i18n.language}
      {...uploaderLimits(t, maxUploadBytes)}
      initialUploads={last?.uploads ?? null}
      initialRefused={last?.refused ?? null}
      errors={errors}
    />
  );
}
