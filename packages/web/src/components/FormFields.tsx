/**
 * Fields bound to one conform field (its name, what was typed before a refusal, its errors), the two
 * fields of a new password, the form's submit row and the card of a link that no longer works: the
 * pieces the user forms of both apps repeat (sign-in pages, invitation, profile, company users).
 */
import { Alert, Button, Field, PageHeader, TextareaField, type ButtonProps, type FieldProps, type TextareaFieldProps } from "@accord/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** What a bound field reads of conform's field metadata. */
export interface BoundMeta {
  name: string;
  key?: string | undefined;
  initialValue?: unknown;
  errors?: string[] | undefined;
}

type FieldRest = Omit<FieldProps, "name" | "defaultValue" | "value" | "errors">;

/** The value conform kept for a field after a refused submission, else `fallback`. */
export function initialText(value: unknown, fallback = ""): string {
  return typeof value === "string" ? value : fallback;
}

/** A text field showing again what was typed before a refusal (else `fallback`), with its errors. */
export function BoundField({ field, fallback = "", ...props }: FieldRest & { field: BoundMeta; fallback?: string }) {
  return <Field key={field.key} {...props} name={field.name} defaultValue={initialText(field.initialValue, fallback)} errors={field.errors} />;
}

/** A textarea showing again what was typed before a refusal, with its errors. */
export function BoundTextarea({ field, fallback = "", ...props }: Omit<TextareaFieldProps, "name" | "defaultValue" | "value" | "errors"> & { field: BoundMeta; fallback?: string }) {
  return <TextareaField key={field.key} {...props} name={field.name} defaultValue={initialText(field.initialValue, fallback)} errors={field.errors} />;
}

/** A password field: never filled again after a refusal (the reply does not carry it). */
export function PasswordField({ field, ...props }: FieldRest & { field: BoundMeta }) {
  return <Field type="password" required {...props} name={field.name} errors={field.errors} />;
}

/** A new password and its confirmation, with the policy's minimum length as a hint. */
export function NewPasswordFields({
  password,
  confirm,
  minLength,
  labels,
  ids = {},
}: {
  password: BoundMeta;
  confirm: BoundMeta;
  minLength: number;
  labels: { password: ReactNode; confirm: ReactNode };
  ids?: { password?: string; confirm?: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        field={password}
        id={ids.password}
        label={labels.password}
        hint={t("auth.passwordHint", { min: minLength })}
        autoComplete="new-password"
        minLength={minLength}
      />
      <PasswordField field={confirm} id={ids.confirm} label={labels.confirm} autoComplete="new-password" />
    </>
  );
}

/** The form's submit button, and what goes beside it (a cancel link). */
export function SubmitRow({ label, variant, children }: { label: ReactNode; variant?: ButtonProps["variant"]; children?: ReactNode }) {
  return (
    <div className="form__actions">
      <Button type="submit" variant={variant}>
        {label}
      </Button>
      {children}
    </div>
  );
}

/** The errors of a whole form, above its fields. */
export function FormErrors({ id, errors }: { id?: string; errors: readonly string[] | null | undefined }) {
  return errors?.length ? (
    <Alert tone="error" id={id}>
      {errors.join(" ")}
    </Alert>
  ) : null;
}

/** A narrow card with its title: the frame of the sign-in pages and of one-step confirmations. */
export function NarrowCard({ title, eyebrow, description, children }: { title: ReactNode; eyebrow?: ReactNode; description?: ReactNode; children: ReactNode }) {
  return (
    <div className="card card--narrow">
      <PageHeader eyebrow={eyebrow} title={title} description={description} />
      {children}
    </div>
  );
}

/** A link (invitation, password reset) that no longer works: why, and where to go instead. */
export function DeadLink({ title, message, children }: { title: ReactNode; message: ReactNode; children: ReactNode }) {
  return (
    <NarrowCard title={title}>
      <Alert tone="error">{message}</Alert>
      {children}
    </NarrowCard>
  );
}
