import { AppFrame, type FrameUser } from "@accord/web/components/AppFrame";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

export interface ShellUser extends FrameUser {
  /** May report a problem (not a viewer): the navigation offers it first. */
  canFile?: boolean;
}

/** The portal's frame around every page: its navigation for a customer user. */
export function Shell({ user, children }: { user: ShellUser | null; children: ReactNode }) {
  const { t } = useTranslation();
  const nav = (
    <>
      {user?.canFile ? <NavLink to="/claims/new">{t("claims.report")}</NavLink> : null}
      {user?.canFile ? <NavLink to="/claims/import">{t("claimImport.nav")}</NavLink> : null}
      <NavLink to="/cases">{t("cases.nav")}</NavLink>
      <NavLink to="/invoices">{t("invoices.nav")}</NavLink>
      <NavLink to="/company">{t("company.nav")}</NavLink>
      <NavLink to="/profile">{t("profile.nav")}</NavLink>
      <NavLink to="/help">{t("help.nav")}</NavLink>
    </>
  );
  return (
    <AppFrame user={user} nav={nav}>
      {children}
    </AppFrame>
  );
}
