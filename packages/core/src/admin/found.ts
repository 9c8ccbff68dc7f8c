import { AppError } from "../errors";
import { idSchema } from "./schemas";

/** An id from a URL: a malformed one is an unknown entity (not_found), like a missing one. */
export function idOrNotFound(raw: string): string {
  const id = idSchema.safeParse(raw);
  if (!id.success) throw new AppError("not_found");
  return id.data;
}

/** The row a get use case read, or not_found. */
export function found<Row>(row: Row | undefined): Row {
  if (row === undefined) throw new AppError("not_found");
  return row;
}
