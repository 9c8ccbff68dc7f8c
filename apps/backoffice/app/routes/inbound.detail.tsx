/**
 * One quarantined e-mail (ADR 0036): its text and files, and the agent's three ways out — open a claim
 * for a chosen contact of a chosen account, add it to one of that account's open cases, or reject it.
 * The account is chosen with a GET form first (works without JavaScript); each action is a POST.
 */
import { attachQuarantinedEmail, attachQuarantinedEmailSchema, getQuarantinedEmail, rejectQuarantinedEmail, rejectQuarantinedEmailSchema } from "@accord/core";
import { Alert, Button, Facts, formatDateTime, PageHeader, SelectField, TextareaField } from "@accord/ui";
import { translateKey } from "@accord/ui/locales";
import { flashCookie } from "@accord/web/flash";
import { fileStore } from "@accord/web/uploads";
import { isSecureRequest } from "@accord/auth";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/inbound.detail";
import { staffRoute } from "../.server/actor";
import { describeError, loadOrRespond } from "../.server/errors";
import { parseForm } from "../.server/forms";
import { env } from "../env.server";

export function meta() {
  return [{ title: "Accord" }];
}

export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "inbound:triage");
  const accountId = new URL(args.request.url).searchParams.get("account") ?? undefined;
  return loadOrRespond(ctx, () => getQuarantinedEmail({ ...ctx, input: { id: args.params.id, ...(accountId ? { accountId } : {}) } }));
}

type ActionResult = { intent: string; fieldErrors: Record<string, string[]>; formError: string | null };

export async function action(args: Route.ActionArgs) {
  const ctx = await staffRoute(args, "inbound:triage");
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  const secure = isSecureRequest(args.request);
  const refuse = (fieldErrors: Record<string, string[]>, formError: string | null, status: number) => data<ActionResult>({ intent, fieldErrors, formError }, { status });
  try {
    if (intent === "attach-claim" || intent === "attach-message") {
      formData.set("mode", intent === "attach-claim" ? "claim" : "message");
      formData.set("id", args.params.id);
      const submission = parseForm(formData, attachQuarantinedEmailSchema, ctx.t);
      if (submission.status !== "success") return refuse((submission.error ?? {}) as Record<string, string[]>, null, 400);
      const { reference } = await attachQuarantinedEmail({ ...ctx, input: submission.value, portalUrl: env().PORTAL_URL, backofficeUrl: env().BACKOFFICE_URL });
      return redirect(`/cases/${reference}`, { headers: { "Set-Cookie": flashCookie("inbound.flash.attached", { secure }) } });
    }
    if (intent === "reject") {
      formData.set("id", args.params.id);
      const submission = parseForm(formData, rejectQuarantinedEmailSchema, ctx.t);
      if (submission.status !== "success") return refuse((submission.error ?? {}) as Record<string, string[]>, null, 400);
      await rejectQuarantinedEmail({ ...ctx, input: submission.value, files: fileStore() });
      return redirect("/inbound", { headers: { "Set-Cookie": flashCookie("inbound.flash.rejected", { secure }) } });
    }
    return refuse({}, ctx.t("inbound.error.mode_required"), 400);
  } catch (error) {
    const described = describeError(error, ctx.t);
    return refuse(described.fieldErrors, Object.keys(described.fieldErrors).length > 0 ? null : described.message, described.status);
  }
}

