/**
 * Session cookies of the two apps. Framework-free: works on a web `Request`
 * and returns `Set-Cookie` header values.
 */
export type AppName = "portal" | "backoffice";

export interface SessionCookie {
  /** The name over plain http (development, tests behind no TLS). */
  readonly name: string;
  /** Both names the cookie may have: `__Host-<name>` over https, `<name>` over http. */
  readonly names: readonly [string, string];
  serialize(token: string, expiresAt: Date, options: { secure: boolean; now?: Date }): string;
  clear(options: { secure: boolean }): string;
  read(request: Request): string | null;
}

const cookieNames: Record<AppName, string> = {
  portal: "accord_portal_session",
  backoffice: "accord_backoffice_session",
};

function attributes(maxAgeSeconds: number, secure: boolean): string {
  return ["HttpOnly", "SameSite=Lax", "Path=/", `Max-Age=${maxAgeSeconds}`, ...(secure ? ["Secure"] : [])].join("; ");
}

/**
 * Over https the cookie is `__Host-<name>`: the browser then keeps it only if it is Secure, has Path=/
 * and no Domain, so that neither a sibling sub-domain nor a plain-http page can set or shadow it
 * (ASVS 5.0 V3.3.1). Over http (development) the prefix would be refused, so the plain name is used.
 */
export function sessionCookie(app: AppName): SessionCookie {
  const name = cookieNames[app];
  const nameFor = (secure: boolean) => (secure ? `${HOST_PREFIX}${name}` : name);
  return {
    name,
    names: [`${HOST_PREFIX}${name}`, name],
    serialize(token, expiresAt, { secure, now = new Date() }) {
      const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
      return `${nameFor(secure)}=${encodeURIComponent(token)}; ${attributes(maxAge, secure)}`;
    },
    clear({ secure }) {
      return `${nameFor(secure)}=; ${attributes(0, secure)}`;
    },
    read(request) {
      return readCookie(request.headers.get("cookie"), nameFor(isSecureRequest(request)));
    },
  };
}

const HOST_PREFIX = "__Host-";

/** The value of one cookie in a `Cookie` header, or null when absent or empty. */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    const raw = part.slice(separator + 1).trim();
    if (raw === "") return null;
    try {
      return decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  return null;
}

/** Whether the browser reached us over https (directly or through a proxy that says so). */
export function isSecureRequest(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto");
  if (forwarded) return forwarded.split(",")[0]!.trim().toLowerCase() === "https";
  return new URL(request.url).protocol === "https:";
}
