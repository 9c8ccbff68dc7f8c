/**
 * Strings of the company users, invitation and profile pages (journeys 6 and 7), French and English:
 * each page's strings live beside it. Merged into the portal's catalogue in ./index.ts.
 */
import { companyPageMessages } from "../company/company.messages";
import { invitationMessages } from "../routes/invitation.messages";
import { profileMessages } from "../routes/profile.messages";

const fr = { ...companyPageMessages.fr, ...invitationMessages.fr, ...profileMessages.fr };

const en: typeof fr = { ...companyPageMessages.en, ...invitationMessages.en, ...profileMessages.en };

export const companyMessages = { fr, en };
