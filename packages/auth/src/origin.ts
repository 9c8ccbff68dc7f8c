const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF guard for requests that change something: they must come from our own
 * origin (or one of `allowedOrigins`, e.g. the public URL behind a proxy).
 * `Origin` is checked, else `Referer`; a request with neither is refused.
 * SameSite cookies alone do not separate the two apps, which share a host.
 */
export function checkOrigin(request: Request, allowedOrigins: string[] = []): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const allowed = new Set([new URL(request.url).origin, ...allowedOrigins.map(originOf).filter((o) => o !== null)]);
  const origin = request.headers.get("origin");
  if (origin !== null) return origin !== "null" && allowed.has(origin);
  const referer = request.headers.get("referer");
  if (referer === null) return false;
  const refererOrigin = originOf(referer);
  return refererOrigin !== null && allowed.has(refererOrigin);
}

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}
