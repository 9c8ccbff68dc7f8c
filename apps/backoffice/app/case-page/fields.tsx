/**
 * Form controls of the case page: choice groups and form errors beside @accord/ui's fields, with the
 * same markup and accessibility (label, hint, error linked by aria-describedby, aria-invalid).
 */
import { Alert } from "@accord/ui";

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
