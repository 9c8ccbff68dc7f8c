import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/**
 * The API reference at /api/v1/docs: Scalar's standalone bundle, served from this origin (the CSP
 * allows this site's scripts only: no CDN), configured by data attributes (no inline script).
 */
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Accord API v1 — reference</title>
  </head>
  <body>
    <script id="api-reference" data-url="/api/v1/openapi.json" data-configuration='{"withDefaultFonts":false,"hideClientButton":true,"telemetry":false,"showDeveloperTools":"never","showToolbar":"never","defaultOpenAllTags":true,"agent":{"disabled":true},"mcp":{"disabled":true}}'></script>
    <script src="/api/v1/docs/scalar.js"></script>
  </body>
</html>
`;

export function docsPage(): Response {
  return new Response(PAGE, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" } });
}

let script: Promise<Buffer> | null = null;

export async function docsScript(): Promise<Response> {
  // The package exports no path to its browser bundle: it sits beside its main entry (dist/).
  script ??= readFile(createRequire(import.meta.url).resolve("@scalar/api-reference").replace(/dist[\\/].*$/, "dist/browser/standalone.js"));
  const body = await script;
  return new Response(new Uint8Array(body), { headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
