// The shape of a database schema, read from the database itself (SQLite's PRAGMAs, PostgreSQL's catalogs) and
// written the same way for both, so that a test can compare the SQLite file's schema with PostgreSQL's twin.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Db } from '../../../electron/db/open';

export interface ColumnShape {
  name: string;
  type: 'integer' | 'real' | 'text' | 'blob' | string;
  notNull: boolean;
  /** the default's SQL with PostgreSQL's casts taken off (`''::text` → `''`) */
  default: string | null;
  /** SQLite's INTEGER PRIMARY KEY (the rowid) ⇔ PostgreSQL's identity */
  identity: boolean;
}

export interface TableShape {
  /** in table order */
  columns: ColumnShape[];
  primaryKey: string[];
  /** UNIQUE constraints, by their columns */
  uniques: string[];
  /** CREATE [UNIQUE] INDEX: `name: unique (a, b desc) where …` */
  indexes: string[];
  /** `a -> table(b) on delete cascade on update no action` */
  foreignKeys: string[];
  checks: number;
  /** `name: before update` */
  triggers: string[];
}

export type SchemaShape = Record<string, TableShape>;

const SQLITE_TYPES: Record<string, string> = { INTEGER: 'integer', REAL: 'real', TEXT: 'text', BLOB: 'blob' };
const POSTGRES_TYPES: Record<string, string> = { integer: 'integer', bigint: 'integer', 'double precision': 'real', text: 'text', bytea: 'blob' };
const ON_ACTION: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

const predicate = (text: string | null | undefined): string =>
  text ? ` where ${text.replace(/[()]/g, '').replace(/\s+/g, ' ').trim().toLowerCase()}` : '';
const indexText = (name: string, unique: boolean, columns: string[], where: string) =>
  `${name}: ${unique ? 'unique ' : ''}(${columns.join(', ')})${where}`;
