import {
  changePassword,
  changePasswordSchema,
  getProfile,
  PASSWORD_MIN_LENGTH,
  updateEmailPreferences,
  updateEmailPreferencesSchema,
  updateProfile,
  updateProfileSchema,
  type ChangePasswordInput,
  type UpdateProfileInput,
  NAME_MAX_LENGTH,
} from "@accord/core";
import { isSecureRequest, sessionCookie } from "@accord/auth";
import { Alert, Button, Field, PageHeader } from "@accord/ui";
import { getFormProps, useForm } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/profile";
import { requireCustomer } from "../.server/actor";
import { APP } from "../.server/app";
import { dbContext } from "../.server/db";
import { describeError, throwAsResponse } from "../.server/errors";
import { flashCookie, type FlashKey } from "../.server/flash";
import { parseForm } from "../.server/forms";
import { languageCookie, translator } from "../.server/i18n";

const LANGUAGES = ["fr", "en"] as const;

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireCustomer(args);
  try {
    const profile = await getProfile({ db: args.context.get(dbContext), actor });
    return { profile, minLength: PASSWORD_MIN_LENGTH, nameMaxLength: NAME_MAX_LENGTH };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

/** Three forms, told apart by `intent`: details (name, language), password, e-mail preferences. */
export async function action(args: Route.ActionArgs) {
  const { request, context } = args;
  const actor = await requireCustomer(args);
  const t = translator(context);
  const db = context.get(dbContext);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const now = new Date();
  const secure = isSecureRequest(request);
  const done = (key: FlashKey, extra: string[] = []) => {
    const headers = new Headers();
    for (const cookie of [...extra, flashCookie(key, { secure })]) headers.append("Set-Cookie", cookie);
    return redirect("/profile", { headers });
  };

  if (intent === "details") {
    const submission = parseForm(formData, updateProfileSchema, t);
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    try {
      const saved = await updateProfile({ db, actor, input: submission.value, now });
      // The pages follow the new language at once.
      return done("profile.flash.saved", [languageCookie(saved.language, { secure })]);
    } catch (error) {
      const failure = describeError(error, t);
      return data({ intent, result: submission.reply({ formErrors: [failure.message], fieldErrors: failure.fieldErrors }) }, { status: failure.status });
    }
  }

  if (intent === "password") {
    const hideFields = ["currentPassword", "password", "confirm"];
    const submission = parseForm(formData, changePasswordSchema, t);
    if (submission.status !== "success") return data({ intent, result: submission.reply({ hideFields }) }, { status: 400 });
    try {
      await changePassword({ db, actor, input: submission.value, sessionToken: sessionCookie(APP).read(request), now });
      return done("profile.flash.passwordChanged");
    } catch (error) {
      const failure = describeError(error, t);
      const formErrors = Object.keys(failure.fieldErrors).length ? [] : [failure.message];
      return data({ intent, result: submission.reply({ formErrors, fieldErrors: failure.fieldErrors, hideFields }) }, { status: failure.status });
    }
  }

  if (intent === "emails") {
    const submission = parseForm(formData, updateEmailPreferencesSchema, t);
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    try {
      await updateEmailPreferences({ db, actor, input: submission.value, now });
      return done("profile.flash.preferencesSaved");
    } catch (error) {
      const failure = describeError(error, t);
      return data({ intent, result: submission.reply({ formErrors: [failure.message], fieldErrors: failure.fieldErrors }) }, { status: failure.status });
    }
  }
  throw data(null, { status: 404 });
}

export default function Profile({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { profile, minLength, nameMaxLength } = loaderData;
  const [detailsForm, details] = useForm<UpdateProfileInput>({
    id: "details",
    lastResult: actionData?.intent === "details" ? actionData.result : undefined,
  });
  const [passwordForm, password] = useForm<ChangePasswordInput>({
    id: "password",
    lastResult: actionData?.intent === "password" ? actionData.result : undefined,
  });
  const [emailsForm] = useForm({ id: "emails", lastResult: actionData?.intent === "emails" ? actionData.result : undefined });
  const emailErrors = actionData?.intent === "emails" ? Object.values(actionData.result.error ?? {}).flat().filter(Boolean) : [];

  return (
    <>
      <PageHeader eyebrow={profile.companyName} title={t("profile.title")} />
      <div className="stack">

      <section aria-labelledby="details-title" className="card">
        <h2 id="details-title">{t("profile.details.title")}</h2>
        {detailsForm.errors?.length ? (
          <Alert tone="error" id={detailsForm.errorId}>
            {detailsForm.errors.join(" ")}
          </Alert>
        ) : null}
        <Form method="post" className="form" {...getFormProps(detailsForm)}>
          <input type="hidden" name="intent" value="details" />
          <Field name="email" id="profile-email" label={t("profile.details.email")} hint={t("profile.details.emailHint")} value={profile.email} readOnly />
          <Field
            key={details.name.key}
            name={details.name.name}
            id="profile-name"
            label={t("profile.details.name")}
            autoComplete="name"
            required
            maxLength={nameMaxLength}
            defaultValue={typeof details.name.initialValue === "string" ? details.name.initialValue : profile.name}
            errors={details.name.errors}
          />
          <div className={["field", details.language.errors?.length ? "field--invalid" : null].filter(Boolean).join(" ")}>
            <label className="field__label" htmlFor="profile-language">
              {t("profile.details.language")}
            </label>
            <select
              id="profile-language"
              name={details.language.name}
              className="field__input"
              defaultValue={typeof details.language.initialValue === "string" ? details.language.initialValue : profile.language}
              aria-invalid={details.language.errors?.length ? true : undefined}
              aria-describedby={details.language.errors?.length ? "profile-language-error" : undefined}
            >
              {LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {t(`profile.languages.${code}`)}
                </option>
              ))}
            </select>
            {details.language.errors?.length ? (
              <p className="field__error" id="profile-language-error">
                {details.language.errors.join(" ")}
              </p>
            ) : null}
          </div>
          <div className="form__actions">
            <Button type="submit">{t("profile.details.submit")}</Button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="password-title" className="card">
        <h2 id="password-title">{t("profile.password.title")}</h2>
        <p>{t("profile.password.description")}</p>
        {passwordForm.errors?.length ? (
          <Alert tone="error" id={passwordForm.errorId}>
            {passwordForm.errors.join(" ")}
          </Alert>
        ) : null}
        <Form method="post" className="form" {...getFormProps(passwordForm)}>
          <input type="hidden" name="intent" value="password" />
          <input type="text" name="username" autoComplete="username" value={profile.email} readOnly hidden />
          <Field
            name={password.currentPassword.name}
            id="profile-current-password"
            label={t("profile.password.current")}
            type="password"
            autoComplete="current-password"
            required
            errors={password.currentPassword.errors}
          />
          <Field
            name={password.password.name}
            id="profile-new-password"
            label={t("profile.password.new")}
            hint={t("auth.passwordHint", { min: minLength })}
            type="password"
            autoComplete="new-password"
            minLength={minLength}
            required
            errors={password.password.errors}
          />
          <Field
            name={password.confirm.name}
            id="profile-confirm-password"
            label={t("profile.password.confirm")}
            type="password"
            autoComplete="new-password"
            required
            errors={password.confirm.errors}
          />
          <div className="form__actions">
            <Button type="submit">{t("profile.password.submit")}</Button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="emails-title" className="card">
        <h2 id="emails-title">{t("profile.emails.title")}</h2>
        <p id="emails-description">{t("profile.emails.description")}</p>
        {emailErrors.length ? <Alert tone="error">{emailErrors.join(" ")}</Alert> : null}
        <Form method="post" className="form" {...getFormProps(emailsForm)}>
          <input type="hidden" name="intent" value="emails" />
          <fieldset className="field">
            <legend className="field__label">{t("profile.emails.optionalLegend")}</legend>
            {profile.emailPreferences
              .filter((preference) => !preference.mandatory)
              .map((preference) => (
                <div key={preference.kind} className="choice">
                  <input type="checkbox" id={`email-${preference.kind}`} name={preference.kind} defaultChecked={preference.enabled} />{" "}
                  <label htmlFor={`email-${preference.kind}`}>{t(`profile.emails.kinds.${preference.kind}`)}</label>
                </div>
              ))}
          </fieldset>
          <fieldset className="field" aria-describedby="emails-mandatory">
            <legend className="field__label">{t("profile.emails.mandatoryLegend")}</legend>
            <p className="field__hint" id="emails-mandatory">
              {t("profile.emails.mandatory")}
            </p>
            {profile.emailPreferences
              .filter((preference) => preference.mandatory)
              .map((preference) => (
                <div key={preference.kind} className="choice">
                  {/* Shown ticked and disabled: no preference turns these off (the server refuses it too). */}
                  <input type="checkbox" id={`email-${preference.kind}`} checked disabled readOnly aria-describedby="emails-mandatory" />{" "}
                  <label htmlFor={`email-${preference.kind}`}>{t(`profile.emails.kinds.${preference.kind}`)}</label>
                </div>
              ))}
          </fieldset>
          <div className="form__actions">
            <Button type="submit">{t("profile.emails.submit")}</Button>
          </div>
        </Form>
      </section>
      </div>
    </>
  );
}
