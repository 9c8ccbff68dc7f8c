/**
 * `/api/v1/*`: the public API (ADR 0034), all of it in @accord/api. Authenticated by API key
 * (`Authorization: Bearer`), never by the session cookie: nothing here reads the actor, and the
 * server exempts /api/v1 from the Origin check and the form gate. Errors are problem+json.
 */
import { apiMessages, mergeCatalogues } from "@accord/ui/locales";
import { createApiHandler, type ApiHandler } from "@accord/api";
import type { Db } from "@accord/db";
import { fileStore } from "@accord/web/uploads";
import { env } from "../env.server";
import { dbContext } from "../.server/db";
import { messages } from "../locales";
import type { Route } from "./+types/api.v1.$";

let handler: { db: Db; handle: ApiHandler } | null = null;

function apiHandler(db: Db): ApiHandler {
  if (handler?.db !== db) {
    const settings = env();
    handler = {
      db,
      handle: createApiHandler({
        db,
        portalUrl: settings.PORTAL_URL,
        backofficeUrl: settings.BACKOFFICE_URL,
        rateLimitPerMinute: settings.API_RATE_LIMIT_PER_MINUTE,
        store: fileStore(),
        maxFileBytes: settings.UPLOAD_MAX_BYTES,
        catalogues: { fr: mergeCatalogues(messages.fr, apiMessages.fr), en: mergeCatalogues(messages.en, apiMessages.en) },
      }),
    };
  }
  return handler.handle;
}

export function loader({ request, context }: Route.LoaderArgs) {
  return apiHandler(context.get(dbContext))(request);
}

export function action({ request, context }: Route.ActionArgs) {
  return apiHandler(context.get(dbContext))(request);
}
