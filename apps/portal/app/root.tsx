import { hasPermission } from "@accord/auth";
import { translateKey } from "@accord/ui/locales";
import stylesUrl from "@accord/ui/styles.css?url";
import { Document } from "@accord/web/components/Document";
import { rootLinks, RootOutlet } from "@accord/web/components/AppFrame";
import { RouteErrorContent } from "@accord/web/components/ErrorContent";
import { useRouteLoaderData, type ShouldRevalidateFunction } from "react-router";
import type { Route } from "./+types/root";
import { actorMiddleware, currentCustomer } from "./.server/actor";
import { dbMiddleware } from "./.server/db";
import { flashMiddleware, takeFlash } from "./.server/flash";
import { languageMiddleware, languageOf, translator } from "./.server/i18n";
import { Shell } from "./components/Shell";

// Language first: every later step (and every error page) can translate.
export const middleware: Route.MiddlewareFunction[] = [languageMiddleware, dbMiddleware, flashMiddleware, actorMiddleware];

export const links: Route.LinksFunction = () => rootLinks(stylesUrl);

export async function loader({ context }: Route.LoaderArgs) {
  const actor = await currentCustomer(context);
  const flash = takeFlash(context);
  return {
    language: languageOf(context),
    // TODO(contract): CustomerActor carries no account name yet; the home page shows it.
    user: actor ? { name: actor.name, company: null, canFile: hasPermission(actor, "case:create") } : null,
    flash: flash ? translateKey(translator(context), flash) : null,
  };
}

/**
 * After any form is sent, the root's loader runs again, even when the action refused it (a 4xx
 * skips revalidation by default): the success message of an earlier change must not stay on screen.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) => (formMethod ? true : defaultShouldRevalidate);

/** The HTML document (see @accord/web/components/Document). */
export const Layout = Document;

export default function App({ loaderData }: Route.ComponentProps) {
  return (
    <Shell user={loaderData.user}>
      <RootOutlet language={loaderData.language} flash={loaderData.flash} />
    </Shell>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  // Details only from the development server: never a stack trace in a production build.
  const content = <RouteErrorContent error={error} dev={import.meta.env.DEV} />;
  return <Shell user={rootData?.user ?? null}>{content}</Shell>;
}
