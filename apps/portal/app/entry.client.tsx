import { hydrateApp } from "@accord/web/entry-client";
import { resources } from "./locales";

hydrateApp(resources);
