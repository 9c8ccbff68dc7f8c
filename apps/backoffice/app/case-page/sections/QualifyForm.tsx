/** The qualification form (type, priority, team, assignee) and the assignment-only form. */
import type { AssignCaseInput, QualifyCaseInput } from "@accord/core";
import { CASE_TYPES, PRIORITIES } from "@accord/domain";
import { Button } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { initial, SelectField } from "../fields";
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
      <TeamAndAssignee idPrefix="qualify" page={page} team={fields.teamId} assignee={fields.assigneeId} />
      <div className="form__actions">
        <Button type="submit">{page.derived.firstQualification ? t("casePage.qualify.submitReceived") : t("casePage.qualify.submit")}</Button>
      </div>
    </IntentForm>
  );
}

export function AssignForm({ page, actionData }: SectionProps) {
  const { t } = useTranslation();
  const [form, fields] = useCaseForm<AssignCaseInput>("assign", actionData);
  return (
    <IntentForm form={form}>
      <TeamAndAssignee idPrefix="assign" page={page} team={fields.teamId} assignee={fields.assigneeId} />
      <div className="form__actions">
        <Button type="submit">{t("casePage.assign.submit")}</Button>
      </div>
    </IntentForm>
  );
}

interface FieldState {
  name: string;
  initialValue?: unknown;
  errors?: string[];
}

/** The team and assignee choices, shared by the qualification and the assignment forms. */
function TeamAndAssignee({ idPrefix, page, team, assignee }: { idPrefix: string; page: SectionProps["page"]; team: FieldState; assignee: FieldState }) {
  const { t } = useTranslation();
  const options = useAssignmentOptions(page);
  return (
    <>
      <SelectField
        id={`${idPrefix}-team`}
        name={team.name}
        label={t("casePage.qualify.team")}
        defaultValue={initial(team.initialValue, page.case.team?.id ?? "")}
        errors={team.errors}
        options={options.teams}
      />
      <SelectField
        id={`${idPrefix}-assignee`}
        name={assignee.name}
        label={t("casePage.qualify.assignee")}
        defaultValue={initial(assignee.initialValue, page.case.assignee?.id ?? "")}
        errors={assignee.errors}
        options={options.staff}
      />
    </>
  );
}
