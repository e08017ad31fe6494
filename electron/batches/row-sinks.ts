// The import's row sink for the connection it writes through: prepared statements on the SQLite file, COPY on
// PostgreSQL over one pooled client held for the whole import (COPY's temporary tables live as long as it does).
import type { DataConnection } from '../data/store';
import { createPostgresRowSink } from './row-sink-postgres';
import { createSqliteRowSink, type RowSink } from './row-sink';

export interface HeldRowSink {
  sink: RowSink;
  /** gives the PostgreSQL client back to the pool; call it when the import ends, however it ends */
  release(): void;
}

export async function holdRowSink(connection: Pick<DataConnection, 'sqlite' | 'pool'>): Promise<HeldRowSink> {
  if (connection.sqlite) return { sink: createSqliteRowSink(connection.sqlite), release: () => undefined };
  if (!connection.pool) throw new Error('内部错误：数据连接既不是 SQLite 也不是 PostgreSQL');
  const client = await connection.pool.connect();
  return { sink: createPostgresRowSink(client), release: () => client.release() };
}
