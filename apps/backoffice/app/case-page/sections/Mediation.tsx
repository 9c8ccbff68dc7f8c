/** The case's « Médiation »: the account's mediation clause, each mediation with its sessions, and the forms to start one, record a session and record the outcome. */
import type { RecordMediationOutcomeInput, RecordMediationSessionInput, StaffMediation, StartMediationInput } from "@accord/core";
import { Facts, Field, formatDate, formatDateTime } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { bind, ChoiceGroup, SelectField, SubmitRow, TextareaField } from "../fields";
import { ListOrNone, Section, useCaseForm, type SectionProps } from "../parts";

export interface MediationProps extends SectionProps {
  mediation: StaffMediation;
}

export function Mediation({ page, actionData, mediation: m }: MediationProps) {
  const { t, i18n } = useTranslation();
  const [startForm, startFields] = useCaseForm<StartMediationInput>("startMediation", actionData);
  const [sessionForm, sessionFields] = useCaseForm<RecordMediationSessionInput>("recordMediationSession", actionData);
  const [outcomeForm, outcomeFields] = useCaseForm<RecordMediationOutcomeInput>("recordMediationOutcome", actionData);
  const latest = m.mediations[0];
  // Shown only where it matters: with the start form, or while a mediation exists.
  const showClause = m.can.start || latest !== undefined;
  const clause = m.clause?.applies ? t(`casePage.mediation.clause.${m.clause.mediator ?? "unspecified"}`) : t("casePage.mediation.clause.none");
  return (
    <Section id="mediation" title={t("casePage.mediation.title")}>
      {showClause ? (
        <div data-testid="mediation-clause">
          <h3>{t("casePage.mediation.clause.title")}</h3>
          <p>{clause}</p>
        </div>
      ) : null}
      <ListOrNone items={m.mediations} none={t("casePage.mediation.none")} className="stack" style={{ listStyle: "none", padding: 0 }} data-testid="mediations">
        {(item) => (
          <li key={item.id}>
            <h3>{t("casePage.mediation.mediation", { kind: t(`casePage.mediation.kinds.${item.kind}`), name: item.mediatorName })}</h3>
            <Facts
              wrap
              rows={[
                [t("casePage.mediation.facts.mediator"), item.mediatorName],
                ...(item.kind === "external"
                  ? ([
                      [t("casePage.mediation.facts.organisation"), item.organisation ?? ""],
                      [t("casePage.mediation.facts.email"), item.email ?? ""],
                      [t("casePage.mediation.facts.referral"), item.referralReference ?? t("casePage.none")],
                    ] as [string, string][])
                  : []),
                [t("casePage.mediation.facts.started"), formatDateTime(item.startedAt, i18n.language, "Europe/Paris")],
                [t("casePage.mediation.facts.startedBy"), item.startedByName],
                [t("casePage.mediation.facts.status"), item.endedAt ? t("casePage.mediation.facts.ended", { at: formatDateTime(item.endedAt, i18n.language, "Europe/Paris") }) : t("casePage.mediation.facts.running")],
                ...(item.outcome ? ([[t("casePage.mediation.facts.outcome"), t(`casePage.mediation.outcomes.${item.outcome}`)]] as [string, string][]) : []),
                ...(item.nextStep ? ([[t("casePage.mediation.facts.nextStep"), t(`casePage.mediation.nextSteps.${item.nextStep}`)]] as [string, string][]) : []),
                ...(item.outcomeNotes ? ([[t("casePage.mediation.facts.notes"), item.outcomeNotes]] as [string, string][]) : []),
              ]}
            />
            {item === latest && page.case.status === "mediation" && (item.outcome === "agreement" || item.outcome === "partial_agreement") ? <p>{t("casePage.mediation.afterAgreement")}</p> : null}
            {item === latest && page.case.status === "mediation" && item.nextStep === "litigation" ? <p>{t("casePage.mediation.awaitingLitigation")}</p> : null}
            <h4>{t("casePage.mediation.sessions.title")}</h4>
            <ListOrNone items={item.sessions} none={t("casePage.mediation.sessions.none")} className="stack" data-testid="mediation-sessions">
              {(session) => (
                <li key={session.id}>
                  <strong>{t("casePage.mediation.sessions.session", { date: formatDate(session.heldOn, i18n.language) })}</strong> — {t(`casePage.mediation.sessions.visibility.${session.visibility}`)}
                  <Facts
                    wrap
                    rows={[
                      [t("casePage.mediation.sessions.participants"), session.participants],
                      [t("casePage.mediation.sessions.notes"), session.notes],
                    ]}
                  />
                  <p className="muted">{t("casePage.mediation.sessions.recordedBy", { name: session.recordedByName })}</p>
                </li>
              )}
            </ListOrNone>
          </li>
        )}
      </ListOrNone>
      {m.can.recordSession && m.sessionDates ? (
        <IntentForm form={sessionForm} aria-label={t("casePage.mediation.session.title")}>
          <h3>{t("casePage.mediation.session.title")}</h3>
          <Field id="mediation-session-date" type="date" label={t("casePage.mediation.session.heldOn")} min={m.sessionDates.min} max={m.sessionDates.max} {...bind(sessionFields.heldOn, m.sessionDates.max)} />
          <Field id="mediation-session-participants" label={t("casePage.mediation.session.participants")} {...bind(sessionFields.participants)} />
          <TextareaField id="mediation-session-notes" label={t("casePage.mediation.session.notes")} {...bind(sessionFields.notes)} />
          <ChoiceGroup
            id="mediation-session-visibility"
            name={sessionFields.visibility.name}
            legend={t("casePage.mediation.session.visibility")}
            type="radio"
            defaultValues={[typeof sessionFields.visibility.initialValue === "string" ? sessionFields.visibility.initialValue : "internal"]}
            options={(["internal", "shared"] as const).map((value) => ({ value, label: t(`casePage.mediation.sessions.visibility.${value}`) }))}
            errors={sessionFields.visibility.errors}
          />
          <SubmitRow variant="secondary">{t("casePage.mediation.session.submit")}</SubmitRow>
        </IntentForm>
      ) : null}
      {m.can.recordOutcome ? (
        <IntentForm form={outcomeForm} aria-label={t("casePage.mediation.outcome.title")}>
          <h3>{t("casePage.mediation.outcome.title")}</h3>
          <SelectField
            id="mediation-outcome"
            label={t("casePage.mediation.outcome.outcome")}
            {...bind(outcomeFields.outcome)}
            options={[{ value: "", label: "—" }, ...(["agreement", "partial_agreement", "failure"] as const).map((value) => ({ value, label: t(`casePage.mediation.outcomes.${value}`) }))]}
          />
          <SelectField
            id="mediation-next-step"
            label={t("casePage.mediation.outcome.nextStep")}
            {...bind(outcomeFields.nextStep)}
            options={[{ value: "", label: "—" }, ...(["investigation", "litigation"] as const).map((value) => ({ value, label: t(`casePage.mediation.nextSteps.${value}`) }))]}
          />
          <TextareaField id="mediation-outcome-notes" label={t("casePage.mediation.outcome.notes")} {...bind(outcomeFields.notes)} />
          <SubmitRow>{t("casePage.mediation.outcome.submit")}</SubmitRow>
        </IntentForm>
      ) : null}
      {m.can.start ? (
        <IntentForm form={startForm} aria-label={t("casePage.mediation.start.title")}>
          <h3>{t("casePage.mediation.start.title")}</h3>
          <p className="muted">{t("casePage.mediation.start.hint")}</p>
          <ChoiceGroup
            id="mediation-kind"
            name={startFields.kind.name}
            legend={t("casePage.mediation.start.kind")}
            type="radio"
            defaultValues={[typeof startFields.kind.initialValue === "string" ? startFields.kind.initialValue : "internal"]}
            options={(["internal", "external"] as const).map((value) => ({ value, label: t(`casePage.mediation.start.kinds.${value}`) }))}
            errors={startFields.kind.errors}
          />
          {m.mediators.length > 0 ? (
            <SelectField
              id="mediation-mediator"
              label={t("casePage.mediation.start.mediator")}
              {...bind(startFields.mediatorUserId)}
              options={[{ value: "", label: "—" }, ...m.mediators.map((mediator) => ({ value: mediator.id, label: mediator.name }))]}
            />
          ) : (
            <p className="muted">{t("casePage.mediation.start.noMediator")}</p>
          )}
          <Field id="mediation-external-name" label={t("casePage.mediation.start.externalName")} {...bind(startFields.externalName)} />
          <Field id="mediation-external-organisation" label={t("casePage.mediation.start.externalOrganisation")} hint={t("casePage.mediation.start.externalOrganisationHint")} {...bind(startFields.externalOrganisation)} />
          <Field id="mediation-external-email" type="email" label={t("casePage.mediation.start.externalEmail")} {...bind(startFields.externalEmail)} />
          <Field id="mediation-external-reference" label={t("casePage.mediation.start.externalReference")} {...bind(startFields.externalReference)} />
          <SubmitRow>{t("casePage.mediation.start.submit")}</SubmitRow>
        </IntentForm>
      ) : null}
    </Section>
  );
}
