/**
 * The settlement on the case page: the proposal waiting for an answer (a summary and the way to the
 * proposal page), the decision once the case is resolved (outcome, amounts, public rationale, credit
 * note, each invoice's new due dates, the agreement) and the survey.
 */
import { DataTable, EmptyState, Facts, formatDate, formatMoney } from "@accord/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Section, type SectionProps } from "../parts";

/** "Proposition": shown while a proposal is open to the customer's answer. */
export function ProposalBlock({ page }: SectionProps) {
  const { t, i18n } = useTranslation();
  const s = page.settlement;
  const p = s.current;
  if (!p?.open) return null;
  return (
    <Section id="proposal" title={t("cases.page.settlement.proposal.title")}>
      <p>{t("cases.page.settlement.proposal.summary", { number: p.number, kind: t(`settlement.kind.${p.kind}`), amount: formatMoney(p.amountCents, p.currency, i18n.language) })}</p>
      {p.expiresOn ? <p>{t("cases.page.settlement.proposal.expiresOn", { date: formatDate(p.expiresOn, i18n.language) })}</p> : null}
      <p>
        <Link to={`/cases/${s.reference}/proposal`} className="button">
          {p.canDecide ? t("cases.page.settlement.proposal.answer") : t("cases.page.settlement.proposal.read")}
        </Link>
      </p>
    </Section>
  );
}

/** The decision: outcome, amounts, public rationale, credit note, new due dates, the agreement if any. */
export function DecisionBlock({ page }: SectionProps) {
  const { t, i18n } = useTranslation();
  const s = page.settlement;
  const d = s.decision;
  if (!d) return null;
  const money = (cents: number) => formatMoney(cents, s.currency, i18n.language);
  const rows: [ReactNode, ReactNode][] = [
    [t("cases.page.settlement.decision.outcome"), t(`settlement.outcome.${d.outcome}`)],
    [t("cases.page.settlement.decision.granted"), money(d.grantedCents)],
  ];
  if (d.penaltiesCents > 0) rows.push([t("cases.page.settlement.decision.penalties"), money(d.penaltiesCents)]);
  if (d.creditNoteNumber) rows.push([t("cases.page.settlement.decision.creditNote"), d.creditNoteNumber]);
  rows.push([t("cases.page.settlement.decision.decidedAt"), formatDate(d.decidedAt, i18n.language)]);
  return (
    <Section id="decision" title={t("cases.page.settlement.decision.title")}>
      <Facts rows={rows} />
      {d.publicRationale ? (
        <>
          <h3>{t("cases.page.settlement.decision.rationale")}</h3>
          <p className="preserve-lines">{d.publicRationale}</p>
        </>
      ) : null}
      <DataTable
        caption={t("cases.page.settlement.dueDates.caption")}
        rows={s.settlements.map((row) => ({ ...row, id: row.invoiceNumber }))}
        rowKey={(row) => row.id}
        empty={<EmptyState title={t("cases.page.settlement.dueDates.empty")} />}
        columns={[
          { key: "invoice", header: t("cases.page.settlement.dueDates.invoice"), rowHeader: true, cell: (row) => row.invoiceNumber },
          {
            key: "undisputed",
            header: t("cases.page.settlement.dueDates.undisputed"),
            cell: (row) => t("cases.page.settlement.dueDates.due", { amount: money(row.undisputedCents), date: formatDate(row.undisputedDueDate, i18n.language) }),
          },
          { key: "credited", header: t("cases.page.settlement.dueDates.credited"), align: "end", cell: (row) => money(row.creditedCents) },
          {
            key: "remainder",
            header: t("cases.page.settlement.dueDates.remainder"),
            cell: (row) => t("cases.page.settlement.dueDates.due", { amount: money(row.remainderCents), date: formatDate(row.remainderDueDate, i18n.language) }),
          },
        ]}
      />
      {s.acceptance?.agreementSha256 ? (
        <p>
          <a href={`/cases/${s.reference}/agreement.pdf`} download>
            {t("settlement.acceptance.download")}
          </a>{" "}
          · <Link to={`/cases/${s.reference}/agreement`}>{t("agreementView.link")}</Link> · <Link to={`/cases/${s.reference}/proposal`}>{t("cases.page.settlement.decision.acceptance")}</Link>
        </p>
      ) : null}
    </Section>
  );
}

/** The survey: the way to rate the handling once, or the rating given. */
export function SurveyBlock({ page }: SectionProps) {
  const { t } = useTranslation();
  const s = page.settlement;
  if (!s.survey && !s.canRate) return null;
  return (
    <Section id="survey" title={t("cases.page.settlement.survey.title")}>
      {s.survey ? (
        <p>{t("settlement.survey.thanks", { score: s.survey.score })}</p>
      ) : (
        <>
          <p>{t("cases.page.settlement.survey.invite")}</p>
          <p>
            <Link to={`/cases/${s.reference}/survey`} className="button">
              {t("cases.page.settlement.survey.link")}
            </Link>
          </p>
        </>
      )}
    </Section>
  );
}
