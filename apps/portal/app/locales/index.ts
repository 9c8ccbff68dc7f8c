import { mergeMessages, sharedMessages } from "@accord/ui/locales";
import { casesMessages } from "./cases";
import { claimsMessages } from "./claims";
import { companyMessages } from "./company";
import { en } from "./en";
import { fr } from "./fr";
import { helpMessages } from "./help";
import { settlementMessages } from "./settlement";
import { invoicesMessages } from "./invoices";
import { claimImportMessages } from "./claim-import";

export const appMessages = { fr, en };

/** Every string of the portal: the shared ones, the app's, then one catalogue per feature (add a line per feature). */
export const messages = mergeMessages(sharedMessages, appMessages, helpMessages, companyMessages, claimsMessages, casesMessages, settlementMessages, invoicesMessages, claimImportMessages);

/** The portal's merged French catalogue: its keys are the keys `t` accepts here (app/i18next.d.ts). */
export type AppCatalogue = (typeof messages)["fr"];

/** i18next resources: one `translation` namespace per language. */
export const resources = {
  fr: { translation: messages.fr },
  en: { translation: messages.en },
};