export default function QuarantinedEmail({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const email = loaderData;
  const errorsOf = (intent: string, field: string) => (actionData?.intent === intent ? actionData.fieldErrors[field] : undefined);
  const formErrorOf = (intent: string) => (actionData?.intent === intent ? actionData.formError : null);
  const quarantined = email.status === "quarantined";
  return (
    <>
      <p>
        <Link to="/inbound">{t("inbound.detail.back")}</Link>
      </p>
      <PageHeader title={email.subject || t("inbound.noSubject")} />
      {email.handled && email.handled.caseReference ? (
        <Alert tone="info">
          {t("inbound.detail.handledAttached", { reference: email.handled.caseReference })} <Link to={`/cases/${email.handled.caseReference}`}>{email.handled.caseReference}</Link>
        </Alert>
      ) : null}
      {email.handled && email.status === "rejected" ? <Alert tone="info">{t("inbound.detail.handledRejected", { reason: email.handled.rejectReason ?? "" })}</Alert> : null}
      <Facts
        wrap
        rows={[
          [t("inbound.detail.from"), email.fromName ? `${email.fromName} <${email.fromAddress}>` : email.fromAddress],
          [t("inbound.detail.to"), email.toAddresses.join(", ") || "—"],
          [t("inbound.detail.received"), formatDateTime(email.receivedAt, i18n.language)],
          [t("inbound.detail.reason"), email.reason ? translateKey(t, `inbound.reasons.${email.reason}`) : "—"],
          ...(email.namedCase ? ([[t("inbound.detail.namedCase"), <Link to={`/cases/${email.namedCase.reference}`}>{`${email.namedCase.reference} — ${email.namedCase.title}`}</Link>]] as [string, React.ReactNode][]) : []),
        ]}
      />
      <section aria-labelledby="inbound-text">
        <h2 id="inbound-text">{t("inbound.detail.text")}</h2>
        <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{email.text || t("inbound.detail.emptyText")}</pre>
      </section>
      <section aria-labelledby="inbound-attachments">
        <h2 id="inbound-attachments">{t("inbound.detail.attachments")}</h2>
        {email.attachments.length === 0 ? (
          <p>{t("inbound.detail.noAttachments")}</p>
        ) : (
          <ul>
            {email.attachments.map((file) =>
              quarantined ? (
                <li key={file.index}>
                  <a href={`/inbound/${email.id}/attachments/${file.index}`} download>
                    {file.name}
                  </a>{" "}
                  ({file.type}, {file.size} o)
                </li>
              ) : (
                <li key={file.index}>{file.name}</li>
              ),
            )}
          </ul>
        )}
      </section>
      {quarantined ? (
        <>
          <Form method="get" className="stack">
            <fieldset>
              <legend>{t("inbound.account.legend")}</legend>
              <SelectField
                id="inbound-account"
                name="account"
                label={t("inbound.account.label")}
                defaultValue={email.account?.id ?? ""}
                options={[{ value: "", label: t("inbound.account.none") }, ...email.accounts.map((a) => ({ value: a.id, label: a.name }))]}
              />
              <div className="form__actions">
                <Button type="submit" variant="secondary">
                  {t("inbound.account.choose")}
                </Button>
              </div>
            </fieldset>
          </Form>
          {email.account ? (
            <>
              <Form method="post" className="stack" aria-labelledby="inbound-attach-claim">
                <h2 id="inbound-attach-claim">{t("inbound.attachClaim.title")}</h2>
                <input type="hidden" name="accountId" value={email.account.id} />
                {email.contacts.length === 0 ? (
                  <p>{t("inbound.attachClaim.noContact")}</p>
                ) : (
                  <>
                    <SelectField
                      id="inbound-contact"
                      name="contactId"
                      label={t("inbound.attachClaim.contact")}
                      options={email.contacts.map((c) => ({ value: c.id, label: `${c.name} <${c.email}>` }))}
                      errors={errorsOf("attach-claim", "contactId")}
                    />
                    {formErrorOf("attach-claim") ? <Alert tone="error">{formErrorOf("attach-claim")}</Alert> : null}
                    <div className="form__actions">
                      <Button type="submit" name="intent" value="attach-claim">
                        {t("inbound.attachClaim.submit")}
                      </Button>
                    </div>
                  </>
                )}
              </Form>
              <Form method="post" className="stack" aria-labelledby="inbound-attach-message">
                <h2 id="inbound-attach-message">{t("inbound.attachMessage.title")}</h2>
                <input type="hidden" name="accountId" value={email.account.id} />
                {email.openCases.length === 0 ? (
                  <p>{t("inbound.attachMessage.noCase")}</p>
                ) : (
                  <>
                    <SelectField
                      id="inbound-case"
                      name="reference"
                      label={t("inbound.attachMessage.case")}
                      defaultValue={email.namedCase?.reference ?? undefined}
                      options={email.openCases.map((c) => ({ value: c.reference, label: `${c.reference} — ${c.title}` }))}
                      errors={errorsOf("attach-message", "reference")}
                    />
                    {formErrorOf("attach-message") ? <Alert tone="error">{formErrorOf("attach-message")}</Alert> : null}
                    <div className="form__actions">
                      <Button type="submit" name="intent" value="attach-message" variant="secondary">
                        {t("inbound.attachMessage.submit")}
                      </Button>
                    </div>
                  </>
                )}
              </Form>
            </>
          ) : null}
          <Form method="post" className="stack" aria-labelledby="inbound-reject">
            <h2 id="inbound-reject">{t("inbound.reject.title")}</h2>
            <TextareaField id="inbound-reject-reason" name="reason" label={t("inbound.reject.reason")} rows={2} errors={errorsOf("reject", "reason")} />
            {formErrorOf("reject") ? <Alert tone="error">{formErrorOf("reject")}</Alert> : null}
            <div className="form__actions">
              <Button type="submit" name="intent" value="reject" variant="secondary">
                {t("inbound.reject.submit")}
              </Button>
            </div>
          </Form>
        </>
      ) : null}
    </>
  );
}
