/**
 * Form controls of the case page: choice groups and form errors beside @accord/ui's fields, with the
 * same markup and accessibility (label, hint, error linked by aria-describedby, aria-invalid).
 */
import { Alert } from "@accord/ui";
import type { ReactNode } from "react";

// The select and the textarea are @accord/ui's (same markup as its Field).
export { SelectField, TextareaField } from "@accord/ui";

/** Checkboxes or radios under one legend. */
export function ChoiceGroup({
  id,
  legend,
  name,
  type,
  options,
  defaultValues = [],
  errors,
}: {
  id: string;
  legend: ReactNode;
  name: string;
  type: "checkbox" | "radio";
  options: { value: string; label: ReactNode }[];
  defaultValues?: readonly string[];
  errors?: readonly string[] | undefined;
}) {
  return (
    <fieldset className={["field", errors?.length ? "field--invalid" : null].filter(Boolean).join(" ")} aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="field__label">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
          <input type={type} name={name} value={option.value} defaultChecked={defaultValues.includes(option.value)} />
          {option.label}
        </label>
      ))}
      {errors?.length ? (
        <p className="field__error" id={`${id}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

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
