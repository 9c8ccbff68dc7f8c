/**
 * An s3rver on its own process, for the upload bench: `tsx s3-server-process.ts <bucket> <directory>`
 * prints `{ "endpoint": … }` on one line once it listens, and stops on SIGTERM. On its own process so
 * that the S3 server does not share an event loop with the bench's client, as a real store would not.
 */
import { startLocalS3 } from "@accord/core/testing/s3-server";

const [bucket, directory] = process.argv.slice(2);
const server = await startLocalS3({ bucket, directory });
process.stdout.write(`${JSON.stringify({ endpoint: server.endpoint })}\n`);
process.once("SIGTERM", () => {
  void server.close().finally(() => process.exit(0));
});
