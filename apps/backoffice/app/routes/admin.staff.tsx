import { createStaffUser, createStaffUserSchema, createTeam, listStaff, renameTeam, renameTeamSchema, setStaffUserActive, teamSchema } from "@accord/core";
import { Button } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { intent } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { adminAction, adminLoader, base, savedTo } from "../admin/admin.server";
import { TextField } from "../admin/fields";
import { activeStatus, ActiveToggle, AdminListPage, FormSection, TableSection, useAdminForm } from "../admin/page";
import { StaffFields } from "../admin/staff-form";
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
function RenameTeam({ team }: { team: Team }) {
  const { t } = useTranslation();
  const [form] = useAdminForm("rename", { key: team.id, defaults: { name: team.name } });
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
function Teams({ teams }: { teams: Team[] }) {
  const { t } = useTranslation();
  return (
    <TableSection
      id="teams-title"
      at="admin.staff.teams"
      rows={teams}
      empty={<p className="muted">{t("admin.staff.noTeams")}</p>}
      cells={() => ({
        name: (team) => team.name,
        code: (team) => team.code,
        members: (team) => team.members,
        rename: (team) => <RenameTeam team={team} />,
      })}
    >
      <FormSection id="team-create" title={t("admin.staff.teams.createTitle")} intent="team" submit={t("admin.create")}>
        <div className="admin-row">
          <TextField name="code" id="team-code" label={t("admin.staff.teams.code")} hint={t("admin.staff.teams.codeHint")} required />
          <TextField name="name" id="team-name" label={t("admin.staff.teams.name")} required />
        </div>
      </FormSection>
    </TableSection>
  );
}

export default function Staff({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { users, teams } = loaderData;
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  return (
    <AdminListPage
      section="staff"
      rows={users}
      note={(u) => (u.isSelf ? <span className="muted">{t("admin.staff.you")}</span> : null)}
      cells={(t) => ({
        name: (u) => u.name,
        email: (u) => u.email,
        roles: (u) => u.roles.map((role) => t(`roles.${role}`)).join(", "),
        teams: (u) => u.teamIds.map((id) => teamName.get(id) ?? "").join(", "),
        status: (u) => activeStatus(t, u.active),
        actions: (u) => (u.isSelf ? null : <ActiveToggle section="staff" active={u.active} values={{ userId: u.id }} name={u.name} />),
      })}
    >
      <p className="muted">{t("admin.staff.deactivateHint")}</p>
      <FormSection
        id="staff-create"
        title={t("admin.staff.createTitle")}
        description={t("admin.staff.createDescription")}
        intent="create"
        defaults={{ language: "fr" }}
        submit={t("admin.create")}
      >
        <StaffFields teams={teams} withEmail />
      </FormSection>
      <Teams teams={teams} />
    </AdminListPage>
  );
}
