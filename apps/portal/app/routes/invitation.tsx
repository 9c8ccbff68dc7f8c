import { acceptInvitation, acceptInvitationSchema, checkInvitation, NAME_MAX_LENGTH, PASSWORD_MIN_LENGTH, type AcceptInvitationInput, type InvitationState } from "@accord/core";
import { isSecureRequest, sessionCookie } from "@accord/auth";
import { Alert, Button, Field, PageHeader } from "@accord/ui";
import { getFormProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/invitation";
import { APP } from "../.server/app";
import { dbContext } from "../.server/db";
import { describeError } from "../.server/errors";
import { flashCookie } from "../.server/flash";
import { parseForm } from "../.server/forms";
import { clientContext } from "../.server/request";
import { languageCookie, languageOf, translator } from "../.server/i18n";

// The token is in the URL: never leak it to another site through Referer, never cache the page.
export const headers: Route.HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

export async function loader({ params, context }: Route.LoaderArgs) {
  const view = await checkInvitation({ db: context.get(dbContext), token: params.token, now: new Date() });
  // A dead link says why, with a 404 status: nothing to do here any more.
  if (view.state !== "valid") return data({ ...view, minLength: PASSWORD_MIN_LENGTH, nameMaxLength: NAME_MAX_LENGTH }, { status: 404 });
  return { ...view, minLength: PASSWORD_MIN_LENGTH, nameMaxLength: NAME_MAX_LENGTH };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const t = translator(context);
  const formData = await request.formData();
  formData.set("token", params.token);
  const submission = parseForm(formData, acceptInvitationSchema, t);
  const hideFields = ["password", "confirm", "token"];
  if (submission.status !== "success") return data({ state: null as InvitationState | null, result: submission.reply({ hideFields }) }, { status: 400 });
  try {
    const session = await acceptInvitation({
      db: context.get(dbContext),
      input: submission.value,
      language: languageOf(context),
      ip: context.get(clientContext).ip,
      userAgent: request.headers.get("user-agent"),
      now: new Date(),
    });
    const secure = isSecureRequest(request);
    const headers = new Headers();
    headers.append("Set-Cookie", sessionCookie(APP).serialize(session.token, session.expiresAt, { secure }));
    headers.append("Set-Cookie", languageCookie(session.language, { secure }));
    headers.append("Set-Cookie", flashCookie("invitations.flash.welcome", { secure }));
    return redirect("/", { headers });
  } catch (error) {
    const failure = describeError(error, t);
    const state: InvitationState | null = failure.code === "token_expired" ? "expired" : failure.code === "token_invalid" ? "invalid" : null;
    return data(
      {
        state,
        result: submission.reply({
          formErrors: Object.keys(failure.fieldErrors).length ? [] : [failure.message],
          fieldErrors: failure.fieldErrors,
          hideFields,
        }),
      },
      { status: state ? 404 : failure.status },
    );
  }
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [form, fields] = useForm<AcceptInvitationInput>({ lastResult: actionData?.result });
  const state = actionData?.state ?? loaderData.state;

  if (state !== "valid") {
    return (
      <div className="card card--narrow">
        <PageHeader title={t("invitations.titleInvalid")} />
        <Alert tone="error">{t(state === "expired" ? "invitations.expired" : "invitations.invalid")}</Alert>
        <p>{t("invitations.askAgain")}</p>
        <p>
          <a href="/login">{t("invitations.toLogin")}</a>
        </p>
      </div>
    );
  }

  const company = loaderData.companyName ?? "";
  return (
    <div className="card card--narrow">
      <PageHeader title={t("invitations.title", { company })} description={t("invitations.intro", { company })} />
      {form.errors?.length ? (
        <Alert tone="error" id={form.errorId}>
          {form.errors.join(" ")}
        </Alert>
      ) : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <Field name="email" label={t("invitations.email")} type="email" autoComplete="username" value={loaderData.email ?? ""} readOnly />
        <Field
          key={fields.name.key}
          name={fields.name.name}
          label={t("invitations.name")}
          autoComplete="name"
          required
          maxLength={loaderData.nameMaxLength}
          defaultValue={typeof fields.name.initialValue === "string" ? fields.name.initialValue : (loaderData.name ?? "")}
          errors={fields.name.errors}
        />
        <Field
          name={fields.password.name}
          label={t("invitations.password")}
          hint={t("auth.passwordHint", { min: loaderData.minLength })}
          type="password"
          autoComplete="new-password"
          minLength={loaderData.minLength}
          required
          errors={fields.password.errors}
        />
        <Field
          name={fields.confirm.name}
          label={t("invitations.confirm")}
          type="password"
          autoComplete="new-password"
          required
          errors={fields.confirm.errors}
        />
        <div className="form__actions">
          <Button type="submit">{t("invitations.submit")}</Button>
        </div>
      </Form>
    </div>
  );
}
