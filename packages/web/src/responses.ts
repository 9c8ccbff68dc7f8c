/** Small answers both apps give the same way: the health probe, an unknown path, a page whose URL carries a secret. */
import { data } from "react-router";

/** 200 when the database answers, 503 otherwise (used by `npm start` and probes); never cached. */
export async function healthResponse(ping: () => Promise<unknown>): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  try {
    await ping();
    return Response.json({ status: "ok" }, { headers });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers });
  }
}

/** Every unknown path, read or posted: a real 404 status (the page shows the translated message inside the usual frame). */
export function notFoundStatus() {
  return data(null, { status: 404 });
}

/** A page whose URL carries a token (invitation, password reset): never leaked to another site through Referer, never cached. */
export const SECRET_LINK_HEADERS = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" };
