import { changePassword, changePasswordSchema, getProfile, NAME_MAX_LENGTH, PASSWORD_MIN_LENGTH, updateEmailPreferences, updateEmailPreferencesSchema, updateProfile, updateProfileSchema, type ChangePasswordInput, type UpdateProfileInput } from "@accord/core";
import { isSecureRequest, sessionCookie } from "@accord/auth";
import { Alert, Field, PageHeader, SelectField } from "@accord/ui";
import { BoundField, initialText, NewPasswordFields, PasswordField, SubmitRow } from "@accord/web/components/FormFields";
import { IntentForm, useIntentForm } from "@accord/web/components/IntentForm";
import { redirectWithFlash } from "@accord/web/flash";
import { intent, type IntentName, type IntentReply } from "@accord/web/intents";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Route } from "./+types/profile";
import { customerRoute } from "../.server/actor";
import { APP } from "../.server/app";
import { loadOrRespond } from "../.server/errors";
import { languageCookie } from "../.server/i18n";
import { base, customerAction, type CustomerContext } from "../.server/intents";

const LANGUAGES = ["fr", "en"] as const;

export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args);
  const profile = await loadOrRespond(ctx, () => getProfile(ctx));
  return { profile, minLength: PASSWORD_MIN_LENGTH, nameMaxLength: NAME_MAX_LENGTH };
}

/** Three forms: details (name, language), password, e-mail preferences. */
const INTENTS = {
  details: intent(
    updateProfileSchema,
    (input, ctx: CustomerContext) => updateProfile({ ...base(ctx), input }),
    (saved, ctx) => {
      const response = redirectWithFlash(ctx.request, "/profile", "profile.flash.saved");
      // The pages follow the new language at once.
      response.headers.append("Set-Cookie", languageCookie(saved.language, { secure: isSecureRequest(ctx.request) }));
      return response;
    },
  ),
  password: intent(
    changePasswordSchema,
    (input, ctx: CustomerContext) => changePassword({ ...base(ctx), input, sessionToken: sessionCookie(APP).read(ctx.request) }),
    () => ({ to: "/profile", flash: "profile.flash.passwordChanged" }),
    { hideFields: ["currentPassword", "password", "confirm"] },
  ),
  emails: intent(updateEmailPreferencesSchema, (input, ctx: CustomerContext) => updateEmailPreferences({ ...base(ctx), input }), () => ({ to: "/profile", flash: "profile.flash.preferencesSaved" })),
};
type ProfileIntent = IntentName<typeof INTENTS>;
type ProfileReply = IntentReply<ProfileIntent> | null | undefined;
type Profile = Route.ComponentProps["loaderData"]["profile"];

export async function action(args: Route.ActionArgs) {
  return customerAction(args, INTENTS);
}

function ProfileSection({ id, title, description, children }: { id: string; title: ReactNode; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{title}</h2>
      {description ? <p id={`${id}-description`}>{description}</p> : null}
      {children}
    </section>
  );
}

function DetailsForm({ profile, nameMaxLength, actionData }: { profile: Profile; nameMaxLength: number; actionData: ProfileReply }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm<UpdateProfileInput, ProfileIntent>("details", actionData);
  return (
    <ProfileSection id="details" title={t("profile.details.title")}>
      <IntentForm form={form}>
        <Field name="email" id="profile-email" label={t("profile.details.email")} hint={t("profile.details.emailHint")} value={profile.email} readOnly />
        <BoundField field={fields.name} fallback={profile.name} id="profile-name" label={t("profile.details.name")} autoComplete="name" required maxLength={nameMaxLength} />
        <SelectField
          key={fields.language.key}
          id="profile-language"
          name={fields.language.name}
          label={t("profile.details.language")}
          defaultValue={initialText(fields.language.initialValue, profile.language)}
          options={LANGUAGES.map((code) => ({ value: code, label: t(`profile.languages.${code}`) }))}
          errors={fields.language.errors}
        />
        <SubmitRow label={t("profile.details.submit")} />
      </IntentForm>
    </ProfileSection>
  );
}

function PasswordForm({ profile, minLength, actionData }: { profile: Profile; minLength: number; actionData: ProfileReply }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm<ChangePasswordInput, ProfileIntent>("password", actionData);
  return (
    <ProfileSection id="password" title={t("profile.password.title")} description={t("profile.password.description")}>
      <IntentForm form={form}>
        <input type="text" name="username" autoComplete="username" value={profile.email} readOnly hidden />
        <PasswordField field={fields.currentPassword} id="profile-current-password" label={t("profile.password.current")} autoComplete="current-password" />
        <NewPasswordFields
          password={fields.password}
          confirm={fields.confirm}
          minLength={minLength}
          labels={{ password: t("profile.password.new"), confirm: t("profile.password.confirm") }}
          ids={{ password: "profile-new-password", confirm: "profile-confirm-password" }}
        />
        <SubmitRow label={t("profile.password.submit")} />
      </IntentForm>
    </ProfileSection>
  );
}

function EmailsForm({ profile, actionData }: { profile: Profile; actionData: ProfileReply }) {
  const { t } = useTranslation();
  const [form] = useIntentForm<Record<string, unknown>, ProfileIntent>("emails", actionData);
  // A refused kind (a mandatory one sent as off) has no field of its own to stand beside: its message goes above.
  const kindErrors = Object.entries(form.allErrors).flatMap(([name, errors]) => (name === "" ? [] : errors));
  const label = (kind: Profile["emailPreferences"][number]["kind"]) => t(`profile.emails.kinds.${kind}`);
  const optional = profile.emailPreferences.filter((preference) => !preference.mandatory);
  return (
    <ProfileSection id="emails" title={t("profile.emails.title")} description={t("profile.emails.description")}>
      {kindErrors.length ? <Alert tone="error">{kindErrors.join(" ")}</Alert> : null}
      <IntentForm form={form}>
        <fieldset className="field">
          <legend className="field__label">{t("profile.emails.optionalLegend")}</legend>
          {optional.map((preference) => (
            <div key={preference.kind} className="choice">
              <input type="checkbox" id={`email-${preference.kind}`} name={preference.kind} defaultChecked={preference.enabled} />{" "}
              <label htmlFor={`email-${preference.kind}`}>{label(preference.kind)}</label>
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
                <label htmlFor={`email-${preference.kind}`}>{label(preference.kind)}</label>
              </div>
            ))}
        </fieldset>
        <SubmitRow label={t("profile.emails.submit")} />
      </IntentForm>
    </ProfileSection>
  );
}

export default function ProfilePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { profile, minLength, nameMaxLength } = loaderData;
  return (
    <>
      <PageHeader eyebrow={profile.companyName} title={t("profile.title")} />
      <div className="stack">
        <DetailsForm profile={profile} nameMaxLength={nameMaxLength} actionData={actionData} />
        <PasswordForm profile={profile} minLength={minLength} actionData={actionData} />
        <EmailsForm profile={profile} actionData={actionData} />
      </div>
    </>
  );
}
