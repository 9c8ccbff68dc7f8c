import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import type { AnyOperation } from "./operation";
import { z } from "zod";
import { problem } from "./schemas";

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request (invalid JSON, invalid Idempotency-Key)",
  401: "Missing, unknown or revoked key, or its user is deactivated",
  403: "This key may not call this operation",
  404: "Not found, or not visible to this key",
  409: "Conflict: the claim's state does not allow it, or the same Idempotency-Key is in progress",
  413: "Request or file too large",
  415: "Unsupported content type",
  422: "Invalid fields (see `errors`), or an Idempotency-Key reused for another request",
  429: "Rate limit reached (see Retry-After)",
  507: "The file storage is full: nothing was saved (see `errors`); the same request may be retried later",
};

const problemResponse = (status: number) => ({ description: PROBLEM_DESCRIPTIONS[status] ?? "Problem", content: { "application/problem+json": { schema: problem } } });

const rateHeaders = {
  "RateLimit-Limit": { description: "Requests allowed per minute", schema: { type: "integer" as const } },
  "RateLimit-Remaining": { description: "Requests left in the current minute", schema: { type: "integer" as const } },
  "RateLimit-Reset": { description: "Seconds until the window resets", schema: { type: "integer" as const } },
};

/** The OpenAPI 3.1 document, generated from the operations' zod schemas (never written by hand). */
export function buildOpenApiDocument(operations: readonly AnyOperation[], { serverUrl }: { serverUrl: string }) {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of operations) {
    const statuses = [...new Set([...(op.method === "POST" ? [400, 415] : []), ...(op.multipart || op.csv ? [413] : []), ...(op.multipart ? [507] : []), 401, 403, 422, 429, ...(op.problems ?? [])])].sort();
    const operation: ZodOpenApiOperationObject = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      ...(op.params || op.query ? { requestParams: { ...(op.params ? { path: op.params } : {}), ...(op.query ? { query: op.query } : {}) } } : {}),
      ...(op.method === "POST"
        ? {
            parameters: [
              {
                name: "Idempotency-Key",
                in: "header" as const,
                required: false,
                description: "Any unique string (e.g. a UUID): the same key and body return the first answer again for 24 h",
                schema: { type: "string" as const, maxLength: 255 },
              },
            ],
          }
        : {}),
      ...(op.multipart
        ? {
            requestBody: {
              required: true,
              content: {
                "multipart/form-data": {
                  schema: (op.multipart.schema as unknown as z.ZodObject).extend({
                    [op.multipart.fileField]: z.array(z.string().meta({ format: "binary" })).meta({ description: op.multipart.fileDescription }),
                  }),
                  example: op.multipart.example,
                },
              },
            },
          }
        : {}),
      ...(op.csv
        ? { requestBody: { required: true, description: op.csv.description, content: { "text/csv": { schema: { type: "string" as const }, example: op.csv.example } } } }
        : {}),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: op.body.schema, example: op.body.example } } } } : {}),
      responses: {
        [String(op.success.status)]: { description: op.success.description, headers: rateHeaders, content: { "application/json": { schema: op.success.schema } } },
        ...Object.fromEntries(statuses.map((status) => [String(status), problemResponse(status)])),
      },
    };
    const path = (paths[op.path] ??= {});
    (path as Record<string, ZodOpenApiOperationObject>)[op.method.toLowerCase()] = operation;
  }
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Accord API",
        version: "1.0.0",
        description:
          "File and follow claims from your ERP. Authenticate with `Authorization: Bearer <API key>` (created by your company's administrator in « Mon entreprise »). Errors are `application/problem+json`; French by default, English with `Accept-Language: en`.",
      },
      servers: [{ url: serverUrl }],
      security: [{ bearer: [] }],
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A company API key (accord_live_…) or a staff integration key (accord_int_…)" } } },
      paths,
    }
  );
}
