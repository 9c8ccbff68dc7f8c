import { AppShell, languageHref } from "@accord/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";

export interface ShellUser {
  name: string;
  company: string | null;
}

/** The back-office's frame around every page, in the page language. */
export function Shell({ user, canReadMailbox = false, canAdminister = false, children }: { user: ShellUser | null; canReadMailbox?: boolean; canAdminister?: boolean; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <AppShell
      productName={t("common.productName")}
      appLabel={t("app.label")}
      navLabel={t("app.nav")}
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
            <NavLink to="/" end>
              {t("app.queue")}
            </NavLink>
            {canAdminister ? <NavLink to="/admin">{t("admin.nav")}</NavLink> : null}
            {canReadMailbox ? <NavLink to="/mailbox">{t("app.mailbox")}</NavLink> : null}
          </>
        ) : null
      }
    >
      {children}
    </AppShell>
  );
}
