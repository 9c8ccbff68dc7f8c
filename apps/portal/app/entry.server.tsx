import { createHandleRequest, handleError as logServerError, STREAM_TIMEOUT } from "@accord/web/entry-server";
import { i18nOf } from "./.server/i18n";

// server.ts reads these from the build (build.entry.module): same context object as the routes use.
export { clientContext } from "./.server/request";
export { closeDatabase } from "./.server/db";

export const streamTimeout = STREAM_TIMEOUT;

/** React Router's default Node renderer, with the request's i18next instance around the app. */
export default createHandleRequest(i18nOf);

/** Logs server errors, except requests the browser gave up on. */
export const handleError = logServerError;
