import { isSecureRequest, readCookie } from "@accord/auth";
import { createContext, redirect, type MiddlewareFunction, type RouterContextProvider } from "react-router";

const FLASH_COOKIE = "accord_flash";

/** The messages a redirect may carry to the next page (message keys). */
const FLASH_KEYS = [
  "auth.passwordChanged",
  "queue.flash.viewSaved", // back-office queue: saved views
  "queue.flash.viewDeleted",
  "queue.flash.assigned",
  "inbound.flash.attached", // back-office quarantine of inbound e-mail (ADR 0036)
  "inbound.flash.rejected",
  "admin.flash.saved", "admin.flash.deactivated", "admin.flash.invited", // back-office administration
  // back-office case page (qualification and instruction)
  "casePage.flash.qualified",
  "casePage.flash.assigned",
  "casePage.flash.promoted",
  "casePage.flash.rejected",
  "casePage.flash.merged",
  "casePage.flash.investigationStarted",
  "casePage.flash.taskAdded",
  "casePage.flash.taskCompleted",
  "casePage.flash.replied",
  "casePage.flash.noteAdded",
  "casePage.flash.evidenceAdded",
  "casePage.flash.rootCauseSet",
  "casePage.flash.stakeholdersNotified",
  "casePage.flash.timeLogged",
  "casePage.flash.evidenceRequested",
  "casePage.flash.openedOnBehalf",
  // back-office settlement (proposals, approvals, decision)
  "casePage.flash.proposalOffered",
  "casePage.flash.proposalSubmitted",
  "casePage.flash.approvalRecorded",
  "casePage.flash.approvalOffered",
  "casePage.flash.approvalRefused",
  "casePage.flash.decisionRecorded",
  "casePage.flash.decisionCompleted",
  "casePage.flash.caseClosed",
  // back-office corrective actions and proactive notice
  "casePage.flash.correctiveActionAdded",
  "casePage.flash.correctiveActionCompleted",
  "casePage.flash.correctiveActionWaived",
  "casePage.flash.correctiveActionReopened",
  "casePage.flash.proactiveNoticeSent",
  // back-office litigation (contentieux)
  "casePage.flash.handedOverToLegal",
  "casePage.flash.legalStepRecorded",
  "casePage.flash.legalCostRecorded",
  "casePage.flash.judgmentRecorded",
  "casePage.flash.settledOutOfCourt",
  // back-office mediation
  "casePage.flash.mediationStarted",
  "casePage.flash.mediationSessionRecorded",
  "casePage.flash.mediationOutcomeRecorded",
  // company users, invitations, profile (portal)
  "company.flash.invited",
  "company.flash.roleChanged",
  "company.flash.deactivated",
  "company.flash.reactivated",
  "company.flash.invitationRevoked",
  "invitations.flash.welcome",
  "profile.flash.saved",
  "profile.flash.passwordChanged",
  "profile.flash.preferencesSaved",
  // portal case page (my cases)
  "cases.flash.replied",
  "cases.flash.answered",
  "cases.flash.withdrawn",
  // portal settlement (the customer's answer to a proposal, the survey)
  "cases.flash.proposalAccepted",
  "cases.flash.proposalDeclined",
  "cases.flash.counterProposed",
  "cases.flash.rated",
  // API keys, integration keys and reason codes (portal "Mon entreprise", back-office administration)
  "keys.flash.keyRevoked",
  "keys.flash.codeAdded",
  "keys.flash.codeChanged",
  "keys.flash.codeDeleted",
] as const;
export type FlashKey = (typeof FLASH_KEYS)[number];

function isFlashKey(value: unknown): value is FlashKey {
  return (FLASH_KEYS as readonly unknown[]).includes(value);
}

/** `Set-Cookie` value carrying a message to the page a redirect leads to. */
export function flashCookie(key: FlashKey, { secure }: { secure: boolean }): string {
  return [`${FLASH_COOKIE}=${key}`, "Path=/", "Max-Age=300", "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])].join("; ");
}

/** THE redirect after a change: to `to`, with a message for the page it leads to. */
export function redirectWithFlash(request: Request, to: string, key: FlashKey): Response {
  return redirect(to, { headers: { "Set-Cookie": flashCookie(key, { secure: isSecureRequest(request) }) } });
}

const flashContext = createContext<{ take(): FlashKey | null }>({ take: () => null });

/** Reads the flash cookie; once a page has shown the message, the cookie is cleared. */
export const flashMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const value = readCookie(request.headers.get("cookie"), FLASH_COOKIE);
  let taken = false;
  context.set(flashContext, {
    take() {
      if (!isFlashKey(value)) return null;
      taken = true;
      return value;
    },
  });
  const response = await next();
  const invalid = value !== null && !isFlashKey(value);
  const replaced = response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${FLASH_COOKIE}=`));
  if ((taken || invalid) && !replaced) {
    try {
      response.headers.append("Set-Cookie", `${FLASH_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
    } catch {
      // immutable headers: the cookie expires by itself
    }
  }
  return response;
};

/** The message a redirect left for this page, if any (then it is gone). */
export function takeFlash(context: Readonly<RouterContextProvider>): FlashKey | null {
  return context.get(flashContext).take();
}
