import { createStaffUser, createStaffUserSchema, createTeam, listStaff, renameTeam, renameTeamSchema, setStaffUserActive, teamSchema } from "@accord/core";
import { Button, DataTable } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { z } from "zod";
import { adminAction, adminLoader, base, savedTo } from "../admin/admin.server";
import { TextField } from "../admin/fields";
import { AdminForm, AdminListPage, RowAction, useAdminForm, type AdminReply } from "../admin/page";
import { StaffForm } from "../admin/staff-form";
import type { Route } from "./+types/admin.staff";
import { env } from "../env.server";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:users", (ctx) => listStaff(ctx));
}

/** The staff member a row's button acts on. */
const userSchema = z.object({ userId: z.string() });
const done = savedTo("/admin/staff");

/** Forms of the page: create a staff member, (de)activate one, create or rename a team. */
const INTENTS = {
  create: intent(createStaffUserSchema, (input, ctx) => createStaffUser({ ...base(ctx), input, backofficeUrl: env().BACKOFFICE_URL }), done),
  team: intent(teamSchema, (input, ctx) => createTeam({ ...base(ctx), input }), done),
  rename: intent(renameTeamSchema.extend({ teamId: z.string() }), ({ teamId, ...input }, ctx) => renameTeam({ ...base(ctx), teamId, input }), done),
  deactivate: intent(userSchema, ({ userId }, ctx) => setStaffUserActive({ ...base(ctx), userId, active: false }), savedTo("/admin/staff", "admin.flash.deactivated")),
  reactivate: intent(userSchema, ({ userId }, ctx) => setStaffUserActive({ ...base(ctx), userId, active: true }), done),
};

export const action = (args: Route.ActionArgs) => adminAction(args, INTENTS);

type Team = Route.ComponentProps["loaderData"]["teams"][number];

/** A team's name, renamed in its row. */
function RenameTeam({ team, actionData }: { team: Team; actionData: AdminReply }) {
  const { t } = useTranslation();
  const [form] = useAdminForm("rename", actionData, { key: team.id, defaults: { name: team.name } });
  return (
    <IntentForm form={form} className="admin-inline">
      <input type="hidden" name="teamId" value={team.id} />
      <TextField name="name" id={`team-${team.id}-name`} label={t("admin.staff.teams.renameLabel", { name: team.name })} required />
      <Button type="submit" variant="secondary">
        {t("admin.staff.teams.rename")}
      </Button>
    </IntentForm>
  );
}

/** The teams, each renamed in its row, and the form to create one. */
function Teams({ teams, actionData }: { teams: Team[]; actionData: AdminReply }) {
  const { t } = useTranslation();
  const [form] = useAdminForm("team", actionData);
  return (
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
          { key: "rename", header: t("admin.staff.teams.rename"), cell: (team) => <RenameTeam team={team} actionData={actionData} /> },
        ]}
      />
      <div className="card">
        <h3>{t("admin.staff.teams.createTitle")}</h3>
        <AdminForm form={form} submit={t("admin.create")}>
          <div className="admin-row">
            <TextField name="code" id="team-code" label={t("admin.staff.teams.code")} hint={t("admin.staff.teams.codeHint")} required />
            <TextField name="name" id="team-name" label={t("admin.staff.teams.name")} required />
          </div>
        </AdminForm>
      </div>
    </section>
  );
}

export default function Staff({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { users, teams } = loaderData;
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  return (
    <AdminListPage
      section="staff"
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
          cell: (u) => {
            if (u.isSelf) return null;
            const next = u.active ? "deactivate" : "reactivate";
            return <RowAction intent={next} actionData={actionData} values={{ userId: u.id }} variant={u.active ? "danger" : "secondary"} label={t(`admin.staff.${next}Label`, { name: u.name })} text={t(`admin.${next}`)} />;
          },
        },
      ]}
    >
      <p className="muted">{t("admin.staff.deactivateHint")}</p>
      <section aria-labelledby="staff-create" className="card">
        <h2 id="staff-create">{t("admin.staff.createTitle")}</h2>
        <p>{t("admin.staff.createDescription")}</p>
        <StaffForm intent="create" actionData={actionData} teams={teams} withEmail submit={t("admin.create")} />
      </section>
      <Teams teams={teams} actionData={actionData} />
    </AdminListPage>
  );
}
