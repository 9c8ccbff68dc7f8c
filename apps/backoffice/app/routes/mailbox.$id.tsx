import { listMailbox } from "@accord/core";
import { formatDateTime, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/mailbox.$id";
import { MailAttachments } from "../components/MailAttachments";
import { staffRoute } from "../.server/actor";
import { loadOrRespond, notFound } from "../.server/errors";
import { env } from "../env.server";

export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args);
  const { emails } = await loadOrRespond(ctx, () => listMailbox({ actor: ctx.actor, dir: env().MAILBOX_DIR }));
  const email = emails.find((entry) => entry.id === args.params.id);
  if (!email) notFound();
  return { email };
}

export default function MailboxEmail({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { email } = loaderData;
  return (
    <>
      <p>
        <Link to="/mailbox">{t("mailbox.back")}</Link>
      </p>
      <PageHeader title={email.subject} />
      <dl className="definition-list">
        <dt>{t("mailbox.from")}</dt>
        <dd>{email.from}</dd>
        <dt>{t("mailbox.to")}</dt>
        <dd>{email.to.join(", ")}</dd>
        <dt>{t("mailbox.date")}</dt>
        <dd>{formatDateTime(email.sentAt, i18n.language)}</dd>
        {email.attachments?.length ? (
          <>
            <dt>{t("mailbox.attachments")}</dt>
            <dd>
              <MailAttachments attachments={email.attachments} language={i18n.language} />
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t("mailbox.htmlVersion")}</h2>
      {/* An empty sandbox: the e-mail's HTML runs no script and cannot reach this page. */}
      <iframe className="mail-frame" sandbox="" srcDoc={email.html} title={t("mailbox.htmlFrameTitle", { subject: email.subject })} />
      <h2>{t("mailbox.textVersion")}</h2>
      <pre className="mail-text">{email.text}</pre>
    </>
  );
}
