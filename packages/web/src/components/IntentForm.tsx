/**
 * The one form of both apps: conform's form state, posted to the page's action with its intent (see
 * @accord/web/intents). The form's id is its intent (`"qualify"`), or the intent and a key when the page
 * shows the same form several times (`"completeTask:<id>"`): the intent is written once, in the hook.
 * Field components inside read conform's `useField(name)` (the value typed and the errors) from it.
 */
import { Alert } from "@accord/ui";
import { FormProvider, getFormProps, useForm, type DefaultValue, type FormMetadata } from "@conform-to/react";
import type { CSSProperties, ReactNode } from "react";
import { Form } from "react-router";
import type { IntentReply } from "../intents";

const KEY_SEPARATOR = ":";

/**
 * conform's `[form, fields]` for one intent of the page; the server's reply reaches it only when the
 * last submission was this very form's (same intent and key).
 */
export function useIntentForm<Shape extends Record<string, unknown> = Record<string, unknown>, Name extends string = string>(
  intent: Name,
  actionData: Pick<IntentReply<string>, "intent" | "result"> | null | undefined,
  options: { key?: string; defaultValue?: DefaultValue<Shape> } = {},
) {
  const id = options.key === undefined ? intent : `${intent}${KEY_SEPARATOR}${options.key}`;
  const mine = actionData != null && actionData.intent === intent && formIdOf(actionData) === id;
  // No client validation: the server's reply is the only source of errors.
  return useForm<Shape>({ id, lastResult: mine ? actionData.result : undefined, shouldValidate: "onSubmit", defaultValue: options.defaultValue });
}

/** The form a reply answers: the intent, and the key the form posted (`intentKey`) when it had one. */
function formIdOf(reply: Pick<IntentReply<string>, "intent" | "result">): string {
  const key = reply.result.initialValue?.intentKey;
  return typeof key === "string" && key !== "" ? `${reply.intent}${KEY_SEPARATOR}${key}` : reply.intent;
}

/** The intent a form posts, from its id. */
function intentOf(formId: string): { intent: string; key: string | null } {
  const at = formId.indexOf(KEY_SEPARATOR);
  return at === -1 ? { intent: formId, key: null } : { intent: formId.slice(0, at), key: formId.slice(at + 1) };
}

export interface IntentFormProps<Shape extends Record<string, unknown> = Record<string, unknown>> {
  form: FormMetadata<Shape, string[]>;
  children: ReactNode;
  encType?: "multipart/form-data";
  className?: string;
  style?: CSSProperties;
  /** Where the form posts (default: this page's action). */
  action?: string;
  "aria-label"?: string;
}

/** A `<Form method="post">` of one intent: the hidden intent (and key), the form-level errors, then the fields. */
export function IntentForm<Shape extends Record<string, unknown>>({ form, children, encType, className = "form", style, action, ...rest }: IntentFormProps<Shape>) {
  const { intent, key } = intentOf(form.id);
  return (
    <FormProvider context={form.context}>
      <Form method="post" encType={encType} className={className} style={style} action={action} aria-label={rest["aria-label"]} {...getFormProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        {key !== null ? <input type="hidden" name="intentKey" value={key} /> : null}
        {form.errors?.length ? (
          <Alert tone="error" id={form.errorId}>
            {form.errors.join(" ")}
          </Alert>
        ) : null}
        {children}
      </Form>
    </FormProvider>
  );
}
