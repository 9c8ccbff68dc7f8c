import type { ReactNode } from "react";

export interface LanguageLink {
  /** BCP 47 code, e.g. "fr". */
  code: string;
  /** The language's own name, e.g. "Français". */
  label: string;
  href: string;
  current: boolean;
}

export interface AppShellProps {
  productName: string;
  /** "Portail client" / "Back-office". */
  appLabel: string;
  homeHref?: string;
  /** The signed-in user, or null on public pages. */
  user?: { name: string; company?: string | null } | null;
  /** A POST form to sign out; shown with a user. */
  signOut?: { action: string; label: string } | null;
  languages: LanguageLink[];
  languageLabel: string;
  skipLinkLabel: string;
  /** Optional navigation links (already rendered), and the name of that navigation landmark. */
  nav?: ReactNode;
  navLabel?: string;
  children: ReactNode;
}

/** The frame of every page: skip link, header (product, app, user, language, sign-out), main landmark. */
export function AppShell({
  productName,
  appLabel,
  homeHref = "/",
  user,
  signOut,
  languages,
  languageLabel,
  skipLinkLabel,
  nav,
  navLabel,
  children,
}: AppShellProps) {
  return (
    <>
      <a className="skip-link" href="#main">
        {skipLinkLabel}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <a className="app-brand" href={homeHref}>
            <span className="app-brand__product">{productName}</span>
            <span className="app-brand__app">{appLabel}</span>
          </a>
          {nav ? (
            <nav className="app-nav" aria-label={navLabel ?? appLabel}>
              {nav}
            </nav>
          ) : null}
          <div className="app-header__tools">
            {user ? (
              <p className="app-user">
                <span className="app-user__name">{user.name}</span>
                {user.company ? <span className="app-user__company">{user.company}</span> : null}
              </p>
            ) : null}
            <LanguageSwitch label={languageLabel} languages={languages} />
            {user && signOut ? (
              <form method="post" action={signOut.action} className="app-signout">
                <button type="submit" className="button button--ghost">
                  {signOut.label}
                </button>
              </form>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** Links that reload the current page in another language (`?lng=`), so they work without JavaScript. */
export function LanguageSwitch({ label, languages }: { label: string; languages: LanguageLink[] }) {
  return (
    <nav className="language-switch" aria-label={label}>
      <ul>
        {languages.map((language) => (
          <li key={language.code}>
            {language.current ? (
              <span aria-current="true" lang={language.code} className="language-switch__current">
                {language.label}
              </span>
            ) : (
              <a href={language.href} lang={language.code} hrefLang={language.code}>
                {language.label}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The current URL with `lng` set to `code`, other search parameters kept. */
export function languageHref(pathname: string, search: string, code: string): string {
  const params = new URLSearchParams(search);
  params.set("lng", code);
  return `${pathname}?${params.toString()}`;
}
