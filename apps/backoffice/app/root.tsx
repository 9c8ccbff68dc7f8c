import { listProposalsToApprove } from "@accord/core";
import { APPROVAL_LEVELS } from "@accord/domain";
import { translateKey } from "@accord/ui/locales";
import stylesUrl from "@accord/ui/styles.css?url";
import { Document } from "@accord/web/components/Document";
import { rootLinks, RootOutlet } from "@accord/web/components/AppFrame";
import { RouteErrorContent } from "@accord/web/components/ErrorContent";
import { useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import { actorMiddleware, canReadKpi, canReadMailbox, canReadReceivables, canTriageInbound, currentStaff } from "./.server/actor";
import { dbContext, dbMiddleware } from "./.server/db";
import { flashMiddleware, takeFlash } from "./.server/flash";
import { languageMiddleware, languageOf, translator } from "./.server/i18n";
import { Shell } from "./components/Shell";

// Language first: every later step (and every error page) can translate.
export const middleware: Route.MiddlewareFunction[] = [languageMiddleware, dbMiddleware, flashMiddleware, actorMiddleware];

export const links: Route.LinksFunction = () => rootLinks(stylesUrl);

export async function loader({ context }: Route.LoaderArgs) {
  const actor = await currentStaff(context);
  const flash = takeFlash(context);
  const t = translator(context);
  // Approvers see "À valider" with how many proposals wait for them (one read-only query).
  const approver = actor ? APPROVAL_LEVELS.some((level) => actor.roles.includes(level)) : false;
  const toApprove = approver && actor ? (await listProposalsToApprove({ db: context.get(dbContext), actor, input: {}, now: new Date() })).length : null;
  return {
    language: languageOf(context),
    // Staff work for the supplier: under their name, their roles.
    user: actor ? { name: actor.name, company: actor.roles.map((role) => t(`roles.${role}`)).join(", ") } : null,
    canReadMailbox: actor ? canReadMailbox(actor) : false,
    canReadReceivables: actor ? canReadReceivables(actor) : false,
    canReadKpi: actor ? canReadKpi(actor) : false,
    canTriageInbound: actor ? canTriageInbound(actor) : false,
    canAdminister: actor ? actor.permissions.some((permission) => permission.startsWith("admin:")) : false,
    toApprove,
    flash: flash ? translateKey(t, flash) : null,
  };
}

/** The HTML document (see @accord/web/components/Document). */
export const Layout = Document;

export default function App({ loaderData }: Route.ComponentProps) {
  return (
    <Shell user={loaderData.user} canReadMailbox={loaderData.canReadMailbox} canAdminister={loaderData.canAdminister} toApprove={loaderData.toApprove} canReadReceivables={loaderData.canReadReceivables} canTriageInbound={loaderData.canTriageInbound} canReadKpi={loaderData.canReadKpi}>
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
