import { Alert, ChoiceGroup, Field, SelectField as UiSelectField, TextareaField } from "@accord/ui";
import { createContext, useContext, type ReactNode } from "react";
import { Form } from "react-router";
import type { FormState } from "./form-state";

/**
 * Administration forms without client JavaScript: plain posts, and when the server refuses, the
 * page shows what was typed with the translated error next to each field (FormState).
 */
const FormStateContext = createContext<FormState | null>(null);

function useField(name: string, defaultValue: string | string[] | undefined) {
  const state = useContext(FormStateContext);
  const value = state ? (state.values[name] ?? (Array.isArray(defaultValue) ? [] : "")) : defaultValue;
  return { value, errors: state?.errors[name] ?? [] };
}

const asText = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));
const asList = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

export function AdminForm({
  intent,
  state,
  children,
  id,
  className = "form",
  encType,
}: {
  intent: string;
  state: FormState | null | undefined;
  children: ReactNode;
  id?: string;
  className?: string;
  /** "multipart/form-data" for a form that sends a file. */
  encType?: "multipart/form-data";
}) {
  return (
    <FormStateContext.Provider value={state ?? null}>
      {state?.formErrors.length ? <Alert tone="error">{state.formErrors.join(" ")}</Alert> : null}
      <Form method="post" className={className} id={id} encType={encType} noValidate>
        <input type="hidden" name="intent" value={intent} />
        {children}
      </Form>
    </FormStateContext.Provider>
  );
}

/** The state of the form whose intent was submitted. */
export function stateFor(actionData: unknown, intent: string): FormState | null {
  const answer = actionData as { intent?: string; form?: FormState } | undefined;
  return answer?.intent === intent && answer.form ? answer.form : null;
}

type InputProps = { name: string; label: string; hint?: string; defaultValue?: string; type?: string; required?: boolean; id?: string; autoComplete?: string; inputMode?: "decimal" | "numeric" | "text" };

export function TextField({ name, defaultValue, ...props }: InputProps) {
  const { value, errors } = useField(name, defaultValue);
  return <Field name={name} defaultValue={asText(value)} errors={errors} {...props} />;
}

export function ErrorText({ id, errors }: { id: string; errors: readonly string[] }) {
  return errors.length ? (
    <p className="field__error" id={id}>
      {errors.join(" ")}
    </p>
  ) : null;
}

export function SelectField({ name, label, options, defaultValue, hint, id }: { name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string; hint?: string; id?: string }) {
  const { value, errors } = useField(name, defaultValue);
  return <UiSelectField id={id} name={name} label={label} hint={hint} options={options} defaultValue={asText(value)} errors={errors} />;
}

export function TextAreaField({ name, label, defaultValue, hint, rows = 6 }: { name: string; label: string; defaultValue?: string; hint?: string; rows?: number }) {
  const { value, errors } = useField(name, defaultValue);
  return <TextareaField name={name} label={label} hint={hint} rows={rows} defaultValue={asText(value)} errors={errors} />;
}

export function CheckboxField({ name, label, defaultChecked = false }: { name: string; label: string; defaultChecked?: boolean }) {
  const state = useContext(FormStateContext);
  const checked = state ? asText(state.values[name]) === "on" : defaultChecked;
  const errors = state?.errors[name] ?? [];
  const inputId = `field-${name}`;
  return (
    <div className={errors.length ? "field field--invalid choice" : "field choice"}>
      <input type="checkbox" id={inputId} name={name} defaultChecked={checked} aria-describedby={errors.length ? `${inputId}-error` : undefined} />{" "}
      <label htmlFor={inputId}>{label}</label>
      <ErrorText id={`${inputId}-error`} errors={errors} />
    </div>
  );
}

/** Several choices of one field (roles, teams): checkboxes in a fieldset, the error under the legend's group. */
export function CheckboxGroup({ name, legend, options, defaultValue = [], empty }: { name: string; legend: string; options: { value: string; label: string }[]; defaultValue?: string[]; empty?: string }) {
  const { value, errors } = useField(name, defaultValue);
  return <ChoiceGroup type="checkbox" name={name} legend={legend} options={options} defaultValues={asList(value)} empty={empty} errors={errors} />;
}
