import { mergeMessages, sharedMessages } from "@accord/ui/locales";
import { adminMessages } from "./admin";
import { casePageMessages } from "./case-page";
import { en } from "./en";
import { fr } from "./fr";
import { queueMessages } from "./queue";
import { settlementMessages } from "./settlement";
import { receivablesPageMessages } from "./receivables";
import { correctiveMessages } from "./corrective";
import { erpImportMessages } from "./erp-import";
import { inboundMessages } from "./inbound";
import { kpiMessages } from "./kpi";

export const appMessages = { fr, en };

/** Every string of the back-office: the shared ones, the app's, then one catalogue per feature (add a line per feature). */
export const messages = mergeMessages(sharedMessages, appMessages, adminMessages, casePageMessages, queueMessages, settlementMessages, receivablesPageMessages, correctiveMessages, erpImportMessages, inboundMessages, kpiMessages);

/** The back-office's merged French catalogue: its keys are the keys `t` accepts here (app/i18next.d.ts). */
export type AppCatalogue = (typeof messages)["fr"];

/** i18next resources: one `translation` namespace per language. */
export const resources = {
  fr: { translation: messages.fr },
  en: { translation: messages.en },
};
