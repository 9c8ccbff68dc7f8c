import { describeAppCatalogue } from "@accord/ui/locales/usage";
import { appMessages, resources } from "./index";

describeAppCatalogue("back-office", {
  folder: "apps/backoffice",
  appMessages,
  messages: { fr: resources.fr.translation, en: resources.en.translation },
});
