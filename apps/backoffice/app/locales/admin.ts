/**
 * Strings of the back-office administration (/admin/...), French and English: each section's strings live
 * beside its pages (admin/<section>.messages.ts). Composed as plain object literals (a spread for the
 * shared strings), so that the catalogue's type keeps every key (merged in ./index.ts).
 */
import { accountsMessages } from "../admin/accounts.messages";
import { calendarsMessages } from "../admin/calendars.messages";
import { checklistsMessages } from "../admin/checklists.messages";
import { commonMessages } from "../admin/common.messages";
import { companyMessages } from "../admin/company.messages";
import { indexesMessages } from "../admin/indexes.messages";
import { kbMessages } from "../admin/kb.messages";
import { responsesMessages } from "../admin/responses.messages";
import { rootCausesMessages } from "../admin/root-causes.messages";
import { slaMessages } from "../admin/sla.messages";
import { staffMessages } from "../admin/staff.messages";
import { thresholdsMessages } from "../admin/thresholds.messages";
import { undeliveredMessages } from "../admin/undelivered.messages";

type Language = "fr" | "en";

/** One language's catalogue: the strings shared by the sections, then each section's under its key. */
function compose(language: Language) {
  const accounts = accountsMessages[language];
  return {
    company: { errors: accounts.invitationErrors },
    admin: {
      ...commonMessages[language],
      sla: slaMessages[language],
      calendars: calendarsMessages[language],
      staff: staffMessages[language],
      accounts: accounts.accounts,
      prices: accounts.prices,
      indexes: indexesMessages[language],
      rootCauses: rootCausesMessages[language],
      checklists: checklistsMessages[language],
      responses: responsesMessages[language],
      company: companyMessages[language],
      thresholds: thresholdsMessages[language],
      kb: kbMessages[language],
      undelivered: undeliveredMessages[language],
    },
  };
}

const fr = compose("fr");
const en: typeof fr = compose("en");

export const adminMessages = { fr, en };
