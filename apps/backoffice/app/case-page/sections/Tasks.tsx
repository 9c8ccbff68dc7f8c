/** The tasks of the case (checklist and added ones), each completed with one button, and the form to add one. */
import type { AddTaskInput, StaffCase } from "@accord/core";
import { Button, Field, formatDate, type Column } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import type { CaseActionData } from "../../.server/case-page";
import { bind, SelectField, SubmitRow } from "../fields";
import { Section, SectionTable, useCaseForm, type SectionProps } from "../parts";

type Task = StaffCase["tasks"][number];

function CompleteTask({ task, actionData }: { task: Task; actionData: CaseActionData | null }) {
  const { t } = useTranslation();
  const [form] = useCaseForm("completeTask", actionData, { key: task.id });
  return (
    <IntentForm form={form} className="">
      <input type="hidden" name="taskId" value={task.id} />
      <Button type="submit" variant="secondary">
        {t("casePage.tasks.completeShort")}
        <span className="visually-hidden"> {t("casePage.tasks.complete", { title: task.title })}</span>
      </Button>
    </IntentForm>
  );
}

export function Tasks({ page, actionData }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useCaseForm<AddTaskInput>("addTask", actionData);
  const staffOptions = [{ value: "", label: t("casePage.tasks.nobody") }, ...page.options.staff.map((s) => ({ value: s.id, label: s.name }))];
  const columns: Column<Task>[] = [
    { key: "title", header: t("casePage.tasks.title"), rowHeader: true, cell: (task) => task.title },
    { key: "assignee", header: t("casePage.tasks.assignee"), cell: (task) => task.assigneeName ?? t("casePage.tasks.nobody") },
    { key: "due", header: t("casePage.tasks.dueDate"), cell: (task) => (task.dueDate ? formatDate(task.dueDate, i18n.language) : t("casePage.none")) },
    { key: "status", header: t("casePage.tasks.status"), cell: (task) => t(`casePage.tasks.statuses.${task.status}`) },
    {
      key: "complete",
      header: <span className="visually-hidden">{t("casePage.tasks.completeShort")}</span>,
      cell: (task) => (task.canComplete ? <CompleteTask task={task} actionData={actionData} /> : null),
    },
  ];
  return (
    <Section id="tasks" title={t("casePage.sections.tasks")}>
      <SectionTable name="tasks" rows={page.tasks} columns={columns} />
      {page.can.addTask ? (
        <IntentForm form={form}>
          <h3>{t("casePage.tasks.add")}</h3>
          <Field id="task-title" label={t("casePage.tasks.title")} {...bind(fields.title)} />
          <SelectField id="task-assignee" label={t("casePage.tasks.assignee")} {...bind(fields.assigneeId)} options={staffOptions} />
          <Field id="task-due" type="date" label={t("casePage.tasks.dueDate")} {...bind(fields.dueDate)} />
          <SubmitRow>{t("casePage.tasks.add")}</SubmitRow>
        </IntentForm>
      ) : null}
    </Section>
  );
}
