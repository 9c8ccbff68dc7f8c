import { createContext } from "react-router";

/** What only the HTTP server knows about the request (set by server.ts through getLoadContext). */
export interface ClientInfo {
  ip: string | null;
  /** This response's Content-Security-Policy nonce for inline scripts (none under Vite). */
  nonce?: string;
}

export const clientContext = createContext<ClientInfo>({ ip: null });

/**
 * Where to go after signing in: a path on this site only ("/cases?x=1"), never another origin
 * ("//evil.example", "https://…", "/\\evil.example"); anything else goes home.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  try {
    const base = "http://accord.invalid";
    const url = new URL(to, base);
    if (url.origin !== base) return fallback;
    if (url.pathname === "/login" || url.pathname === "/logout") return fallback;
    // The check holds for the path we RETURN, not the one we were given: "/.//evil.example" normalises to
    // "//evil.example", which a browser reads as another host (protocol-relative).
    const path = `${url.pathname}${url.search}${url.hash}`;
    if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return fallback;
    if (new URL(path, base).origin !== base) return fallback;
    return path;
  } catch {
    return fallback;
  }
}

/** `/login?redirectTo=<this page>` for a visitor who must sign in first. */
export function loginUrlFor(request: Request): string {
  const url = new URL(request.url);
  const here = `${url.pathname}${url.search}`;
  return here === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: here }).toString()}`;
}
