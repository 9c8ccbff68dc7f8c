import { describeAppCatalogue } from "@accord/ui/locales/usage";
import { appMessages, resources } from "./index";

describeAppCatalogue("portal", {
  folder: "apps/portal",
  appMessages,
  messages: { fr: resources.fr.translation, en: resources.en.translation },
});
