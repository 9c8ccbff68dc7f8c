/**
 * What the root route of both apps renders around a page: the product's frame (name, app, who is
 * signed in, sign-out, language switch and the app's navigation) and, inside it, the message a
 * redirect left, then the page. Each app's Shell only says what its navigation offers.
 */
import { Alert, AppShell, languageHref } from "@accord/ui";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";

/** Who is signed in, as the frame shows them: a name, and under it the company (or the staff roles). */
export interface FrameUser {
  name: string;
  company: string | null;
}

/** The root's `links`: the product's stylesheet, and no favicon request. */
export function rootLinks(stylesUrl: string) {
  return [
    { rel: "stylesheet", href: stylesUrl },
    { rel: "icon", href: "data:," },
  ];
}

/** The frame of every page, in the page language; `nav` is shown once someone is signed in. */
export function AppFrame({ user, nav, navLabel, children }: { user: FrameUser | null; nav: ReactNode; navLabel?: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <AppShell
      productName={t("common.productName")}
      appLabel={t("app.label")}
      navLabel={navLabel}
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
      nav={user ? nav : null}
    >
      {children}
    </AppShell>
  );
}

/** The page inside the frame: follows the language the server chose, shows the message a redirect left, then the route. */
export function RootOutlet({ language, flash }: { language: string; flash: string | null }) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);
  return (
    <>
      {flash ? <Alert tone="success">{flash}</Alert> : null}
      <Outlet />
    </>
  );
}
