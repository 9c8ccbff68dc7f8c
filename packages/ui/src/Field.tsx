import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

interface FieldBase {
  /** The control's id; defaults to `field-<name>`. */
  id?: string | undefined;
  name: string;
  label: ReactNode;
  /** Help shown under the label, linked with aria-describedby. */
  hint?: ReactNode;
  /** Already translated messages; the first ones are shown next to the field. */
  errors?: readonly string[] | null | undefined;
}

export interface FieldProps extends FieldBase, Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "children"> {}

export interface SelectFieldProps extends FieldBase, Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "children"> {
  options: readonly { value: string; label: string }[];
}

export interface TextareaFieldProps extends FieldBase, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "children"> {}

/** What every control's frame needs: its id, the hint's and error's ids, and its ARIA attributes. */
function frameOf({ id, name, hint, errors }: Omit<FieldBase, "label">) {
  const controlId = id ?? `field-${name}`;
  const invalid = Boolean(errors && errors.length > 0);
  const describedBy = [hint ? `${controlId}-hint` : null, invalid ? `${controlId}-error` : null].filter(Boolean).join(" ") || undefined;
  return { controlId, invalid, aria: { "aria-invalid": invalid ? true : undefined, "aria-describedby": describedBy } };
}

/** Label, hint, the control, and the errors under it: the one markup of every field. */
function FieldFrame({ controlId, invalid, label, hint, errors, className, children }: { controlId: string; invalid: boolean; label: ReactNode; hint: ReactNode; errors: readonly string[] | null | undefined; className?: string | undefined; children: ReactNode }) {
  return (
    <div className={["field", invalid ? "field--invalid" : null, className].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={controlId}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${controlId}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={`${controlId}-error`} errors={errors} />
    </div>
  );
}

/** The errors under a control (none: nothing), the element its aria-describedby names. */
export function FieldError({ id, errors }: { id: string; errors: readonly string[] | null | undefined }) {
  if (!errors?.length) return null;
  return (
    <p className="field__error" id={id}>
      {errors.join(" ")}
    </p>
  );
}

/** A labelled input with its hint and errors next to it (aria-invalid, aria-describedby). */
export function Field({ id, name, label, hint, errors, className, ...input }: FieldProps) {
  const { controlId, invalid, aria } = frameOf({ id, name, hint, errors });
  return (
    <FieldFrame controlId={controlId} invalid={invalid} label={label} hint={hint} errors={errors} className={className}>
      <input {...input} id={controlId} name={name} className="field__input" {...aria} />
    </FieldFrame>
  );
}

/** A labelled select (its options given as value/label pairs), same markup as `Field`. */
export function SelectField({ id, name, label, hint, errors, className, options, ...select }: SelectFieldProps) {
  const { controlId, invalid, aria } = frameOf({ id, name, hint, errors });
  return (
    <FieldFrame controlId={controlId} invalid={invalid} label={label} hint={hint} errors={errors} className={className}>
      <select {...select} id={controlId} name={name} className="field__input" {...aria}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A labelled textarea (4 rows unless told), same markup as `Field`. */
export function TextareaField({ id, name, label, hint, errors, className, rows = 4, ...textarea }: TextareaFieldProps) {
  const { controlId, invalid, aria } = frameOf({ id, name, hint, errors });
  return (
    <FieldFrame controlId={controlId} invalid={invalid} label={label} hint={hint} errors={errors} className={className}>
      <textarea {...textarea} rows={rows} id={controlId} name={name} className="field__input" {...aria} />
    </FieldFrame>
  );
}

export interface ChoiceGroupProps {
  /** The group's id (the error's id derives from it); defaults to `field-<name>`. */
  id?: string | undefined;
  name: string;
  legend: ReactNode;
  /** The legend is read by screen readers only (the question is already written above). */
  legendHidden?: boolean;
  /** Checkboxes (several choices) or radios (one). */
  type: "checkbox" | "radio";
  options: readonly { value: string; label: ReactNode }[];
  /** The values checked at first. */
  defaultValues?: readonly string[];
  /** Shown instead of the choices when there is none to make. */
  empty?: ReactNode;
  errors?: readonly string[] | null | undefined;
}

/** Checkboxes or radios under one legend, each with its label, and the group's errors under them: the one choice group of both apps. */
export function ChoiceGroup({ id, name, legend, legendHidden = false, type, options, defaultValues = [], empty, errors }: ChoiceGroupProps) {
  const groupId = id ?? `field-${name.replace(/[^a-zA-Z0-9_-]+/g, "-")}`;
  const invalid = Boolean(errors && errors.length > 0);
  return (
    <fieldset className={["field", invalid ? "field--invalid" : null].filter(Boolean).join(" ")} aria-describedby={invalid ? `${groupId}-error` : undefined}>
      <legend className={legendHidden ? "visually-hidden" : "field__label"}>{legend}</legend>
      {options.length === 0 && empty ? <p className="muted">{empty}</p> : null}
      {options.map((option) => (
        <div key={option.value} className="choice">
          <input
            type={type}
            id={`${groupId}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={defaultValues.includes(option.value)}
            aria-invalid={invalid ? true : undefined}
          />{" "}
          <label htmlFor={`${groupId}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      <FieldError id={`${groupId}-error`} errors={errors} />
    </fieldset>
  );
}
