import { AppFrame, type FrameUser } from "@accord/web/components/AppFrame";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

export type ShellUser = FrameUser;

/** The back-office's frame around every page: its navigation for a staff member. */
export function Shell({
  user,
  canReadMailbox = false,
  canAdminister = false,
  toApprove = null,
  canReadReceivables = false,
  canTriageInbound = false,
  canReadKpi = false,
  children,
}: {
  user: ShellUser | null;
  canReadMailbox?: boolean;
  canAdminister?: boolean;
  /** For an approver (supervisor, finance): how many proposals wait for them; null: no "À valider" link. */
  toApprove?: number | null;
  canReadReceivables?: boolean;
  /** Agents, supervisors, admins (`inbound:triage`): the quarantine of inbound e-mail. */
  canTriageInbound?: boolean;
  /** Supervisors, finance, legal, admins (`kpi:read`): the steering dashboard. */
  canReadKpi?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const nav = (
    <>
      <NavLink to="/" end>
        {t("app.queue")}
      </NavLink>
      {toApprove !== null ? <NavLink to="/approvals">{toApprove > 0 ? t("settlement.approvals.navCount", { count: toApprove }) : t("settlement.approvals.nav")}</NavLink> : null}
      {user ? <NavLink to="/corrective-actions">{t("correctiveActions.nav")}</NavLink> : null}
      {canTriageInbound ? <NavLink to="/inbound">{t("inbound.nav")}</NavLink> : null}
      {canReadKpi ? <NavLink to="/dashboard">{t("kpi.nav")}</NavLink> : null}
      {canReadReceivables ? <NavLink to="/invoices">{t("receivables.nav")}</NavLink> : null}
      {canAdminister ? <NavLink to="/admin">{t("admin.nav")}</NavLink> : null}
      {canReadMailbox ? <NavLink to="/mailbox">{t("app.mailbox")}</NavLink> : null}
    </>
  );
  return (
    <AppFrame user={user} nav={nav} navLabel={t("app.nav")}>
      {children}
    </AppFrame>
  );
}
