import { Readable } from "node:stream";
import { exportDossier, exportDossierSchema, parseInput } from "@accord/core";
import { env } from "@accord/web/env";
import { contentDisposition } from "@accord/web/evidence-download";
import { fileStore } from "@accord/web/uploads";
import { redirect } from "react-router";
import type { Route } from "./+types/cases.dossier";
import { staffRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";
import { DOSSIER_COOKIE } from "../case-page/sections/Archive";

/** The address only takes the export form's POST (the export is recorded): a GET goes back to the case's archive section. */
export async function loader(args: Route.LoaderArgs) {
  await staffRoute(args, "case:read");
  throw redirect(`/cases/${encodeURIComponent(args.params.reference)}#archive`);
}

/**
 * The case's probative dossier as a ZIP download (issue 12, ADR 0028), streamed: the evidence is
 * read from the store as the browser downloads it, and the exact size is sent (the browser shows
 * progress). Staff who may see the case; any other case is a 404. The form's token comes back as a
 * short cookie so the page's button knows the download started.
 */
export async function action(args: Route.ActionArgs) {
  const ctx = await staffRoute(args, "case:read");
  const form = await args.request.formData();
  const token = String(form.get("downloadToken") ?? "");
  const dossier = await loadOrRespond(ctx, () =>
    exportDossier({
      ...ctx,
      input: parseInput(exportDossierSchema, { reference: args.params.reference }),
      files: fileStore(),
      signingKeyPem: env().ACCORD_SIGNING_KEY ?? undefined,
    }),
  );
  const headers = new Headers({
    "Content-Type": "application/zip",
    "Content-Disposition": contentDisposition(dossier.fileName),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (dossier.sizeBytes !== null) headers.set("Content-Length", String(dossier.sizeBytes));
  if (/^[a-z0-9]{6,20}$/.test(token)) headers.append("Set-Cookie", `${DOSSIER_COOKIE}=${token}; Path=/; Max-Age=120; SameSite=Strict`);
  return new Response(Readable.toWeb(dossier.stream) as ReadableStream<Uint8Array>, { headers });
}
