/**
 * The back-office case page: header, SLA panel, customer panel, lines and price check,
 * qualification, the actions the domain allows, tasks, evidence requests, conversation, evidence,
 * root cause, stakeholders, time log and the full timeline. Every form posts to the route's action
 * (one intent each) and works without JavaScript.
 */
import type {
  AddInternalNoteInput,
  AddStaffEvidenceInput,
  AddTaskInput,
  AssignCaseInput,
  LogTimeInput,
  MergeDuplicateInput,
  NotifyStakeholdersInput,
  PostStaffReplyInput,
  PriceCheckLine,
  PromoteToDisputeInput,
  QualifyCaseInput,
  RejectCaseInput,
  RequestEvidenceInput,
  SetRootCauseInput,
  StaffCase,
} from "@accord/core";
import { Alert, Button, DataTable, EmptyState, EvidenceUploader, Field, formatDate, formatDateTime, formatMoney, PageHeader, uploaderLimits } from "@accord/ui";
import { getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link, useSearchParams } from "react-router";
import type { CaseActionData } from "../.server/case-page";
import { ChoiceGroup, FormErrors, initial, SelectField, TextareaField, useCaseForm } from "./fields";

type T = ReturnType<typeof useTranslation>["t"];

export interface CasePageProps {
  page: StaffCase;
  priceCheck: PriceCheckLine[] | null;
  today: string;
  /** Largest evidence file (UPLOAD_MAX_BYTES): the uploaders refuse a larger one before sending it. */
  maxUploadBytes: number;
  actionData: CaseActionData | null;
}

const CASE_TYPES = ["quality", "delivery", "price_billing", "compliance", "other"] as const;
const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
const STAKEHOLDER_GROUPS = ["sales", "operations", "finance", "legal"] as const;

/** Business minutes as "3 h 20 min". */
function duration(t: T, minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  return t("casePage.sla.minutes", { hours: Math.floor(whole / 60), minutes: whole % 60 });
}

function quantity(milli: number | null, language: string): string {
  if (milli === null) return "—";
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 3 }).format(milli / 1000);
}

