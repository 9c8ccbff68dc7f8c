/** The end of the Solution section: the acceptance record and its agreement, the decision (and its completion), deciding without a proposal, closing, the survey. */
import { Link } from "react-router";
import type { CompleteDecisionInput, RecordDecisionInput } from "@accord/core";
import { Facts, Field, formatDateTime, formatMoney } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { bind, SelectField, SubmitRow, TextareaField } from "../fields";
import { useCaseForm } from "../parts";
import type { SettlementProps } from "./Settlement";

/** Cents as the amount fields read them back ("12,50" in French). */
const asInput = (cents: number, language: string) => (language === "fr" ? (cents / 100).toFixed(2).replace(".", ",") : (cents / 100).toFixed(2));

export function SettlementOutcome({ page, actionData, settlement: s, resolveOutcomes }: SettlementProps) {
  const { t, i18n } = useTranslation();
  const money = (cents: number) => formatMoney(cents, s.currency, i18n.language);
  const none = t("casePage.none");
  const [resolveForm, resolveFields] = useCaseForm<RecordDecisionInput>("recordDecision", actionData);
  const [completeForm, completeFields] = useCaseForm<CompleteDecisionInput>("completeDecision", actionData);
  const [closeForm] = useCaseForm("closeCase", actionData);
  const a = s.acceptance;
  const d = s.decision;
  return (
    <>
      {a ? (
        <div data-testid="acceptance">
          <h3>{t("casePage.settlement.acceptance.title")}</h3>
          <Facts
            wrap
            rows={[
              [t("casePage.settlement.acceptance.signer"), a.signerName],
              [t("casePage.settlement.acceptance.email"), a.signerEmail],
              [t("casePage.settlement.acceptance.at"), formatDateTime(a.acceptedAt, i18n.language, "Europe/Paris")],
              [t("casePage.settlement.acceptance.ip"), a.ipAddress ?? none],
              [t("casePage.settlement.acceptance.userAgent"), a.userAgent ?? none],
              [t("casePage.settlement.acceptance.textSha256"), <code key="text">{a.textSha256}</code>],
              [t("casePage.settlement.acceptance.agreementSha256"), a.agreementSha256 ? <code key="pdf">{a.agreementSha256}</code> : none],
            ]}
          />
          {a.agreementSha256 ? (
            <p>
              <a href={`/cases/${page.case.reference}/agreement.pdf`} download>
                {t("casePage.settlement.acceptance.download")}
              </a>{" "}
              · <Link to={`/cases/${page.case.reference}/agreement`}>{t("agreementView.link")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {d ? (
        <div data-testid="decision">
          <h3>{t("casePage.settlement.decision.title")}</h3>
          <Facts
            wrap
            rows={[
              [t("casePage.settlement.decision.outcome"), t(`settlement.outcomes.${d.outcome}`)],
              [t("casePage.settlement.decision.granted"), money(d.grantedCents)],
              [t("casePage.settlement.decision.penalties"), money(d.penaltiesCents)],
              [t("casePage.settlement.decision.recovered"), money(d.recoveredCents)],
              [t("casePage.settlement.decision.publicRationale"), d.publicRationale ?? none],
              [t("casePage.settlement.decision.internalRationale"), d.internalRationale ?? none],
              [t("casePage.settlement.decision.creditNote"), d.creditNoteNumber ?? none],
            ]}
          />
          {s.creditNoteXml ? (
            <p>
              <a href={`/cases/${page.case.reference}/credit-note.xml`} download>
                {t("casePage.settlement.decision.creditNoteXml")}
              </a>
            </p>
          ) : null}
          {s.mayCompleteDecision ? (
            <IntentForm form={completeForm} aria-label={t("casePage.settlement.decision.complete")}>
              <h4>{t("casePage.settlement.decision.complete")}</h4>
              <Field id="complete-penalties" label={t("casePage.settlement.resolve.penalties")} inputMode="decimal" {...bind(completeFields.penalties, asInput(d.penaltiesCents, i18n.language))} />
              <Field id="complete-recovered" label={t("casePage.settlement.decision.recoveredField")} inputMode="decimal" {...bind(completeFields.recovered, asInput(d.recoveredCents, i18n.language))} />
              <TextareaField id="complete-public" label={t("casePage.settlement.decision.publicRationale")} {...bind(completeFields.publicRationale, d.publicRationale ?? "")} />
              <TextareaField id="complete-internal" label={t("casePage.settlement.decision.internalRationale")} {...bind(completeFields.internalRationale, d.internalRationale ?? "")} />
              <Field id="complete-credit-note" label={t("casePage.settlement.decision.creditNote")} {...bind(completeFields.creditNoteNumber, d.creditNoteNumber ?? "")} />
              <SubmitRow variant="secondary">{t("casePage.settlement.decision.completeSubmit")}</SubmitRow>
            </IntentForm>
          ) : null}
        </div>
      ) : null}
      {page.can.resolve ? (
        <IntentForm form={resolveForm} aria-label={t("casePage.settlement.resolve.title")}>
          <h3>{t("casePage.settlement.resolve.title")}</h3>
          <p className="muted">{t("casePage.settlement.resolve.hint")}</p>
          <SelectField
            id="resolve-outcome"
            label={t("casePage.settlement.resolve.outcome")}
            {...bind(resolveFields.outcome)}
            options={[{ value: "", label: "—" }, ...resolveOutcomes.map((outcome) => ({ value: outcome, label: t(`settlement.outcomes.${outcome}`) }))]}
          />
          <Field id="resolve-granted" label={t("casePage.settlement.resolve.granted")} inputMode="decimal" {...bind(resolveFields.granted)} />
          <Field id="resolve-penalties" label={t("casePage.settlement.resolve.penalties")} inputMode="decimal" {...bind(resolveFields.penalties)} />
          <TextareaField id="resolve-public" label={t("casePage.settlement.decision.publicRationale")} {...bind(resolveFields.publicRationale)} />
          <TextareaField id="resolve-internal" label={t("casePage.settlement.decision.internalRationale")} {...bind(resolveFields.internalRationale)} />
          <Field id="resolve-credit-note" label={t("casePage.settlement.decision.creditNote")} {...bind(resolveFields.creditNoteNumber)} />
          <SubmitRow variant="secondary">{t("casePage.settlement.resolve.submit")}</SubmitRow>
        </IntentForm>
      ) : null}
      {page.can.close ? (
        <IntentForm form={closeForm}>
          <p className="muted">{t("casePage.settlement.close.hint")}</p>
          <SubmitRow>{t("casePage.settlement.close.submit")}</SubmitRow>
        </IntentForm>
      ) : null}
      {s.survey ? <p>{t("casePage.settlement.survey", { score: s.survey.score })}</p> : null}
    </>
  );
}
