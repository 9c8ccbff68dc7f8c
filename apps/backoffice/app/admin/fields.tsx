/**
 * The administration's fields, read from the conform form they stand in (`<IntentForm>` provides it):
 * each shows the value the form starts from — the page's defaults, or what was typed when the server
 * refused the form — and its translated errors beside it. No client JavaScript is needed.
 */
import { CASE_TYPES } from "@accord/domain";
import { ChoiceGroup, Field, SelectField as UiSelectField, TextareaField } from "@accord/ui";
import { useField } from "@conform-to/react";
import type { T } from "./page";

/** The value a field starts from and its errors, from the enclosing form. */
function useAdminField(name: string) {
  const [meta] = useField<unknown>(name);
  return { initial: meta.initialValue as unknown, errors: meta.errors ?? [] };
}

const asText = (value: unknown) => (typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : "");
const asList = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" && value !== "" ? [value] : []);

type Option = { value: string; label: string };

export function TextField({
  name,
  ...props
}: { name: string; label: string; hint?: string; type?: string; required?: boolean; id?: string; autoComplete?: string; inputMode?: "decimal" | "numeric" | "text" }) {
  const { initial, errors } = useAdminField(name);
  return <Field name={name} defaultValue={asText(initial)} errors={errors} {...props} />;
}

export function SelectField({ name, ...props }: { name: string; label: string; options: Option[]; hint?: string; id?: string }) {
  const { initial, errors } = useAdminField(name);
  return <UiSelectField name={name} defaultValue={asText(initial)} errors={errors} {...props} />;
}

export function TextAreaField({ name, rows = 6, ...props }: { name: string; label: string; hint?: string; rows?: number }) {
  const { initial, errors } = useAdminField(name);
  return <TextareaField name={name} rows={rows} defaultValue={asText(initial)} errors={errors} {...props} />;
}

export function ErrorText({ id, errors }: { id: string; errors: readonly string[] }) {
  return errors.length ? (
    <p className="field__error" id={id}>
      {errors.join(" ")}
    </p>
  ) : null;
}

/** One checkbox (checked when the form's value is "on", as a browser posts it). */
export function CheckboxField({ name, label }: { name: string; label: string }) {
  const { initial, errors } = useAdminField(name);
  const inputId = `field-${name}`;
  return (
    <div className={errors.length ? "field field--invalid choice" : "field choice"}>
      <input type="checkbox" id={inputId} name={name} defaultChecked={asText(initial) === "on"} aria-describedby={errors.length ? `${inputId}-error` : undefined} />{" "}
      <label htmlFor={inputId}>{label}</label>
      <ErrorText id={`${inputId}-error`} errors={errors} />
    </div>
  );
}

/** Several choices of one field (roles, teams): checkboxes in a fieldset, the error under the legend's group. */
export function CheckboxGroup({ name, legend, options, empty }: { name: string; legend: string; options: Option[]; empty?: string }) {
  const { initial, errors } = useAdminField(name);
  return <ChoiceGroup type="checkbox" name={name} legend={legend} options={options} defaultValues={asList(initial)} empty={empty} errors={errors} />;
}

/** A file input with its hint and the error the server gave it (the logo). */
export function FileField({ name, label, hint, accept }: { name: string; label: string; hint: string; accept: string }) {
  const { errors } = useAdminField(name);
  const inputId = `field-${name}`;
  return (
    <div className={errors.length ? "field field--invalid" : "field"}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <p className="field__hint" id={`${inputId}-hint`}>
        {hint}
      </p>
      <input
        type="file"
        id={inputId}
        name={name}
        accept={accept}
        aria-describedby={errors.length ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
        aria-invalid={errors.length ? true : undefined}
      />
      <ErrorText id={`${inputId}-error`} errors={errors} />
    </div>
  );
}

/** The case types to choose from, "any" first (a template or a policy for every type). */
export function caseTypeOptions(t: T): Option[] {
  return [{ value: "", label: t("admin.any") }, ...CASE_TYPES.map((type) => ({ value: type, label: t(`caseType.${type}`) }))];
}
