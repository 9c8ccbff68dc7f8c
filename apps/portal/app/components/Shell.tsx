import { AppShell, languageHref } from "@accord/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";

export interface ShellUser {
  name: string;
  company: string | null;
  /** May report a problem (not a viewer): the navigation offers it first. */
  canFile?: boolean;
}

/** The portal's frame around every page, in the page language. */
export function Shell({ user, children }: { user: ShellUser | null; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <AppShell
      productName={t("common.productName")}
      appLabel={t("app.label")}
      user={user}
      signOut={{ action: "/logout", label: t("common.signOut") }}
      languageLabel={t("common.language")}
      skipLinkLabel={t("common.skipToContent")}
      languages={(["fr", "en"] as const).map((code) => ({
        code,
        label: t(`common.languages.${code}`),
        href: languageHref(location.pathname, location.search, code),
        current: i18n.language === code,
      }))}
      nav={
        user ? (
          <>
            {user.canFile ? <NavLink to="/claims/new">{t("claims.report")}</NavLink> : null}
            <NavLink to="/cases">{t("cases.nav")}</NavLink>
            <NavLink to="/company">{t("company.nav")}</NavLink>
            <NavLink to="/profile">{t("profile.nav")}</NavLink>
            <NavLink to="/help">{t("help.nav")}</NavLink>
          </>
        ) : null
      }
    >
      {children}
    </AppShell>
  );
}
