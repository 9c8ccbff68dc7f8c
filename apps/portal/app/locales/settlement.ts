/** Strings of the settlement screens (issue 11: the customer decides), French and English: see ../settlement/settlement.messages.ts. */
import { settlementMessages as screens } from "../settlement/settlement.messages";

export const settlementMessages = {
  fr: { settlement: screens.fr },
  en: { settlement: screens.en },
};
