import { getClaimConfirmation } from "@accord/core";
import { formatDateTime, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/claims.submitted";
import { customerRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args);
  const confirmation = await loadOrRespond(ctx, () => getClaimConfirmation({ ...ctx, input: { reference: args.params.reference } }));
  return {
    reference: confirmation.reference,
    title: confirmation.title,
    contactEmail: confirmation.contactEmail,
    commitment: confirmation.commitment,
    firstResponseDueAt: confirmation.firstResponseDueAt?.toISOString() ?? null,
    canFile: ctx.actor.permissions.includes("case:create"),
  };
}

export default function ClaimSubmitted({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { reference, contactEmail, commitment, firstResponseDueAt, canFile } = loaderData;
  const duration = (target: { unit: "business_days" | "business_hours"; value: number }) =>
    t(`claims.duration.${target.unit}`, {
      count: target.value,
      value: new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 1 }).format(target.value),
    });
  return (
    <>
      <PageHeader eyebrow={t("claims.submitted.eyebrow")} title={t("claims.submitted.title")} />
      <section className="card stack" aria-labelledby="claim-reference-title">
        <h2 id="claim-reference-title">{t("claims.submitted.referenceLabel")}</h2>
        <p className="claim-reference" data-testid="claim-reference">
          <strong>{reference}</strong>
        </p>
        <p className="muted">{t("claims.submitted.referenceHint")}</p>
      </section>
      <section className="card stack" aria-labelledby="claim-commitment-title">
        <h2 id="claim-commitment-title">{t("claims.submitted.commitmentTitle")}</h2>
        {commitment ? (
          <ul data-testid="claim-commitment">
            <li>
              {t("claims.submitted.firstResponse", { duration: duration(commitment.firstResponse) })}
              {firstResponseDueAt ? <> ({t("claims.submitted.firstResponseDue", { date: formatDateTime(firstResponseDueAt, i18n.language) })})</> : null}
            </li>
            <li>{t("claims.submitted.resolution", { duration: duration(commitment.resolution) })}</li>
          </ul>
        ) : (
          <p>{t("claims.submitted.noCommitment")}</p>
        )}
      </section>
      <section className="card stack" aria-labelledby="claim-next-title">
        <h2 id="claim-next-title">{t("claims.submitted.nextTitle")}</h2>
        <ol>
          <li>{t("claims.submitted.next.email", { email: contactEmail })}</li>
          <li>{t("claims.submitted.next.qualify")}</li>
          <li>{t("claims.submitted.next.requests")}</li>
          <li>{t("claims.submitted.next.follow")}</li>
        </ol>
        <p>
          <Link to={`/cases/${encodeURIComponent(reference)}`}>{t("claims.submitted.openCase", { reference })}</Link>
        </p>
        <p>
          {canFile ? (
            <>
              <Link to="/claims/new">{t("claims.submitted.another")}</Link> ·{" "}
            </>
          ) : null}
          <Link to="/">{t("claims.submitted.home")}</Link>
        </p>
      </section>
    </>
  );
}
