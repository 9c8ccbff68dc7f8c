/**
 * « Actions correctives »: the case's actions (owner, due date, status, effectiveness once done), each
 * done, waived with a reason or reopened with one button, and the form to add one once the root cause
 * is set. The case closes only when none is open.
 */
import type { AddCorrectiveActionInput, CaseCorrectiveActions, WaiveCorrectiveActionInput } from "@accord/core";
import { Button, DataTable, EmptyState, Field, formatDate, type Column } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import type { CaseActionData } from "../../.server/case-page";
import { bind, SelectField, SubmitRow, TextareaField } from "../fields";
import { Section, useCaseForm, type SectionProps, type T } from "../parts";

type Action = CaseCorrectiveActions["actions"][number];

function OneButton({ intent, action, label, actionData }: { intent: "completeCorrectiveAction" | "reopenCorrectiveAction"; action: Action; label: string; actionData: CaseActionData | null }) {
  const { t } = useTranslation();
  const [form] = useCaseForm(intent, actionData, { key: `${intent}-${action.id}` });
  return (
    <IntentForm form={form} className="">
      <input type="hidden" name="actionId" value={action.id} />
      <Button type="submit" variant="secondary">
        {label}
        <span className="visually-hidden"> {t("casePage.correctiveActions.completeLabel", { title: action.title })}</span>
      </Button>
    </IntentForm>
  );
}

function Waive({ action, actionData }: { action: Action; actionData: CaseActionData | null }) {
  const { t } = useTranslation();
  const [form, fields] = useCaseForm<WaiveCorrectiveActionInput>("waiveCorrectiveAction", actionData, { key: action.id });
  const refused = actionData?.intent === "waiveCorrectiveAction" && Boolean(fields.reason.errors?.length);
  return (
    <details open={refused}>
      <summary>
        {t("casePage.correctiveActions.waive")}
        <span className="visually-hidden"> {t("casePage.correctiveActions.completeLabel", { title: action.title })}</span>
      </summary>
      <IntentForm form={form} className="">
        <input type="hidden" name="actionId" value={action.id} />
        <Field id={`waive-reason-${action.id}`} label={t("casePage.correctiveActions.waiveReason")} {...bind(fields.reason)} />
        <Button type="submit" variant="secondary">
          {t("casePage.correctiveActions.waiveSubmit")}
        </Button>
      </IntentForm>
    </details>
  );
}

function effectiveness(t: T, language: string, action: Action): string {
  const e = action.effectiveness;
  if (e.state === "pending") return t("casePage.correctiveActions.effect.pending", { before: e.before, after: e.afterSoFar, date: formatDate(e.measurableOn, language) });
  if (e.state === "measured") {
    const measured = t("casePage.correctiveActions.effect.measured", { before: e.before, after: e.after });
    return e.reductionPercent === null ? measured : `${measured} ${t("casePage.correctiveActions.effect.reduction", { percent: new Intl.NumberFormat(language, { maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(-e.reductionPercent) })}`;
  }
  return t("casePage.correctiveActions.effect.not_applicable");
}

function status(t: T, language: string, action: Action): string {
  const label = t(`casePage.correctiveActions.statuses.${action.status}`);
  if (action.status === "done" && action.doneAt) return `${label} — ${t("casePage.correctiveActions.doneOn", { date: formatDate(action.doneAt, language), name: action.doneByName ?? "" })}`;
  if (action.status === "waived" && action.waivedReason) return `${label} — ${t("casePage.correctiveActions.waivedBecause", { reason: action.waivedReason })}`;
  return action.overdue ? `${label} — ${t("casePage.correctiveActions.overdue")}` : label;
}

export function CorrectiveActions({ corrective, actionData }: Pick<SectionProps, "actionData"> & { corrective: CaseCorrectiveActions }) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useCaseForm<AddCorrectiveActionInput>("addCorrectiveAction", actionData);
  const columns: Column<Action>[] = [
    {
      key: "title",
      header: t("casePage.correctiveActions.title"),
      rowHeader: true,
      cell: (a) => (
        <>
          {a.title}
          {a.description ? <p className="muted" style={{ whiteSpace: "pre-line", margin: 0 }}>{a.description}</p> : null}
        </>
      ),
    },
    { key: "owner", header: t("casePage.correctiveActions.owner"), cell: (a) => a.ownerName },
    { key: "due", header: t("casePage.correctiveActions.dueDate"), cell: (a) => formatDate(a.dueDate, i18n.language) },
    { key: "status", header: t("casePage.correctiveActions.status"), cell: (a) => <span data-testid="corrective-status">{status(t, i18n.language, a)}</span> },
    { key: "effectiveness", header: t("casePage.correctiveActions.effectiveness"), cell: (a) => effectiveness(t, i18n.language, a) },
    {
      key: "do",
      header: <span className="visually-hidden">{t("casePage.correctiveActions.status")}</span>,
      cell: (a) => (
        <div className="stack">
          {a.canComplete ? <OneButton intent="completeCorrectiveAction" action={a} label={t("casePage.correctiveActions.complete")} actionData={actionData} /> : null}
          {a.canWaive ? <Waive action={a} actionData={actionData} /> : null}
          {a.canReopen ? <OneButton intent="reopenCorrectiveAction" action={a} label={t("casePage.correctiveActions.reopen")} actionData={actionData} /> : null}
        </div>
      ),
    },
  ];
  const owners = [{ value: "", label: t("casePage.correctiveActions.chooseOwner") }, ...corrective.owners.map((o) => ({ value: o.id, label: o.name }))];
  return (
    <Section id="corrective-actions" title={t("casePage.sections.correctiveActions")}>
      <DataTable caption={t("casePage.correctiveActions.caption")} rows={corrective.actions} rowKey={(a) => a.id} empty={<EmptyState title={t("casePage.correctiveActions.none")} />} columns={columns} />
      {!corrective.rootCauseSet ? <p className="muted">{t("casePage.correctiveActions.needRootCause")}</p> : null}
      {corrective.can.add ? (
        <IntentForm form={form}>
          <h3>{t("casePage.correctiveActions.add")}</h3>
          <Field id="corrective-title" label={t("casePage.correctiveActions.title")} {...bind(fields.title)} />
          <TextareaField id="corrective-description" label={t("casePage.correctiveActions.description")} {...bind(fields.description)} />
          <SelectField id="corrective-owner" label={t("casePage.correctiveActions.owner")} {...bind(fields.ownerId)} options={owners} />
          <Field id="corrective-due" type="date" label={t("casePage.correctiveActions.dueDate")} {...bind(fields.dueDate)} />
          <SubmitRow>{t("casePage.correctiveActions.submit")}</SubmitRow>
        </IntentForm>
      ) : null}
    </Section>
  );
}
