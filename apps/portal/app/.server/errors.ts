/** AppError → HTTP status and translated message: see @accord/web/errors. */
export { describeError, notFound, throwAsResponse, type DescribedError } from "@accord/web/errors";
export { loadOrRespond } from "@accord/web/route";
