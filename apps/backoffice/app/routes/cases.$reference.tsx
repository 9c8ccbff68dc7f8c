import type { ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/cases.$reference";
import { CasePage } from "../case-page/CasePage";
import { caseAction, caseLoader } from "../.server/case-page";
import caseStyles from "../styles/case-page.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: caseStyles }];

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.page.case.reference} — Accord` : "Accord" }];
}

export async function loader(args: Route.LoaderArgs) {
  return caseLoader(args);
}

/** A refused move (409) often means the case changed meanwhile: show its current state with the reason. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 ? true : defaultShouldRevalidate;
}

export async function action(args: Route.ActionArgs) {
  return caseAction(args);
}

export default function CaseRoute({ loaderData, actionData }: Route.ComponentProps) {
  // Every change appends an event: a new key after a successful change starts the forms afresh
  // (the uploader forgets the files just attached); a refused one keeps what was typed.
  return <CasePage key={loaderData.page.timeline.length} {...loaderData} actionData={actionData ?? null} />;
}
