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
  canReadReceivables = false,
  children,
}: {
  user: ShellUser | null;
  canReadMailbox?: boolean;
  canAdminister?: boolean;
  canReadReceivables?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const nav = (
    <>
      <NavLink to="/" end>
        {t("app.queue")}
      </NavLink>
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
