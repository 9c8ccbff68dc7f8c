/**
 * React Router's default Node renderer, shared by both apps' `app/entry.server.tsx`, with the request's
 * i18next instance around the app (each app says where that instance lives: `i18nOf`).
 */
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import type { i18n } from "i18next";
import { isbot } from "isbot";
import type { RenderToPipeableStreamOptions } from "react-dom/server";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { ServerRouter, type EntryContext, type HandleErrorFunction, type RouterContextProvider } from "react-router";
import { NonceContext } from "./nonce";
import { clientContext } from "./request";

export const STREAM_TIMEOUT = 5_000;

export function createHandleRequest(i18nOf: (context: RouterContextProvider) => i18n) {
  return function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, routerContext: EntryContext, loadContext: RouterContextProvider) {
    if (request.method.toUpperCase() === "HEAD") {
      return new Response(null, { status: responseStatusCode, headers: responseHeaders });
    }

    return new Promise<Response>((resolve, reject) => {
      let shellRendered = false;
      const userAgent = request.headers.get("user-agent");
      const readyOption: keyof RenderToPipeableStreamOptions = (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";

      let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), STREAM_TIMEOUT + 1000);

      // The Content-Security-Policy nonce of this response (server.ts): on every inline script.
      const nonce = loadContext.get(clientContext).nonce;
      const { pipe, abort } = renderToPipeableStream(
        <NonceContext.Provider value={nonce}>
          <I18nextProvider i18n={i18nOf(loadContext)}>
            <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
          </I18nextProvider>
        </NonceContext.Provider>,
        {
          nonce,
          [readyOption]() {
            shellRendered = true;
            const body = new PassThrough({
              final(callback) {
                clearTimeout(timeoutId);
                timeoutId = undefined;
                callback();
              },
            });
            const stream = createReadableStreamFromReadable(body);
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            pipe(body);
            resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          },
          onShellError(error: unknown) {
            reject(error);
          },
          onError(error: unknown) {
            responseStatusCode = 500;
            if (shellRendered) console.error(error);
          },
        },
      );
    });
  };
}

/** Logs server errors, except requests the browser gave up on. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  console.error(error);
};
