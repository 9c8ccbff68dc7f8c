/**
 * Session cookies of the two apps. Framework-free: works on a web `Request`
 * and returns `Set-Cookie` header values.
 */
export type AppName = "portal" | "backoffice";

export interface SessionCookie {
  readonly name: string;
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

export function sessionCookie(app: AppName): SessionCookie {
  const name = cookieNames[app];
  return {
    name,
    serialize(token, expiresAt, { secure, now = new Date() }) {
      const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
      return `${name}=${encodeURIComponent(token)}; ${attributes(maxAge, secure)}`;
    },
    clear({ secure }) {
      return `${name}=; ${attributes(0, secure)}`;
    },
    read(request) {
      return readCookie(request.headers.get("cookie"), name);
    },
  };
}

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
