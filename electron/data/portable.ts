// The few places where SQLite and PostgreSQL need different words for the same question. Everything else a
// repository writes through the builder is the same on both.
import { PostgresAdapter, sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { DataExecutor } from './queries';
import type { DataSchema } from './schema';

export type DataDialect = 'sqlite' | 'postgres';

export function dialectOf(data: DataExecutor): DataDialect {
  return data.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * `haystack` contains `needle` as plain text: no wildcards, so nothing to escape. SQLite's instr and PostgreSQL's
 * strpos are several times faster than LIKE '%…%'.
 */
export function containsText(dialect: DataDialect, haystack: Expression<string>, needle: string): RawBuilder<SqlBool> {
  return dialect === 'postgres' ? sql<SqlBool>`strpos(${haystack}, ${needle}) > 0` : sql<SqlBool>`instr(${haystack}, ${needle}) > 0`;
}

/**
 * After a bulk write (an import's rows, a batch's hits, a batch removed), PostgreSQL's planner still believes the
 * tables as they were: a fresh server's tables then look empty, and the review queue's one-row-per-filing anti-join
 * is planned as a nested loop over every undecided hit — 22 s for 4,000 hits instead of a few ms, holding pool
 * connections until logins time out (the server load bench). Autovacuum may be off, and is a minute late when on,
 * so the job that wrote the rows analyzes them. SQLite's queries name their indexes (tableAs), so nothing to do.
 */
export async function refreshPlannerStatistics(data: DataExecutor, tables: readonly (keyof DataSchema & string)[]): Promise<void> {
  if (dialectOf(data) !== 'postgres') return;
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(data);
}

/**
 * A table under an alias, on SQLite with the index its planner should walk (`INDEXED BY`, where its own choice is
 * known to be slow); PostgreSQL has no such hint and plans for itself.
 */
export function tableAs<T, A extends string>(dialect: DataDialect, table: string, alias: A, index?: string) {
  const name = sql.id(alias);
  return sql<T>`${sql.table(table)}`.as<A>(dialect === 'sqlite' && index ? sql`${name} INDEXED BY ${sql.id(index)}` : name);
}

/**
 * The database refused a write because `table.column` must be unique: null when `error` is anything else. `value`
 * is the value that clashed when the database says (PostgreSQL's detail does, SQLite's message does not).
 */
export function uniqueViolation(error: unknown, table: string, column: string): { value: string | null } | null {
  if (!(error instanceof Error)) return null;
  // the drivers' own fields: better-sqlite3's SqliteError.code, pg's DatabaseError.code/table/detail
  const { code, table: onTable, detail } = error as Error & { code?: unknown; table?: unknown; detail?: unknown };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return error.message.split(/[:,]\s*/).includes(`${table}.${column}`) ? { value: null } : null;
  }
  if (code !== '23505' || onTable !== table || typeof detail !== 'string') return null;
  const clash = /^Key \((.+?)\)=\((.*)\) already exists\.?$/s.exec(detail);
  if (!clash || clash[1] !== column) return null;
  return { value: clash[2] ?? null };
}
