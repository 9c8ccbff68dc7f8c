/**
 * A request's raw body read whole, or null once it passes `limit` bytes (the rest is not read: the
 * stream is cancelled). The one bounded reader of every machine-to-machine body: the API's JSON and
 * CSV bodies, the inbound e-mail endpoint and Resend's webhook.
 */
export async function readBoundedBody(request: Request, limit: number): Promise<Buffer | null> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
