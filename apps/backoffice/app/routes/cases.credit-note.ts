import { buildCreditNote, creditNoteSchema, parseInput } from "@accord/core";
import type { Route } from "./+types/cases.credit-note";
import { staffRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

/**
 * The UBL 2.1 credit note of a decided case (once the ERP's number is recorded), as an attachment, for
 * staff who read invoices and may see the case. Before the number, the refusal page says why (409).
 */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "invoice:read");
  const { fileName, xml } = await loadOrRespond(ctx, () => buildCreditNote({ ...ctx, input: parseInput(creditNoteSchema, { reference: args.params.reference }) }));
  return new Response(xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