function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section id={id} className="card stack" aria-labelledby={`${id}-title`} style={{ marginTop: "1.5rem" }}>
      <h2 id={`${id}-title`} style={{ marginTop: 0 }}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function CasePage({ page, priceCheck, today, maxUploadBytes, actionData }: CasePageProps) {
  const { t } = useTranslation();
  const c = page.case;
  return (
    <>
      <p>
        <Link to="/">{t("casePage.back")}</Link>
      </p>
      <PageHeader eyebrow={page.customer.account.name} title={t("casePage.title", { reference: c.reference })} description={c.title} />
      <CaseHeader page={page} />
      {c.mergedIntoReference ? (
        <Alert tone="info">
          <Link to={`/cases/${c.mergedIntoReference}`}>{t("casePage.mergedInto", { reference: c.mergedIntoReference })}</Link>
        </Alert>
      ) : null}
      {page.admissibilityWarnings.length > 0 ? (
        <Alert tone="warning" title={t("casePage.warnings.title")}>
          <ul>
            {page.admissibilityWarnings.map((warning) => (
              <li key={warning.code}>{t(`casePage.warnings.${warning.code}`, warning.params as Record<string, string | number>)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <SlaPanel page={page} />
      <CustomerPanel page={page} />
      <Section id="description" title={t("casePage.sections.description")}>
        <p style={{ whiteSpace: "pre-line" }}>{c.description}</p>
      </Section>
      <LinesSection page={page} priceCheck={priceCheck} />
      <QualificationSection page={page} actionData={actionData} />
      <ActionsSection page={page} actionData={actionData} />
      <TasksSection page={page} actionData={actionData} />
      <EvidenceRequestsSection page={page} actionData={actionData} today={today} />
      <ConversationSection page={page} actionData={actionData} maxUploadBytes={maxUploadBytes} />
      <EvidenceSection page={page} actionData={actionData} maxUploadBytes={maxUploadBytes} />
      <RootCauseSection page={page} actionData={actionData} />
      <StakeholdersSection page={page} actionData={actionData} />
      <TimeSection page={page} actionData={actionData} today={today} />
      <TimelineSection page={page} />
    </>
  );
}

function CaseHeader({ page }: { page: StaffCase }) {
  const { t, i18n } = useTranslation();
  const c = page.case;
  const sla = page.sla;
  return (
    <dl className="definition-list" aria-label={t("casePage.title", { reference: c.reference })}>
      <dt>{t("casePage.statusLabel")}</dt>
      <dd>
        <span className="badge" data-testid="case-status">
          {t(`caseStatus.${c.status}`)}
        </span>
      </dd>
      <dt>{t("casePage.kindLabel")}</dt>
      <dd>{t(`casePage.kind.${c.kind}`)}</dd>
      <dt>{t("casePage.priorityLabel")}</dt>
      <dd>
        <span className="badge">{c.priority}</span> {t(`caseType.${c.type}`)}
      </dd>
      <dt>{t("casePage.team")}</dt>
      <dd>{c.team?.name ?? t("casePage.noTeam")}</dd>
      <dt>{t("casePage.assignee")}</dt>
      <dd>{c.assignee?.name ?? t("casePage.unassigned")}</dd>
      <dt>{t("casePage.receivedLabel")}</dt>
      <dd>
        {formatDateTime(c.receivedAt, i18n.language)} — {t("casePage.channel", { channel: t(`casePage.channels.${c.channel}`) })}
      </dd>
      {sla ? (
        <>
          <dt>{t("casePage.sections.sla")}</dt>
          <dd>
            <span className="badge">
              {t("casePage.sla.badge", { target: t("casePage.sla.firstResponse"), state: t(`casePage.sla.state.${sla.firstResponse.state}`) })}
            </span>{" "}
            <span className="badge">
              {t("casePage.sla.badge", { target: t("casePage.sla.resolution"), state: t(`casePage.sla.state.${sla.resolution.state}`) })}
            </span>{" "}
            {sla.paused ? <span className="badge">{t("casePage.sla.paused")}</span> : null}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function SlaPanel({ page }: { page: StaffCase }) {
  const { t, i18n } = useTranslation();
  const sla = page.sla;
  return (
    <Section id="sla" title={t("casePage.sections.sla")}>
      {!sla ? (
        <p>{t("casePage.sla.none")}</p>
      ) : (
        <>
          <p className="muted">{t("casePage.sla.policy", { name: sla.policyName })}</p>
          <p data-testid="sla-clock">{t("casePage.sla.clockNow", { state: t(`casePage.sla.clockState.${sla.resolution.clock}`) })}</p>
          <DataTable
            caption={t("casePage.sections.sla")}
            rows={[
              { key: "firstResponse", status: sla.firstResponse },
              { key: "resolution", status: sla.resolution },
            ]}
            rowKey={(row) => row.key}
            empty={null}
            columns={[
              { key: "target", header: t("casePage.sla.target"), rowHeader: true, cell: (row) => t(`casePage.sla.${row.key}`) },
              {
                key: "deadline",
                header: t("casePage.sla.deadline"),
                cell: (row) =>
                  row.status.completedAt
                    ? t("casePage.sla.completed", { date: formatDateTime(row.status.completedAt, i18n.language) })
                    : row.status.deadlineAt
                      ? formatDateTime(row.status.deadlineAt, i18n.language)
                      : t("casePage.sla.noDeadline"),
              },
              { key: "elapsed", header: t("casePage.sla.elapsed"), align: "end", cell: (row) => `${duration(t, row.status.elapsedMinutes)} / ${duration(t, row.status.targetMinutes)}` },
              { key: "clock", header: t("casePage.sla.clock"), cell: (row) => t(`casePage.sla.clockState.${row.status.clock}`) },
              { key: "state", header: t("casePage.statusLabel"), cell: (row) => t(`casePage.sla.state.${row.status.state}`) },
            ]}
          />
          <h3>{t("casePage.sla.pausedIntervals")}</h3>
          {sla.pausedIntervals.length === 0 ? (
            <p>{t("casePage.sla.noPause")}</p>
          ) : (
            <ul data-testid="paused-intervals">
              {sla.pausedIntervals.map((interval) => (
                <li key={interval.from.toString()}>
                  {t(`caseStatus.${interval.status}`)} — {t("casePage.sla.pausedFrom", { from: formatDateTime(interval.from, i18n.language) })}{" "}
                  {interval.to ? t("casePage.sla.pausedTo", { to: formatDateTime(interval.to, i18n.language) }) : `(${t("casePage.sla.ongoing")})`}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Section>
  );
}

function CustomerPanel({ page }: { page: StaffCase }) {
  const { t, i18n } = useTranslation();
  const { account, contact } = page.customer;
  const clauses = account.clauses;
  return (
    <Section id="customer" title={t("casePage.sections.customer")}>
      <dl className="definition-list">
        <dt>{t("casePage.customer.account")}</dt>
        <dd>{account.name}</dd>
        <dt>{t("casePage.customer.tier")}</dt>
        <dd>{t(`casePage.customer.tiers.${account.tier}`)}</dd>
        <dt>{t("casePage.customer.paymentTerm")}</dt>
        <dd>{t(`casePage.customer.paymentTerms.${account.paymentTerm.kind}`, { days: account.paymentTerm.days })}</dd>
        <dt>{t("casePage.customer.revenue")}</dt>
        <dd>{account.yearlyRevenueCents === null ? t("casePage.none") : formatMoney(account.yearlyRevenueCents, page.case.currency, i18n.language)}</dd>
        <dt>{t("casePage.customer.clauses")}</dt>
        <dd>
          <ul>
            <li>
              {clauses.claimDeadlineDays === null
                ? t("casePage.customer.noClaimDeadline")
                : t("casePage.customer.claimDeadline", { days: clauses.claimDeadlineDays })}
            </li>
            <li>{clauses.penalty?.applies ? t("casePage.customer.penalty") : t("casePage.customer.noPenalty")}</li>
            <li>{clauses.mediation?.applies ? t("casePage.customer.mediation") : t("casePage.customer.noMediation")}</li>
            {clauses.priceIndexation ? (
              <li>{t("casePage.customer.indexation", { index: clauses.priceIndexation.index, base: clauses.priceIndexation.baseValue })}</li>
            ) : null}
          </ul>
        </dd>
        <dt>{t("casePage.customer.contact")}</dt>
        <dd>
          {contact.name} — {contact.email}
        </dd>
      </dl>
      <h3>{t("casePage.customer.openCases")}</h3>
      {page.customer.otherOpenCases.length === 0 ? (
        <p>{t("casePage.customer.noOpenCases")}</p>
      ) : (
        <ul>
          {page.customer.otherOpenCases.map((other) => (
            <li key={other.reference}>
              <Link to={`/cases/${other.reference}`}>{other.reference}</Link> — {other.title} ({t(`caseStatus.${other.status}`)})
            </li>
          ))}
        </ul>
      )}
      <h3>{t("casePage.customer.recurrences", { days: page.customer.recurrenceWindowDays })}</h3>
      <p className="muted">{t(`casePage.customer.recurrenceBasis.${page.customer.recurrenceBasis}`)}</p>
      {page.customer.recurrences.length === 0 ? (
        <p>{t("casePage.customer.noRecurrences")}</p>
      ) : (
        <ul>
          {page.customer.recurrences.map((other) => (
            <li key={other.reference}>
              <Link to={`/cases/${other.reference}`}>{other.reference}</Link> — {other.title} ({formatDate(other.receivedAt, i18n.language)})
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function LinesSection({ page, priceCheck }: { page: StaffCase; priceCheck: PriceCheckLine[] | null }) {
  const { t, i18n } = useTranslation();
  const money = (cents: number | null) => (cents === null ? t("casePage.none") : formatMoney(cents, page.case.currency, i18n.language));
  return (
    <Section id="lines" title={t("casePage.sections.lines")}>
      <DataTable
        caption={t("casePage.lines.caption")}
        rows={page.lines}
        rowKey={(line) => line.id}
        empty={<EmptyState title={t("casePage.lines.none")} />}
        columns={[
          { key: "invoice", header: t("casePage.lines.invoice"), rowHeader: true, cell: (l) => `${l.invoiceNumber} / ${l.lineNo}` },
          { key: "description", header: t("casePage.lines.description"), cell: (l) => (l.productCode ? `${l.description} (${l.productCode})` : l.description) },
          {
            key: "invoiced",
            header: t("casePage.lines.invoiced"),
            align: "end",
            cell: (l) => `${quantity(l.quantityMilli, i18n.language)} ${l.unit} × ${money(l.unitPriceCents)}`,
          },
          {
            key: "contested",
            header: t("casePage.lines.contested"),
            align: "end",
            cell: (l) =>
              [
                l.contestedQuantityMilli !== null ? `${quantity(l.contestedQuantityMilli, i18n.language)} ${l.unit}` : null,
                l.contestedUnitPriceCents !== null ? money(l.contestedUnitPriceCents) : null,
              ]
                .filter(Boolean)
                .join(" — "),
          },
          { key: "disputed", header: t("casePage.lines.disputed"), align: "end", cell: (l) => money(l.disputedAmountCents) },
        ]}
      />
      <p>
        <strong>{t("casePage.lines.total", { amount: money(page.case.disputedAmountCents) })}</strong>
      </p>
      {priceCheck ? (
        <>
          <h3 id="price-check">{t("casePage.sections.priceCheck")}</h3>
          <DataTable
            caption={t("casePage.priceCheck.caption")}
            captionVisible
            rows={priceCheck}
            rowKey={(line) => line.caseLineId}
            empty={<EmptyState title={t("casePage.lines.none")} />}
            columns={[
              { key: "line", header: t("casePage.lines.invoice"), rowHeader: true, cell: (l) => `${l.invoiceNumber} / ${l.lineNo} (${formatDate(l.issueDate, i18n.language)})` },
              { key: "invoiced", header: t("casePage.priceCheck.invoiced"), align: "end", cell: (l) => money(l.invoicedUnitPriceCents) },
              {
                key: "agreed",
                header: t("casePage.priceCheck.agreed"),
                cell: (l) =>
                  l.indexation
                    ? `${money(l.agreedUnitPriceCents)} — ` + t("casePage.priceCheck.indexed", {
                        index: l.indexation.indexCode,
                        month: l.indexation.month.slice(0, 7),
                        value: l.indexation.value ?? "?",
                        base: l.indexation.baseValue,
                      })
                    : money(l.agreedUnitPriceCents),
              },
              { key: "contracted", header: t("casePage.priceCheck.contracted"), align: "end", cell: (l) => money(l.contractedUnitPriceCents) },
              {
                key: "difference",
                header: t("casePage.priceCheck.difference"),
                align: "end",
                cell: (l) => (l.status === "ok" ? money(l.differenceCents) : t(`casePage.priceCheck.status.${l.status}`)),
              },
            ]}
          />
        </>
      ) : null}
    </Section>
  );
}

function QualificationSection({ page, actionData }: { page: StaffCase; actionData: CaseActionData | null }) {
  const { t } = useTranslation();
  const c = page.case;
  const [form, fields] = useCaseForm<QualifyCaseInput>("qualify", actionData);
  const [assignForm, assignFields] = useCaseForm<AssignCaseInput>("assign", actionData);
  const impact = page.impact;
  const teamOptions = [{ value: "", label: t("casePage.noTeam") }, ...page.options.teams.map((team) => ({ value: team.id, label: team.name }))];
  const staffOptions = [{ value: "", label: t("casePage.unassigned") }, ...page.options.staff.map((s) => ({ value: s.id, label: s.name }))];
  const factorDetail = (factor: (typeof impact.factors)[number]) => {
    const d = factor.detail;
    if (factor.factor === "penaltyClause") return d.penaltyClause ? t("casePage.impact.yes") : t("casePage.impact.no");
    if (factor.factor === "tier") return t(`casePage.customer.tiers.${String(d.tier)}`);
    if (factor.factor === "revenueShare") return d.sharePercent === null ? t("casePage.impact.unknown") : `${String(d.sharePercent)} %`;
    if (factor.factor === "amount") return formatMoney(Number(d.disputedCents), c.currency, "fr");
    return String(d.count);
  };
  return (
    <Section id="qualification" title={t("casePage.sections.qualification")}>
      <p>
        <strong>{t("casePage.impact.title", { score: impact.score })}</strong> — <span data-testid="implied-priority">{t("casePage.impact.implies", { priority: impact.priority })}</span>
      </p>
      <DataTable
        caption={t("casePage.impact.caption")}
        rows={impact.factors}
        rowKey={(f) => f.factor}
        empty={null}
        columns={[
          { key: "factor", header: t("casePage.impact.factor"), rowHeader: true, cell: (f) => t(`casePage.impact.factors.${f.factor}`) },
          { key: "detail", header: t("casePage.impact.detail"), cell: factorDetail },
          { key: "points", header: t("casePage.impact.points"), align: "end", cell: (f) => `${f.points} / ${f.weight}` },
        ]}
      />
      {page.can.qualify ? (
        <Form method="post" className="form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="qualify" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <SelectField
            id="qualify-type"
            name={fields.type.name}
            label={t("casePage.qualify.type")}
            defaultValue={initial(fields.type.initialValue, c.type)}
            errors={fields.type.errors}
            options={CASE_TYPES.map((type) => ({ value: type, label: t(`caseType.${type}`) }))}
          />
          <SelectField
            id="qualify-priority"
            name={fields.priority.name}
            label={t("casePage.qualify.priority")}
            hint={t("casePage.qualify.priorityHint")}
            defaultValue={initial(fields.priority.initialValue, page.derived.proposedPriority)}
            errors={fields.priority.errors}
            options={PRIORITIES.map((p) => ({ value: p, label: p }))}
          />
          <SelectField
            id="qualify-team"
            name={fields.teamId.name}
            label={t("casePage.qualify.team")}
            defaultValue={initial(fields.teamId.initialValue, c.team?.id ?? "")}
            errors={fields.teamId.errors}
            options={teamOptions}
          />
          <SelectField
            id="qualify-assignee"
            name={fields.assigneeId.name}
            label={t("casePage.qualify.assignee")}
            defaultValue={initial(fields.assigneeId.initialValue, c.assignee?.id ?? "")}
            errors={fields.assigneeId.errors}
            options={staffOptions}
          />
          <div className="form__actions">
            <Button type="submit">{page.derived.firstQualification ? t("casePage.qualify.submitReceived") : t("casePage.qualify.submit")}</Button>
          </div>
        </Form>
      ) : page.can.assign ? (
        <Form method="post" className="form" {...getFormProps(assignForm)}>
          <input type="hidden" name="intent" value="assign" />
          <FormErrors id={assignForm.errorId} errors={assignForm.errors} />
          <SelectField
            id="assign-team"
            name={assignFields.teamId.name}
            label={t("casePage.qualify.team")}
            defaultValue={initial(assignFields.teamId.initialValue, c.team?.id ?? "")}
            errors={assignFields.teamId.errors}
            options={teamOptions}
          />
          <SelectField
            id="assign-assignee"
            name={assignFields.assigneeId.name}
            label={t("casePage.qualify.assignee")}
            defaultValue={initial(assignFields.assigneeId.initialValue, c.assignee?.id ?? "")}
            errors={assignFields.assigneeId.errors}
            options={staffOptions}
          />
          <div className="form__actions">
            <Button type="submit">{t("casePage.assign.submit")}</Button>
          </div>
        </Form>
      ) : null}
    </Section>
  );
}

function ActionsSection({ page, actionData }: { page: StaffCase; actionData: CaseActionData | null }) {
  const { t } = useTranslation();
  const others = page.can.reservedToOtherRoles.map((command) => t(`casePage.commands.${command}`));
  const [startForm] = useCaseForm("startInvestigation", actionData);
  const [promoteForm, promoteFields] = useCaseForm<PromoteToDisputeInput>("promote", actionData);
  const [rejectForm, rejectFields] = useCaseForm<RejectCaseInput>("reject", actionData);
  const [mergeForm, mergeFields] = useCaseForm<MergeDuplicateInput>("merge", actionData);
  const forms = { startInvestigation: startForm, promote: promoteForm, reject: rejectForm, merge: mergeForm } as const;
  const failed = actionData && actionData.intent in forms ? forms[actionData.intent as keyof typeof forms] : null;
  const refusal = { id: failed?.errorId ?? "actions-error", errors: failed?.errors };
  return (
    <Section id="actions" title={t("casePage.sections.actions")}>
      {/* A refusal shows here, not in its form: after it the case may have moved on and the form be gone. */}
      <FormErrors id={refusal.id} errors={refusal.errors} />
      {page.case.terminal ? <p>{t("casePage.ended")}</p> : null}
      {page.actions.length === 0 ? <p>{t("casePage.actions.none")}</p> : null}
      {page.can.startInvestigation ? (
        <Form method="post" className="form" {...getFormProps(startForm)}>
          <input type="hidden" name="intent" value="startInvestigation" />
          <p className="muted">{t("casePage.actions.startInvestigationHint")}</p>
          <div className="form__actions">
            <Button type="submit">{t("casePage.actions.startInvestigation")}</Button>
          </div>
        </Form>
      ) : null}
      {page.can.promote ? (
        <Form method="post" className="form" {...getFormProps(promoteForm)}>
          <input type="hidden" name="intent" value="promote" />
          <Field
            id="promote-reason"
            name={promoteFields.reason.name}
            label={t("casePage.actions.promoteReason")}
            defaultValue={initial(promoteFields.reason.initialValue)}
            errors={promoteFields.reason.errors}
          />
          <div className="form__actions">
            <Button type="submit" variant="secondary">
              {t("casePage.actions.promote")}
            </Button>
          </div>
        </Form>
      ) : null}
      {page.can.merge ? (
        <Form method="post" className="form" {...getFormProps(mergeForm)}>
          <input type="hidden" name="intent" value="merge" />
          <Field
            id="merge-original"
            name={mergeFields.originalReference.name}
            label={t("casePage.actions.mergeOriginal")}
            hint={t("casePage.actions.mergeHint")}
            placeholder="LIT-2026-000123"
            defaultValue={initial(mergeFields.originalReference.initialValue)}
            errors={mergeFields.originalReference.errors}
          />
          <div className="form__actions">
            <Button type="submit" variant="secondary">
              {t("casePage.actions.merge")}
            </Button>
          </div>
        </Form>
      ) : null}
      {page.can.reject ? (
        <Form method="post" className="form" {...getFormProps(rejectForm)}>
          <input type="hidden" name="intent" value="reject" />
          <TextareaField
            id="reject-reasons"
            name={rejectFields.reasons.name}
            label={t("casePage.actions.rejectReasons")}
            hint={t("casePage.actions.rejectHint")}
            defaultValue={initial(rejectFields.reasons.initialValue)}
            errors={rejectFields.reasons.errors}
          />
          <div className="form__actions">
            <Button type="submit" variant="danger">
              {t("casePage.actions.reject")}
            </Button>
          </div>
        </Form>
      ) : null}
      {others.length > 0 ? <p className="muted">{t("casePage.actions.notPermitted", { commands: others.join(", ") })}</p> : null}
    </Section>
  );
}

function TasksSection({ page, actionData }: { page: StaffCase; actionData: CaseActionData | null }) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useCaseForm<AddTaskInput>("addTask", actionData);
  const [completeForm] = useCaseForm("completeTask", actionData);
  const staffOptions = [{ value: "", label: t("casePage.tasks.nobody") }, ...page.options.staff.map((s) => ({ value: s.id, label: s.name }))];
  return (
    <Section id="tasks" title={t("casePage.sections.tasks")}>
      <FormErrors id={completeForm.errorId} errors={completeForm.errors} />
      <DataTable
        caption={t("casePage.tasks.caption")}
        rows={page.tasks}
        rowKey={(task) => task.id}
        empty={<EmptyState title={t("casePage.tasks.none")} />}
        columns={[
          { key: "title", header: t("casePage.tasks.title"), rowHeader: true, cell: (task) => task.title },
          { key: "assignee", header: t("casePage.tasks.assignee"), cell: (task) => task.assigneeName ?? t("casePage.tasks.nobody") },
          { key: "due", header: t("casePage.tasks.dueDate"), cell: (task) => (task.dueDate ? formatDate(task.dueDate, i18n.language) : t("casePage.none")) },
          { key: "status", header: t("casePage.tasks.status"), cell: (task) => t(`casePage.tasks.statuses.${task.status}`) },
          {
            key: "complete",
            header: <span className="visually-hidden">{t("casePage.tasks.completeShort")}</span>,
            cell: (task) =>
              task.canComplete ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="completeTask" />
                  <input type="hidden" name="taskId" value={task.id} />
                  <Button type="submit" variant="secondary">
                    {t("casePage.tasks.completeShort")}
                    <span className="visually-hidden"> {t("casePage.tasks.complete", { title: task.title })}</span>
                  </Button>
                </Form>
              ) : null,
          },
        ]}
      />
      {page.can.addTask ? (
        <Form method="post" className="form" {...getFormProps(form)}>
          <h3>{t("casePage.tasks.add")}</h3>
          <input type="hidden" name="intent" value="addTask" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field id="task-title" name={fields.title.name} label={t("casePage.tasks.title")} defaultValue={initial(fields.title.initialValue)} errors={fields.title.errors} />
          <SelectField
            id="task-assignee"
            name={fields.assigneeId.name}
            label={t("casePage.tasks.assignee")}
            defaultValue={initial(fields.assigneeId.initialValue)}
            errors={fields.assigneeId.errors}
            options={staffOptions}
          />
          <Field id="task-due" type="date" name={fields.dueDate.name} label={t("casePage.tasks.dueDate")} defaultValue={initial(fields.dueDate.initialValue)} errors={fields.dueDate.errors} />
          <div className="form__actions">
            <Button type="submit">{t("casePage.tasks.add")}</Button>
          </div>
        </Form>
      ) : null}
    </Section>
  );
}

function EvidenceRequestsSection({ page, actionData, today }: { page: StaffCase; actionData: CaseActionData | null; today: string }) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useCaseForm<RequestEvidenceInput>("requestEvidence", actionData);
  return (
    <Section id="evidence-requests" title={t("casePage.sections.evidenceRequests")}>
      {page.evidenceRequests.length === 0 ? (
        <p>{t("casePage.evidenceRequests.none")}</p>
      ) : (
        <ul className="stack" data-testid="evidence-requests">
          {page.evidenceRequests.map((request) => (
            <li key={request.id}>
              <span className="badge">{t(`casePage.evidenceRequests.status.${request.status}`)}</span>{" "}
              {t("casePage.evidenceRequests.requestedBy", { name: request.requestedByName ?? "", date: formatDateTime(request.createdAt, i18n.language) })} —{" "}
              {t("casePage.evidenceRequests.due", { date: formatDate(request.dueDate, i18n.language) })}
              <ul>
                {request.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
              {request.message ? <p style={{ whiteSpace: "pre-line" }}>{request.message}</p> : null}
              {request.answeredAt ? <p>{t("casePage.evidenceRequests.answeredAt", { date: formatDateTime(request.answeredAt, i18n.language) })}</p> : null}
              {request.answerText ? <p style={{ whiteSpace: "pre-line" }}>{request.answerText}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {page.can.requestEvidence ? (
        <Form method="post" className="form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="requestEvidence" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <p className="muted">{t("casePage.evidenceRequests.hint")}</p>
          <TextareaField
            id="request-items"
            name={fields.items.name}
            label={t("casePage.evidenceRequests.items")}
            defaultValue={initial(fields.items.initialValue)}
            errors={fields.items.errors}
          />
          <TextareaField
            id="request-message"
            name={fields.message.name}
            label={t("casePage.evidenceRequests.message")}
            defaultValue={initial(fields.message.initialValue)}
            errors={fields.message.errors}
          />
          <Field
            id="request-due"
            type="date"
            min={today}
            name={fields.dueDate.name}
            label={t("casePage.evidenceRequests.dueDate")}
            defaultValue={initial(fields.dueDate.initialValue)}
            errors={fields.dueDate.errors}
          />
          <div className="form__actions">
            <Button type="submit">{t("casePage.evidenceRequests.submit")}</Button>
          </div>
        </Form>
      ) : page.can.requestEvidenceLater ? (
        <p className="muted">{t("casePage.evidenceRequests.notNow")}</p>
      ) : null}
    </Section>
  );
}

function ConversationSection({ page, actionData, maxUploadBytes }: { page: StaffCase; actionData: CaseActionData | null; maxUploadBytes: number }) {
  const { t, i18n } = useTranslation();
  const [searchParams] = useSearchParams();
  const [replyForm, replyFields] = useCaseForm<PostStaffReplyInput>("reply", actionData);
  const [noteForm, noteFields] = useCaseForm<AddInternalNoteInput>("note", actionData);
  const chosen = page.options.responseTemplates.find((tpl) => tpl.id === searchParams.get("template"));
  const replyLast = actionData?.intent === "reply" ? actionData : null;
  const articleTitle = (a: { titleFr: string; titleEn: string }) => (i18n.language === "en" ? a.titleEn : a.titleFr);
  return (
    <Section id="conversation" title={t("casePage.sections.conversation")}>
      {page.messages.length === 0 ? (
        <p>{t("casePage.conversation.none")}</p>
      ) : (
        <ol className="stack" style={{ listStyle: "none", padding: 0 }}>
          {page.messages.map((message) => {
            const internal = message.visibility === "internal";
            return (
              <li
                key={message.id}
                data-visibility={message.visibility}
                style={{ borderLeft: `4px solid ${internal ? "#8a5a00" : message.authorKind === "customer" ? "#1f3a68" : "#2e6b3a"}`, paddingLeft: "0.75rem", background: internal ? "#fff8e6" : undefined }}
              >
                <p style={{ margin: 0 }}>
                  <span className="badge">
                    {internal ? t("casePage.conversation.internal") : message.authorKind === "customer" ? t("casePage.conversation.customer") : t("casePage.conversation.public")}
                  </span>{" "}
                  <span className="muted">{t("casePage.conversation.from", { name: message.authorName ?? "", date: formatDateTime(message.createdAt, i18n.language) })}</span>
                </p>
                <p style={{ whiteSpace: "pre-line" }}>{message.body}</p>
                {message.articles.length > 0 ? (
                  <p className="muted">
                    {t("casePage.conversation.articles")} {message.articles.map(articleTitle).join(", ")}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {page.can.reply ? (
        <>
          <h3>{t("casePage.conversation.replyTitle")}</h3>
          {page.options.responseTemplates.length > 0 ? (
            <Form method="get" className="form" action={`/cases/${page.case.reference}#conversation`}>
              <SelectField
                id="reply-template"
                name="template"
                label={t("casePage.conversation.template")}
                hint={t("casePage.conversation.templatesHint", { customerName: "{{customerName}}", reference: "{{reference}}", deadline: "{{deadline}}", interpolation: { escapeValue: false } })}
                defaultValue={chosen?.id ?? ""}
                options={[{ value: "", label: t("casePage.conversation.noTemplate") }, ...page.options.responseTemplates.map((tpl) => ({ value: tpl.id, label: tpl.name }))]}
              />
              <div className="form__actions">
                <Button type="submit" variant="secondary">
                  {t("casePage.conversation.useTemplate")}
                </Button>
              </div>
            </Form>
          ) : null}
          <Form method="post" encType="multipart/form-data" className="form" {...getFormProps(replyForm)}>
            <input type="hidden" name="intent" value="reply" />
            <FormErrors id={replyForm.errorId} errors={replyForm.errors} />
            <TextareaField
              key={chosen?.id ?? "blank"}
              id="reply-body"
              name={replyFields.body.name}
              label={t("casePage.conversation.replyBody")}
              rows={6}
              defaultValue={initial(replyFields.body.initialValue, chosen?.body ?? "")}
              errors={replyFields.body.errors}
            />
            {page.options.kbArticles.length > 0 ? (
              <ChoiceGroup
                id="reply-articles"
                legend={t("casePage.conversation.articlesLegend")}
                name="kbArticleIds"
                type="checkbox"
                options={page.options.kbArticles.map((a) => ({ value: a.id, label: articleTitle(a) }))}
                errors={replyFields.kbArticleIds.errors}
              />
            ) : null}
            <EvidenceUploader
              id="reply-files"
              label={t("casePage.conversation.attachments")}
              language={i18n.language}
              {...uploaderLimits(t, maxUploadBytes)}
              initialUploads={replyLast?.uploads ?? null}
              initialRefused={replyLast?.refused ?? null}
              errors={replyFields.uploadIds.errors}
            />
            <div className="form__actions">
              <Button type="submit">{t("casePage.conversation.sendReply")}</Button>
            </div>
          </Form>
        </>
      ) : null}
      {page.can.note ? (
        <Form method="post" className="form" {...getFormProps(noteForm)} style={{ borderLeft: "4px solid #8a5a00", paddingLeft: "0.75rem" }}>
          <h3>{t("casePage.conversation.noteTitle")}</h3>
          <input type="hidden" name="intent" value="note" />
          <FormErrors id={noteForm.errorId} errors={noteForm.errors} />
          <TextareaField
            id="note-body"
            name={noteFields.body.name}
            label={t("casePage.conversation.noteBody")}
            defaultValue={initial(noteFields.body.initialValue)}
            errors={noteFields.body.errors}
          />
          <div className="form__actions">
            <Button type="submit" variant="secondary">
              {t("casePage.conversation.addNote")}
            </Button>
          </div>
        </Form>
      ) : null}
    </Section>
  );
}

function EvidenceSection({ page, actionData, maxUploadBytes }: { page: StaffCase; actionData: CaseActionData | null; maxUploadBytes: number }) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useCaseForm<AddStaffEvidenceInput>("evidence", actionData);
  const last = actionData?.intent === "evidence" ? actionData : null;
  const visibilities = page.can.evidenceVisibilities;
  return (
    <Section id="evidence" title={t("casePage.sections.evidence")}>
      <DataTable
        caption={t("casePage.evidence.caption")}
        rows={page.evidence}
        rowKey={(e) => e.id}
        empty={<EmptyState title={t("casePage.evidence.none")} />}
        columns={[
          {
            key: "file",
            header: t("casePage.evidence.file"),
            rowHeader: true,
            cell: (e) => (
              <a href={`/cases/${page.case.reference}/evidence/${e.id}`} download aria-label={t("casePage.evidence.download", { name: e.fileName })}>
                {e.fileName}
              </a>
            ),
          },
          { key: "visibility", header: t("casePage.evidence.visibility"), cell: (e) => t(`casePage.evidence.visibilities.${e.visibility}`) },
          { key: "by", header: t("casePage.evidence.by"), cell: (e) => e.uploadedByName ?? t("casePage.none") },
          { key: "date", header: t("casePage.evidence.date"), cell: (e) => formatDateTime(e.createdAt, i18n.language) },
        ]}
      />
      {visibilities.length > 0 ? (
        <Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
          <h3>{t("casePage.evidence.add")}</h3>
          <input type="hidden" name="intent" value="evidence" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <ChoiceGroup
            id="evidence-visibility"
            legend={t("casePage.evidence.visibilityLegend")}
            name="visibility"
            type="radio"
            defaultValues={[initial(fields.visibility.initialValue, "internal")]}
            options={visibilities.map((v) => ({ value: v, label: t(`casePage.evidence.visibilities.${v}`) }))}
            errors={fields.visibility.errors}
          />
          <EvidenceUploader
            id="evidence-files"
            label={t("casePage.evidence.files")}
            language={i18n.language}
            {...uploaderLimits(t, maxUploadBytes)}
            initialUploads={last?.uploads ?? null}
            initialRefused={last?.refused ?? null}
            errors={fields.uploadIds.errors}
          />
          <div className="form__actions">
            <Button type="submit">{t("casePage.evidence.submit")}</Button>
          </div>
        </Form>
      ) : null}
    </Section>
  );
}

function RootCauseSection({ page, actionData }: { page: StaffCase; actionData: CaseActionData | null }) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useCaseForm<SetRootCauseInput>("rootCause", actionData);
  const label = (r: { labelFr: string; labelEn: string }) => (i18n.language === "en" ? r.labelEn : r.labelFr);
  const current = page.options.rootCauses.find((r) => r.code === page.case.rootCauseCode);
  return (
    <Section id="root-cause" title={t("casePage.sections.rootCause")}>
      <p>{current ? t("casePage.rootCause.current", { label: label(current) }) : page.case.rootCauseCode ?? t("casePage.rootCause.none")}</p>
      {page.case.rootCauseAnalysis ? <p style={{ whiteSpace: "pre-line" }}>{page.case.rootCauseAnalysis}</p> : null}
      {page.can.setRootCause ? (
        <Form method="post" className="form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="rootCause" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <SelectField
            id="root-cause-code"
            name={fields.code.name}
            label={t("casePage.rootCause.code")}
            defaultValue={initial(fields.code.initialValue, page.case.rootCauseCode ?? "")}
            errors={fields.code.errors}
            options={[{ value: "", label: t("casePage.rootCause.choose") }, ...page.options.rootCauses.map((r) => ({ value: r.code, label: label(r) }))]}
          />
          <TextareaField
            id="root-cause-analysis"
            name={fields.analysis.name}
            label={t("casePage.rootCause.analysis")}
            defaultValue={initial(fields.analysis.initialValue, page.case.rootCauseAnalysis ?? "")}
            errors={fields.analysis.errors}
          />
          <div className="form__actions">
            <Button type="submit">{t("casePage.rootCause.submit")}</Button>
          </div>
        </Form>
      ) : null}
    </Section>
  );
}

function StakeholdersSection({ page, actionData }: { page: StaffCase; actionData: CaseActionData | null }) {
  const { t } = useTranslation();
  const [form, fields] = useCaseForm<NotifyStakeholdersInput>("stakeholders", actionData);
  if (!page.can.notifyStakeholders) return null;
  return (
    <Section id="stakeholders" title={t("casePage.sections.stakeholders")}>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="stakeholders" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <ChoiceGroup
          id="stakeholder-groups"
          legend={t("casePage.stakeholders.groupsLegend")}
          name="groups"
          type="checkbox"
          options={STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: t(`casePage.stakeholders.groups.${g}`) }))}
          errors={fields.groups.errors}
        />
        <ChoiceGroup
          id="stakeholder-teams"
          legend={t("casePage.stakeholders.teamsLegend")}
          name="teamIds"
          type="checkbox"
          options={page.options.teams.map((team) => ({ value: team.id, label: team.name }))}
          errors={fields.teamIds.errors}
        />
        <TextareaField
          id="stakeholder-message"
          name={fields.message.name}
          label={t("casePage.stakeholders.message")}
          defaultValue={initial(fields.message.initialValue)}
          errors={fields.message.errors}
        />
        <div className="form__actions">
          <Button type="submit" variant="secondary">
            {t("casePage.stakeholders.submit")}
          </Button>
        </div>
      </Form>
    </Section>
  );
}

function TimeSection({ page, actionData, today }: { page: StaffCase; actionData: CaseActionData | null; today: string }) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useCaseForm<LogTimeInput>("logTime", actionData);
  return (
    <Section id="time" title={t("casePage.sections.time")}>
      <p>
        <strong>{t("casePage.time.total", { time: duration(t, page.time.totalMinutes) })}</strong>
      </p>
      {page.time.totals.length > 0 ? (
        <DataTable
          caption={t("casePage.time.byStaff")}
          captionVisible
          rows={page.time.totals}
          rowKey={(row) => row.staffId}
          empty={null}
          columns={[
            { key: "staff", header: t("casePage.time.staff"), rowHeader: true, cell: (row) => row.staffName },
            { key: "minutes", header: t("casePage.time.minutes"), align: "end", cell: (row) => duration(t, row.minutes) },
          ]}
        />
      ) : null}
      <DataTable
        caption={t("casePage.time.caption")}
        rows={page.time.entries}
        rowKey={(entry) => entry.id}
        empty={<EmptyState title={t("casePage.time.none")} />}
        columns={[
          { key: "date", header: t("casePage.time.spentOn"), rowHeader: true, cell: (e) => formatDate(e.spentOn, i18n.language) },
          { key: "staff", header: t("casePage.time.staff"), cell: (e) => e.staffName },
          { key: "minutes", header: t("casePage.time.minutes"), align: "end", cell: (e) => duration(t, e.minutes) },
          { key: "note", header: t("casePage.time.note"), cell: (e) => e.note ?? "" },
        ]}
      />
      {page.can.logTime ? (
        <Form method="post" className="form" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="logTime" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            id="time-minutes"
            type="number"
            min={1}
            max={1440}
            name={fields.minutes.name}
            label={t("casePage.time.minutes")}
            defaultValue={initial(fields.minutes.initialValue)}
            errors={fields.minutes.errors}
          />
          <Field
            id="time-date"
            type="date"
            max={today}
            name={fields.spentOn.name}
            label={t("casePage.time.spentOn")}
            defaultValue={initial(fields.spentOn.initialValue, today)}
            errors={fields.spentOn.errors}
          />
          <Field id="time-note" name={fields.note.name} label={t("casePage.time.note")} defaultValue={initial(fields.note.initialValue)} errors={fields.note.errors} />
          <div className="form__actions">
            <Button type="submit" variant="secondary">
              {t("casePage.time.submit")}
            </Button>
          </div>
        </Form>
      ) : null}
    </Section>
  );
}

function TimelineSection({ page }: { page: StaffCase }) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="timeline" title={t("casePage.sections.timeline")}>
      <DataTable
        caption={t("casePage.timeline.caption")}
        captionVisible
        rows={page.timeline}
        rowKey={(e) => e.seq}
        empty={null}
        columns={[
          { key: "date", header: t("casePage.timeline.date"), rowHeader: true, cell: (e) => formatDateTime(e.at, i18n.language) },
          {
            key: "event",
            header: t("casePage.timeline.event"),
            cell: (e) => {
              const from = e.payload.from;
              const to = e.payload.to;
              const change = typeof from === "string" && typeof to === "string" && from !== to ? ` (${t("casePage.timeline.statusChange", { from, to })})` : "";
              return `${t(`casePage.timeline.events.${e.type}`, { defaultValue: e.type })}${change}`;
            },
          },
          { key: "by", header: t("casePage.timeline.by"), cell: (e) => e.actorName ?? t("casePage.timeline.system") },
          { key: "visibility", header: t("casePage.timeline.visibility"), cell: (e) => t(`casePage.timeline.visibilities.${e.visibility}`) },
        ]}
      />
    </Section>
  );
}
