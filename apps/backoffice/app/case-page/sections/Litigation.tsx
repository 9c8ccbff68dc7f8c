/** The case's « Contentieux »: the hand-over to legal, the procedure's steps with their documents, the legal costs and their total, and the two endings (judgment, settlement out of court). */
import type { HandOverToLegalInput, RecordJudgmentInput, RecordLegalCostInput, RecordLegalStepInput, SettleOutOfCourtInput, StaffLitigation } from "@accord/core";
import { DataTable, EmptyState, Facts, Field, formatDate, formatDateTime, formatMoney } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { bind, CaseUploader, ChoiceGroup, SelectField, SubmitRow, TextareaField } from "../fields";
import { Section, useCaseForm, type SectionProps } from "../parts";

const RECORDABLE = ["formal_notice", "injunction_to_pay", "court_hearing"] as const;
const RULINGS = ["supplier", "customer", "partly"] as const;

export function Litigation({ page, actionData, litigation: l, maxUploadBytes, today }: SectionProps & { litigation: StaffLitigation; maxUploadBytes: number; today: string }) {
  const { t, i18n } = useTranslation();
  const [handOverForm, handOver] = useCaseForm<HandOverToLegalInput>("handOverToLegal", actionData);
  const [stepForm, step] = useCaseForm<RecordLegalStepInput>("recordLegalStep", actionData);
  const [costForm, cost] = useCaseForm<RecordLegalCostInput>("recordLegalCost", actionData);
  const [judgmentForm, judgment] = useCaseForm<RecordJudgmentInput>("recordJudgment", actionData);
  const [outOfCourtForm, outOfCourt] = useCaseForm<SettleOutOfCourtInput>("settleOutOfCourt", actionData);
  if (!l.litigation && !l.can.handOver) return null;
  const money = (cents: number) => formatMoney(cents, l.currency, i18n.language);
  const none = t("casePage.none");
  const shared = (id: string, name: string, errors: string[] | undefined, initialValue: unknown) => (
    <ChoiceGroup
      id={id}
      legend={t("casePage.litigation.steps.sharedLegend")}
      name={name}
      type="checkbox"
      defaultValues={initialValue === "on" ? ["on"] : []}
      options={[{ value: "on", label: t("casePage.litigation.steps.sharedOption") }]}
      errors={errors}
    />
  );
  return (
    <Section id="litigation" title={t("casePage.litigation.title")}>
      {l.litigation ? (
        <Facts
          wrap
          rows={[
            [t("casePage.litigation.facts.reason"), l.litigation.reason],
            [t("casePage.litigation.facts.amountAtStake"), money(l.litigation.amountAtStakeCents)],
            [t("casePage.litigation.facts.handedOverBy"), l.litigation.handedOverByName ?? none],
            [t("casePage.litigation.facts.handedOverAt"), formatDateTime(l.litigation.handedOverAt, i18n.language, "Europe/Paris")],
            [t("casePage.litigation.facts.ending"), <span key="ending" data-testid="litigation-ending">{t(`casePage.litigation.endings.${l.litigation.ending ?? "open"}`)}</span>],
            ...(l.litigation.ending === "settled_out_of_court"
              ? ([
                  [t("casePage.litigation.facts.settlementAmount"), money(l.litigation.settlementAmountCents ?? 0)],
                  [t("casePage.litigation.facts.settlementTerms"), l.litigation.settlementTerms ?? none],
                ] as [string, string][])
              : []),
          ]}
        />
      ) : null}
      {l.can.handOver ? (
        <IntentForm form={handOverForm} aria-label={t("casePage.litigation.handOver.title")}>
          <h3>{t("casePage.litigation.handOver.title")}</h3>
          <p className="muted">{t("casePage.litigation.handOver.hint")}</p>
          <TextareaField id="litigation-reason" label={t("casePage.litigation.handOver.reason")} {...bind(handOver.reason)} />
          <Field id="litigation-amount" label={t("casePage.litigation.handOver.amountAtStake")} hint={t("casePage.litigation.handOver.amountHint")} inputMode="decimal" {...bind(handOver.amountAtStake)} />
          <SubmitRow>{t("casePage.litigation.handOver.submit")}</SubmitRow>
        </IntentForm>
      ) : null}
      {l.litigation ? (
        <>
          <h3>{t("casePage.litigation.steps.title")}</h3>
          <DataTable
            caption={t("casePage.litigation.steps.caption")}
            rows={l.steps}
            rowKey={(s) => s.id}
            empty={<EmptyState title={t("casePage.litigation.steps.none")} />}
            columns={[
              { key: "kind", header: t("casePage.litigation.steps.kind"), rowHeader: true, cell: (s) => t(`casePage.litigation.kinds.${s.kind}`) },
              { key: "date", header: t("casePage.litigation.steps.date"), cell: (s) => formatDate(s.date, i18n.language) },
              {
                key: "notes",
                header: t("casePage.litigation.steps.notes"),
                cell: (s) =>
                  s.ruling
                    ? [t("casePage.litigation.judgmentSummary", { ruling: t(`casePage.litigation.rulings.${s.ruling}`), granted: money(s.grantedCents ?? 0), owed: money(s.owedCents ?? 0) }), s.notes]
                        .filter(Boolean)
                        .join(" · ")
                    : (s.notes ?? none),
              },
              {
                key: "document",
                header: t("casePage.litigation.steps.document"),
                cell: (s) =>
                  s.document ? (
                    <a href={`/cases/${page.case.reference}/evidence/${s.document.id}`} download>
                      {s.document.fileName}
                    </a>
                  ) : (
                    none
                  ),
              },
              { key: "shared", header: t("casePage.litigation.steps.shared"), cell: (s) => (s.shared ? t("casePage.litigation.steps.yes") : t("casePage.litigation.steps.no")) },
            ]}
          />
          {l.can.recordStep ? (
            <IntentForm form={stepForm} encType="multipart/form-data" aria-label={t("casePage.litigation.steps.add")}>
              <h4>{t("casePage.litigation.steps.add")}</h4>
              <SelectField
                id="step-kind"
                label={t("casePage.litigation.steps.kindField")}
                {...bind(step.kind)}
                options={[{ value: "", label: "—" }, ...RECORDABLE.map((kind) => ({ value: kind, label: t(`casePage.litigation.kinds.${kind}`) }))]}
              />
              <Field id="step-date" type="date" label={t("casePage.litigation.steps.dateField")} {...bind(step.date)} />
              <TextareaField id="step-notes" label={t("casePage.litigation.steps.notesField")} {...bind(step.notes)} />
              {shared("step-shared", step.shared.name, step.shared.errors, step.shared.initialValue)}
              <CaseUploader id="step-document" label={t("casePage.litigation.steps.documentField")} intent="recordLegalStep" actionData={actionData} maxUploadBytes={maxUploadBytes} errors={step.uploadIds.errors} />
              <SubmitRow variant="secondary">{t("casePage.litigation.steps.submit")}</SubmitRow>
            </IntentForm>
          ) : null}
          <h3>{t("casePage.litigation.costs.title")}</h3>
          <DataTable
            caption={t("casePage.litigation.costs.caption")}
            rows={l.costs}
            rowKey={(c) => c.id}
            empty={<EmptyState title={t("casePage.litigation.costs.none")} />}
            columns={[
              { key: "label", header: t("casePage.litigation.costs.label"), rowHeader: true, cell: (c) => c.label },
              { key: "date", header: t("casePage.litigation.costs.date"), cell: (c) => formatDate(c.date, i18n.language) },
              { key: "amount", header: t("casePage.litigation.costs.amount"), align: "end", cell: (c) => money(c.amountCents) },
              { key: "by", header: t("casePage.litigation.costs.by"), cell: (c) => c.recordedByName ?? none },
            ]}
          />
          <p data-testid="legal-costs-total">
            <strong>{t("casePage.litigation.costs.total", { total: money(l.totalCostsCents) })}</strong>
          </p>
          {l.can.recordCost ? (
            <IntentForm form={costForm} aria-label={t("casePage.litigation.costs.add")}>
              <h4>{t("casePage.litigation.costs.add")}</h4>
              <Field id="cost-label" label={t("casePage.litigation.costs.labelField")} {...bind(cost.label)} />
              <Field id="cost-amount" label={t("casePage.litigation.costs.amountField")} inputMode="decimal" {...bind(cost.amount)} />
              <Field id="cost-date" type="date" label={t("casePage.litigation.costs.dateField")} {...bind(cost.date, today)} />
              <SubmitRow variant="secondary">{t("casePage.litigation.costs.submit")}</SubmitRow>
            </IntentForm>
          ) : null}
        </>
      ) : null}
      {l.can.end ? (
        <>
          <IntentForm form={judgmentForm} encType="multipart/form-data" aria-label={t("casePage.litigation.judgment.title")}>
            <h3>{t("casePage.litigation.judgment.title")}</h3>
            <p className="muted">{t("casePage.litigation.judgment.hint")}</p>
            <Field id="judgment-date" type="date" label={t("casePage.litigation.judgment.date")} {...bind(judgment.date)} />
            <SelectField
              id="judgment-ruling"
              label={t("casePage.litigation.judgment.ruling")}
              {...bind(judgment.ruling)}
              options={[{ value: "", label: "—" }, ...RULINGS.map((ruling) => ({ value: ruling, label: t(`casePage.litigation.rulings.${ruling}`) }))]}
            />
            <Field id="judgment-granted" label={t("casePage.litigation.judgment.granted")} inputMode="decimal" {...bind(judgment.granted)} />
            <Field id="judgment-owed" label={t("casePage.litigation.judgment.owed")} inputMode="decimal" {...bind(judgment.owed)} />
            <TextareaField id="judgment-notes" label={t("casePage.litigation.judgment.notes")} {...bind(judgment.notes)} />
            {shared("judgment-shared", judgment.shared.name, judgment.shared.errors, judgment.shared.initialValue)}
            <CaseUploader id="judgment-document" label={t("casePage.litigation.judgment.document")} intent="recordJudgment" actionData={actionData} maxUploadBytes={maxUploadBytes} errors={judgment.uploadIds.errors} />
            <SubmitRow>{t("casePage.litigation.judgment.submit")}</SubmitRow>
          </IntentForm>
          <IntentForm form={outOfCourtForm} aria-label={t("casePage.litigation.outOfCourt.title")}>
            <h3>{t("casePage.litigation.outOfCourt.title")}</h3>
            <Field id="out-of-court-amount" label={t("casePage.litigation.outOfCourt.amount")} inputMode="decimal" {...bind(outOfCourt.amount)} />
            <TextareaField id="out-of-court-terms" label={t("casePage.litigation.outOfCourt.terms")} {...bind(outOfCourt.terms)} />
            <SubmitRow variant="secondary">{t("casePage.litigation.outOfCourt.submit")}</SubmitRow>
          </IntentForm>
        </>
      ) : null}
    </Section>
  );
}
