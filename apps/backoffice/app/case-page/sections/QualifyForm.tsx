/** The qualification form (type, priority, team, assignee) and the assignment-only form. */
import type { AssignCaseInput, QualifyCaseInput } from "@accord/core";
import { CASE_TYPES, PRIORITIES } from "@accord/domain";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { bind, SelectField, SubmitRow, type FieldState } from "../fields";
import { useCaseForm, type SectionProps } from "../parts";

function useAssignmentOptions(page: SectionProps["page"]) {
  const { t } = useTranslation();
  return {
    teams: [{ value: "", label: t("casePage.noTeam") }, ...page.options.teams.map((team) => ({ value: team.id, label: team.name }))],
    staff: [{ value: "", label: t("casePage.unassigned") }, ...page.options.staff.map((s) => ({ value: s.id, label: s.name }))],
  };
}

export function QualifyForm({ page, actionData }: SectionProps) {
  const { t } = useTranslation();
  const c = page.case;
  const [form, fields] = useCaseForm<QualifyCaseInput>("qualify", actionData);
  return (
    <IntentForm form={form}>
      <SelectField
        id="qualify-type"
        label={t("casePage.qualify.type")}
        {...bind(fields.type, c.type)}
        options={CASE_TYPES.map((type) => ({ value: type, label: t(`caseType.${type}`) }))}
      />
      <SelectField
        id="qualify-priority"
        label={t("casePage.qualify.priority")}
        hint={t("casePage.qualify.priorityHint")}
        {...bind(fields.priority, page.derived.proposedPriority)}
        options={PRIORITIES.map((p) => ({ value: p, label: p }))}
      />
      <TeamAndAssignee idPrefix="qualify" page={page} team={fields.teamId} assignee={fields.assigneeId} />
      <SubmitRow>{page.derived.firstQualification ? t("casePage.qualify.submitReceived") : t("casePage.qualify.submit")}</SubmitRow>
    </IntentForm>
  );
}

export function AssignForm({ page, actionData }: SectionProps) {
  const { t } = useTranslation();
  const [form, fields] = useCaseForm<AssignCaseInput>("assign", actionData);
  return (
    <IntentForm form={form}>
      <TeamAndAssignee idPrefix="assign" page={page} team={fields.teamId} assignee={fields.assigneeId} />
      <SubmitRow>{t("casePage.assign.submit")}</SubmitRow>
    </IntentForm>
  );
}

/** The team and assignee choices, shared by the qualification and the assignment forms. */
function TeamAndAssignee({ idPrefix, page, team, assignee }: { idPrefix: string; page: SectionProps["page"]; team: FieldState; assignee: FieldState }) {
  const { t } = useTranslation();
  const options = useAssignmentOptions(page);
  return (
    <>
      <SelectField id={`${idPrefix}-team`} label={t("casePage.qualify.team")} {...bind(team, page.case.team?.id ?? "")} options={options.teams} />
      <SelectField id={`${idPrefix}-assignee`} label={t("casePage.qualify.assignee")} {...bind(assignee, page.case.assignee?.id ?? "")} options={options.staff} />
    </>
  );
}
