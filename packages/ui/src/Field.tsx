import type { InputHTMLAttributes, ReactNode } from "react";

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "children"> {
  /** The input's id; defaults to `field-<name>`. */
  id?: string;
  name: string;
  label: ReactNode;
  /** Help shown under the label, linked with aria-describedby. */
  hint?: ReactNode;
  /** Already translated messages; the first ones are shown next to the field. */
  errors?: readonly string[] | null | undefined;
}

/** A labelled input with its hint and errors next to it (aria-invalid, aria-describedby). */
export function Field({ id, name, label, hint, errors, className, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy = [hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={["field", hasErrors ? "field--invalid" : null, className].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        {...input}
        id={inputId}
        name={name}
        className="field__input"
        aria-invalid={hasErrors ? true : undefined}
        aria-describedby={describedBy}
      />
      {hasErrors ? (
        <p className="field__error" id={errorId}>
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