const countChecks = (tableSql: string) => (tableSql.match(/\bCHECK\s*\(/gi) ?? []).length;

interface SqliteColumn { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }
interface SqliteIndex { name: string; unique: number; origin: 'c' | 'u' | 'pk'; partial: number }
interface SqliteForeignKey { id: number; seq: number; table: string; from: string; to: string; on_update: string; on_delete: string }

export function sqliteShape(db: Db): SchemaShape {
  const shape: SchemaShape = {};
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
  for (const table of tables) {
    const columns = db.prepare(`PRAGMA table_info(${table.name})`).all() as SqliteColumn[];
    const pkColumns = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const rowid = pkColumns.length === 1 && pkColumns[0]?.type === 'INTEGER' ? pkColumns[0].name : undefined;
    const indexes = db.prepare(`PRAGMA index_list(${table.name})`).all() as SqliteIndex[];
    const keyColumns = (index: string) =>
      (db.prepare(`PRAGMA index_xinfo(${index})`).all() as { name: string; desc: number; key: number }[])
        .filter((c) => c.key === 1)
        .map((c) => (c.desc ? `${c.name} desc` : c.name));
    const indexSql = (index: string) => (db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(index) as { sql: string }).sql;
    const keys = db.prepare(`PRAGMA foreign_key_list(${table.name})`).all() as SqliteForeignKey[];
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(table.name) as { name: string; sql: string }[];
    shape[table.name] = {
      columns: columns.map((c) => ({
        name: c.name,
        type: SQLITE_TYPES[c.type] ?? c.type,
        // a PRIMARY KEY column: the rowid is never NULL, and PostgreSQL makes every key column NOT NULL (SQLite
        // would take a NULL text key; the app never writes one)
        notNull: c.notnull === 1 || c.pk > 0,
        default: c.dflt_value,
        identity: c.name === rowid,
      })),
      primaryKey: pkColumns.map((c) => c.name),
      uniques: indexes.filter((i) => i.origin === 'u').map((i) => keyColumns(i.name).join(', ')).sort(),
      indexes: indexes
        .filter((i) => i.origin === 'c')
        .map((i) => indexText(i.name, i.unique === 1, keyColumns(i.name), i.partial ? predicate(/\bWHERE\b([\s\S]*)$/i.exec(indexSql(i.name))?.[1]) : ''))
        .sort(),
      foreignKeys: [...new Set(keys.map((k) => k.id))]
        .map((id) => {
          const parts = keys.filter((k) => k.id === id).sort((a, b) => a.seq - b.seq);
          const first = parts[0] as SqliteForeignKey;
          return `${parts.map((k) => k.from).join(', ')} -> ${first.table}(${parts.map((k) => k.to).join(', ')}) on delete ${first.on_delete.toLowerCase()} on update ${first.on_update.toLowerCase()}`;
        })
        .sort(),
      checks: countChecks(table.sql),
      triggers: triggers.map((t) => `${t.name}: ${/\b(BEFORE|AFTER|INSTEAD OF)\s+(INSERT|UPDATE|DELETE)\b/i.exec(t.sql)?.slice(1).join(' ').toLowerCase()}`).sort(),
    };
  }
  return shape;
}

const TRIGGER_EVENTS: [number, string][] = [[4, 'insert'], [8, 'delete'], [16, 'update'], [32, 'truncate']];

/** The schema's tables but `except` (Kysely's migration tables). */
// Kysely<any>: the catalogs are read with raw SQL, whatever tables the store's type names.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function postgresShape(db: Kysely<any>, schema: string, except: string[]): Promise<SchemaShape> {
  const rows = async <T>(query: RawBuilder<T>) => (await query.execute(db)).rows;
  const tables = await rows<{ name: string }>(sql`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relkind = 'r'`);
  const shape: SchemaShape = {};
  for (const { name } of tables.filter((t) => !except.includes(t.name))) {
    const columns = await rows<{ name: string; type: string; nullable: string; dflt: string | null; identity: string }>(sql`
      select column_name as name, data_type as type, is_nullable as nullable, column_default as dflt, is_identity as identity
      from information_schema.columns where table_schema = ${schema} and table_name = ${name} order by ordinal_position`);
    const indexes = await rows<{ name: string; is_unique: boolean; is_primary: boolean; constraint_type: string | null; columns: string[]; pred: string | null }>(sql`
      select i.relname as name, x.indisunique as is_unique, x.indisprimary as is_primary, k.contype as constraint_type,
        array(select a.attname || case when (x.indoption[o.n - 1] & 1) = 1 then ' desc' else '' end
              from unnest(x.indkey::int2[]) with ordinality o(attnum, n)
              join pg_attribute a on a.attrelid = x.indrelid and a.attnum = o.attnum order by o.n)::text[] as columns,
        pg_get_expr(x.indpred, x.indrelid) as pred
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace left join pg_constraint k on k.conindid = x.indexrelid and k.conrelid = x.indrelid
      where n.nspname = ${schema} and t.relname = ${name}`);
    const keys = await rows<{ from: string[]; references: string; to: string[]; on_delete: string; on_update: string }>(sql`
      select array(select a.attname from unnest(c.conkey) with ordinality o(attnum, n)
                   join pg_attribute a on a.attrelid = c.conrelid and a.attnum = o.attnum order by o.n)::text[] as "from",
        r.relname as "references",
        array(select a.attname from unnest(c.confkey) with ordinality o(attnum, n)
              join pg_attribute a on a.attrelid = c.confrelid and a.attnum = o.attnum order by o.n)::text[] as "to",
        c.confdeltype as on_delete, c.confupdtype as on_update
      from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid
      join pg_namespace n on n.oid = t.relnamespace
      where c.contype = 'f' and n.nspname = ${schema} and t.relname = ${name}`);
    const checks = await rows<{ n: string }>(sql`
      select count(*) as n from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
      where c.contype = 'c' and n.nspname = ${schema} and t.relname = ${name}`);
    const triggers = await rows<{ name: string; type: number }>(sql`
      select g.tgname as name, g.tgtype as type from pg_trigger g join pg_class t on t.oid = g.tgrelid
      join pg_namespace n on n.oid = t.relnamespace where not g.tgisinternal and n.nspname = ${schema} and t.relname = ${name}`);
    const primary = indexes.find((i) => i.is_primary);
    shape[name] = {
      columns: columns.map((c) => ({
        name: c.name,
        type: POSTGRES_TYPES[c.type] ?? c.type,
        notNull: c.nullable === 'NO',
        default: c.dflt === null ? null : c.dflt.replace(/::[a-z][a-z0-9_ ]*/gi, ''),
        identity: c.identity === 'YES',
      })),
      primaryKey: primary?.columns ?? [],
      uniques: indexes.filter((i) => i.constraint_type === 'u').map((i) => i.columns.join(', ')).sort(),
      indexes: indexes
        .filter((i) => i.constraint_type === null)
        .map((i) => indexText(i.name, i.is_unique, i.columns, predicate(i.pred)))
        .sort(),
      foreignKeys: keys
        .map((k) => `${k.from.join(', ')} -> ${k.references}(${k.to.join(', ')}) on delete ${ON_ACTION[k.on_delete]} on update ${ON_ACTION[k.on_update]}`)
        .sort(),
      checks: Number(checks[0]?.n ?? 0),
      triggers: triggers
        .map((t) => {
          const timing = t.type & 2 ? 'before' : t.type & 64 ? 'instead of' : 'after';
          const events = TRIGGER_EVENTS.filter(([bit]) => t.type & bit).map(([, event]) => event);
          return `${t.name}: ${timing} ${events.join(' or ')}`;
        })
        .sort(),
    };
  }
  return shape;
}

/** Text columns of the schema whose collation is not "C" (byte order, as SQLite's BINARY). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function postgresTextColumnsNotC(db: Kysely<any>, schema: string): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select table_name || '.' || column_name as name from information_schema.columns
    where table_schema = ${schema} and data_type = 'text' and collation_name is distinct from 'C'`.execute(db);
  return rows.rows.map((row) => row.name);
}
