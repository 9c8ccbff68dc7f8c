import { acceptInvitation, acceptInvitationSchema, AppError, checkInvitation, NAME_MAX_LENGTH, PASSWORD_MIN_LENGTH, type AcceptInvitationInput } from "@accord/core";
import { isSecureRequest, sessionCookie } from "@accord/auth";
import { Field } from "@accord/ui";
import { BoundField, DeadLink, NarrowCard, NewPasswordFields, SubmitRow } from "@accord/web/components/FormFields";
import { IntentForm, useIntentForm } from "@accord/web/components/IntentForm";
import { flashCookie } from "@accord/web/flash";
import { SECRET_LINK_HEADERS } from "@accord/web/responses";
import { intent, runIntent, type IntentContext, type IntentName } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import type { Route } from "./+types/invitation";
import { APP } from "../.server/app";
import { dbContext } from "../.server/db";
import { clientContext } from "../.server/request";
import { languageCookie, languageOf, translator } from "../.server/i18n";

// The token is in the URL.
export const headers: Route.HeadersFunction = () => SECRET_LINK_HEADERS;

export async function loader({ params, context }: Route.LoaderArgs) {
  const view = await checkInvitation({ db: context.get(dbContext), token: params.token, now: new Date() });
  const page = { ...view, minLength: PASSWORD_MIN_LENGTH, nameMaxLength: NAME_MAX_LENGTH };
  // A dead link says why, with a 404 status: nothing to do here any more.
  return view.state === "valid" ? page : data(page, { status: 404 });
}

/** Whoever holds the link: no one is signed in yet. */
type InvitationContext = IntentContext<null>;

const INTENTS = {
  accept: intent(
    acceptInvitationSchema,
    async (input, ctx: InvitationContext) => {
      try {
        const session = await acceptInvitation({ db: ctx.db, input, language: languageOf(ctx.context), ip: ctx.context.get(clientContext).ip, userAgent: ctx.request.headers.get("user-agent"), now: ctx.now });
        return { session };
      } catch (error) {
        // The link died meanwhile (used, withdrawn, expired): its page says why.
        if (error instanceof AppError && (error.code === "token_expired" || error.code === "token_invalid")) return { session: null };
        throw error;
      }
    },
    ({ session }, ctx) => {
      if (!session) return redirect(`/invitations/${ctx.params.token}`);
      const secure = isSecureRequest(ctx.request);
      const headers = new Headers();
      headers.append("Set-Cookie", sessionCookie(APP).serialize(session.token, session.expiresAt, { secure }));
      headers.append("Set-Cookie", languageCookie(session.language, { secure }));
      headers.append("Set-Cookie", flashCookie("invitations.flash.welcome", { secure }));
      return redirect("/", { headers });
    },
    { hideFields: ["password", "confirm", "token"] },
  ),
};

export async function action({ request, params, context }: Route.ActionArgs) {
  const formData = await request.formData();
  // The token is the URL's.
  formData.set("token", params.token);
  const ctx: InvitationContext = { request, params, context, db: context.get(dbContext), actor: null, t: translator(context), now: new Date() };
  return runIntent(INTENTS, ctx, formData);
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm<AcceptInvitationInput, IntentName<typeof INTENTS>>("accept", actionData);

  if (loaderData.state !== "valid") {
    return (
      <DeadLink title={t("invitations.titleInvalid")} message={t(loaderData.state === "expired" ? "invitations.expired" : "invitations.invalid")}>
        <p>{t("invitations.askAgain")}</p>
        <p>
          <a href="/login">{t("invitations.toLogin")}</a>
        </p>
      </DeadLink>
    );
  }

  const company = loaderData.companyName ?? "";
  return (
    <NarrowCard title={t("invitations.title", { company })} description={t("invitations.intro", { company })}>
      <IntentForm form={form}>
        <Field name="email" label={t("invitations.email")} type="email" autoComplete="username" value={loaderData.email ?? ""} readOnly />
        <BoundField field={fields.name} fallback={loaderData.name ?? ""} label={t("invitations.name")} autoComplete="name" required maxLength={loaderData.nameMaxLength} />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} minLength={loaderData.minLength} labels={{ password: t("invitations.password"), confirm: t("invitations.confirm") }} />
        <SubmitRow label={t("invitations.submit")} />
      </IntentForm>
    </NarrowCard>
  );
}
