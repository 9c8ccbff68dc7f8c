import { createStaffUser, createStaffUserSchema, createTeam, listStaff, renameTeam, renameTeamSchema, setStaffUserActive, teamSchema } from "@accord/core";
import { Alert, Button, DataTable, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { data, Form, Link } from "react-router";
import { AdminForm, stateFor, TextField } from "../admin/fields";
import { savedRedirect, submitForm } from "../admin/form-state.server";
import { StaffForm } from "../admin/staff-form";
import type { Route } from "./+types/admin.staff";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { describeError, notFound, throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";
import { env } from "../env.server";

export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args);
  try {
    return await listStaff({ db: args.context.get(dbContext), actor });
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

/** Forms of the page, told apart by `intent`: create a staff member, (de)activate one, create or rename a team. */
export async function action(args: Route.ActionArgs) {
  const actor = await requireStaff(args);
  const { request, context } = args;
  const t = translator(context);
  const db = context.get(dbContext);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const now = new Date();
  if (intent === "create") {
    const refused = await submitForm(formData, createStaffUserSchema, t, (input) => createStaffUser({ db, actor, input, backofficeUrl: env().BACKOFFICE_URL, now }));
    return refused ?? savedRedirect(request, "/admin/staff");
  }
  if (intent === "team") {
    const refused = await submitForm(formData, teamSchema, t, (input) => createTeam({ db, actor, input, now }));
    return refused ?? savedRedirect(request, "/admin/staff");
  }
  if (intent.startsWith("rename:")) {
    const teamId = intent.slice("rename:".length);
    const refused = await submitForm(formData, renameTeamSchema, t, (input) => renameTeam({ db, actor, teamId, input, now }));
    return refused ?? savedRedirect(request, "/admin/staff");
  }
  if (intent === "deactivate" || intent === "reactivate") {
    const userId = String(formData.get("userId") ?? "");
    try {
      await setStaffUserActive({ db, actor, userId, active: intent === "reactivate", now });
    } catch (error) {
      const failure = describeError(error, t);
      if (failure.code === "forbidden" || failure.code === "not_found") notFound();
      return data({ intent, userError: { userId, message: failure.message } }, { status: failure.status });
    }
    return savedRedirect(request, "/admin/staff", intent === "deactivate" ? "admin.flash.deactivated" : "admin.flash.saved");
  }
  notFound();
}

export default function Staff({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { users, teams } = loaderData;
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const userError = actionData && "userError" in actionData ? actionData.userError : null;
  return (
    <>
      <PageHeader title={t("admin.staff.title")} description={t("admin.staff.description")} />
      {userError ? <Alert tone="error">{userError.message}</Alert> : null}
      <DataTable
        caption={t("admin.staff.caption")}
        empty={null}
        rows={users}
        rowKey={(user) => user.id}
        columns={[
          {
            key: "name",
            header: t("admin.staff.columns.name"),
            rowHeader: true,
            cell: (u) => (
              <>
                <Link to={`/admin/staff/${u.id}`}>{u.name}</Link> {u.isSelf ? <span className="muted">{t("admin.staff.you")}</span> : null}
              </>
            ),
          },
          { key: "email", header: t("admin.staff.columns.email"), cell: (u) => u.email },
          { key: "roles", header: t("admin.staff.columns.roles"), cell: (u) => u.roles.map((role) => t(`roles.${role}`)).join(", ") },
          { key: "teams", header: t("admin.staff.columns.teams"), cell: (u) => u.teamIds.map((id) => teamName.get(id) ?? "").join(", ") },
          { key: "status", header: t("admin.staff.columns.status"), cell: (u) => t(u.active ? "admin.active" : "admin.inactive") },
          {
            key: "actions",
            header: t("admin.actions"),
            cell: (u) =>
              u.isSelf ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value={u.active ? "deactivate" : "reactivate"} />
                  <input type="hidden" name="userId" value={u.id} />
                  <Button type="submit" variant={u.active ? "danger" : "secondary"} aria-label={t(u.active ? "admin.staff.deactivateLabel" : "admin.staff.reactivateLabel", { name: u.name })}>
                    {t(u.active ? "admin.deactivate" : "admin.reactivate")}
                  </Button>
                </Form>
              ),
          },
        ]}
      />
      <p className="muted">{t("admin.staff.deactivateHint")}</p>

      <section aria-labelledby="staff-create" className="card">
        <h2 id="staff-create">{t("admin.staff.createTitle")}</h2>
        <p>{t("admin.staff.createDescription")}</p>
        <StaffForm intent="create" state={stateFor(actionData, "create")} teams={teams} withEmail submitLabel={t("admin.create")} />
      </section>

      <section aria-labelledby="teams-title" className="stack">
        <h2 id="teams-title">{t("admin.staff.teams.title")}</h2>
        <DataTable
          caption={t("admin.staff.teams.caption")}
          rows={teams}
          rowKey={(team) => team.id}
          empty={<p className="muted">{t("admin.staff.noTeams")}</p>}
          columns={[
            { key: "name", header: t("admin.staff.teams.columns.name"), rowHeader: true, cell: (team) => team.name },
            { key: "code", header: t("admin.staff.teams.columns.code"), cell: (team) => team.code },
            { key: "members", header: t("admin.staff.teams.columns.members"), cell: (team) => team.members },
            {
              key: "rename",
              header: t("admin.staff.teams.rename"),
              cell: (team) => (
                <AdminForm intent={`rename:${team.id}`} state={stateFor(actionData, `rename:${team.id}`)} className="admin-inline">
                  <TextField name="name" id={`team-${team.id}-name`} label={t("admin.staff.teams.renameLabel", { name: team.name })} defaultValue={team.name} required />
                  <Button type="submit" variant="secondary">
                    {t("admin.staff.teams.rename")}
                  </Button>
                </AdminForm>
              ),
            },
          ]}
        />
        <div className="card">
          <h3>{t("admin.staff.teams.createTitle")}</h3>
          <AdminForm intent="team" state={stateFor(actionData, "team")}>
            <div className="admin-row">
              <TextField name="code" id="team-code" label={t("admin.staff.teams.code")} hint={t("admin.staff.teams.codeHint")} required />
              <TextField name="name" id="team-name" label={t("admin.staff.teams.name")} required />
            </div>
            <div className="form__actions">
              <Button type="submit">{t("admin.create")}</Button>
            </div>
          </AdminForm>
        </div>
      </section>
    </>
  );
}
