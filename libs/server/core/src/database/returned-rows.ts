/**
 * The rows of a raw `query()` with RETURNING. TypeORM's PostgreSQL driver answers an UPDATE or DELETE with
 * `[rows, affected]` and a SELECT or INSERT with the rows themselves; this takes either.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return (result as T[] | undefined) ?? [];
}
