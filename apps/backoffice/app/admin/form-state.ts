/** A refused form as the page shows it again: the typed values, translated errors per field, errors of the whole form. */
export interface FormState {
  values: Record<string, string | string[]>;
  errors: Record<string, string[]>;
  formErrors: string[];
}
