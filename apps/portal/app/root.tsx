import { Alert } from "@accord/ui";
import stylesUrl from "@accord/ui/styles.css?url";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import { actorMiddleware, currentCustomer } from "./.server/actor";
import { dbMiddleware } from "./.server/db";
import { flashMiddleware, takeFlash } from "./.server/flash";
import { languageMiddleware, languageOf, translator } from "./.server/i18n";
import { ErrorContent, NotFoundContent } from "@accord/web/components/ErrorContent";
import { Shell } from "./components/Shell";

// Language first: every later step (and every error page) can translate.
export const middleware: Route.MiddlewareFunction[] = [languageMiddleware, dbMiddleware, flashMiddleware, actorMiddleware];

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "data:," },
];

export async function loader({ context }: Route.LoaderArgs) {
  const actor = await currentCustomer(context);
  const flash = takeFlash(context);
  return {
    language: languageOf(context),
    // TODO(contract): CustomerActor carries no account name yet; the home page shows it.
    user: actor ? { name: actor.name, company: null } : null,
    flash: flash ? translator(context)(flash) : null,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const { i18n, t } = useTranslation();
  return (
    <html lang={i18n.language} dir={i18n.dir(i18n.language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t("common.productName")} — ${t("app.label")}`}</title>
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App({ loaderData }: Route.ComponentProps) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language !== loaderData.language) void i18n.changeLanguage(loaderData.language);
  }, [i18n, loaderData.language]);
  return (
    <Shell user={loaderData.user}>
      {loaderData.flash ? <Alert tone="success">{loaderData.flash}</Alert> : null}
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  let content: ReactNode;
  if (isRouteErrorResponse(error) && error.status === 404) {
    content = <NotFoundContent />;
  } else if (isRouteErrorResponse(error)) {
    // Our own error responses carry an already translated message.
    content = <ErrorContent status={error.status} message={typeof error.data === "string" ? error.data : undefined} />;
  } else {
    // Details only from the development server: never a stack trace in a production build.
    const details = import.meta.env.DEV && error instanceof Error ? (error.stack ?? error.message) : undefined;
    content = <ErrorContent status={500} details={details} />;
  }
  return <Shell user={rootData?.user ?? null}>{content}</Shell>;
}
