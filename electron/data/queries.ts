// The query builder over the application's data. On the desktop it runs on the same better-sqlite3 handle as the
// rest of the app (one connection, one file); on the server it will run on PostgreSQL. Repositories take a
// `DataExecutor` so that the same function runs alone or inside a caller's transaction.
//
// The rule that keeps one SQLite connection safe: a transaction awaits only its own queries, never a file, a worker
// or the network. Kysely's SQLite driver answers synchronously behind its promises, so such a transaction finishes
// before any other request's code runs; on PostgreSQL it holds one pooled connection only briefly.
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase, type Transaction } from 'kysely';
import type { Db } from '../db/open';
import type { DataSchema } from './schema';

export type DataQueries = Kysely<DataSchema>;
export type DataExecutor = Kysely<DataSchema> | Transaction<DataSchema>;

/**
 * SQLite transactions begin IMMEDIATE, as the app's better-sqlite3 transactions did. Other connections write the
 * same file (the import worker, a second copy of the program on a shared folder); a deferred transaction that read
 * first fails with SQLITE_BUSY when it then writes after one of them did, where an immediate one waits its turn.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SqliteDatabase) {
    super({ database });
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}

/** Statements kept per handle; queries with lists of varying length make new texts, so the oldest are dropped. */
const STATEMENTS_KEPT = 200;

/**
 * Kysely over an open database handle. Never destroy it: the handle belongs to the context, which closes it.
 * Kysely's SQLite driver prepares every query it runs; preparing costs more than running a small query, so the
 * statements are kept by their text (a registry import runs a few small queries per row).
 */
export function dataQueriesOn(db: Db): DataQueries {
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  const database: SqliteDatabase = {
    close: () => db.close(),
    prepare(sqlText: string) {
      let statement = statements.get(sqlText);
      if (statement) statements.delete(sqlText);
      else statement = db.prepare(sqlText);
      statements.set(sqlText, statement); // the newest last: the first key is the longest unused
      if (statements.size > STATEMENTS_KEPT) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
  return new Kysely<DataSchema>({ dialect: new ImmediateSqliteDialect(database) });
}

/** Runs `work` in one transaction: all of it is written, or, when it throws, none of it. */
export function inTransaction<T>(data: DataQueries, work: (tx: Transaction<DataSchema>) => Promise<T>): Promise<T> {
  return data.transaction().execute(work);
}
