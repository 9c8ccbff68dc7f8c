import { getTableName, sql, type Column } from "drizzle-orm";

/**
 * A column written with its table's name, for correlated subqueries: in a select from one table
 * drizzle prints bare column names, and a bare "id" inside a subquery means the subquery's own id.
 */
export function qualified(column: Column) {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
