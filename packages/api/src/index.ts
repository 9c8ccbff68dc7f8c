export { createApiHandler, API_PREFIX, DEFAULT_RATE_LIMIT_PER_MINUTE, type ApiHandler, type ApiHandlerOptions } from "./handler";
export { buildOpenApiDocument } from "./openapi";
export { operations } from "./operations";
export { defineOperation, type Operation, type OperationContext, type ApiConfig } from "./operation";
export { ApiProblem } from "./problem";
export { defaultApiCatalogues, type ApiCatalogues } from "./i18n";
export { readBoundedBody } from "./bounded-body";
