/**
 * Strings of the back-office administration (/admin/...), French and English: each section's strings live
 * beside its pages (admin/<section>.messages.ts). Composed by plain spreads, so that the catalogue's type
 * keeps every key (merged in ./index.ts).
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

type Language = "fr" | "en";

/** One language's catalogue: the sections' strings side by side under `admin` (each section has keys of its own). */
function compose(language: Language) {
  return {
    company: accountsMessages[language].company,
    admin: {
      ...commonMessages[language].admin,
      ...slaMessages[language].admin,
      ...calendarsMessages[language].admin,
      ...staffMessages[language].admin,
      ...accountsMessages[language].admin,
      ...indexesMessages[language].admin,
      ...rootCausesMessages[language].admin,
      ...checklistsMessages[language].admin,
      ...responsesMessages[language].admin,
      ...companyMessages[language].admin,
      ...thresholdsMessages[language].admin,
      ...kbMessages[language].admin,
    },
  };
}

const fr = compose("fr");
const en: typeof fr = compose("en");

export const adminMessages = { fr, en };
