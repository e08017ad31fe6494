// PostgreSQL migration 012, the twin of SQLite migration 12 (mark-versions): a version on every protected mark, 0
// for the records already stored; an edit or deletion names the version it was made on (electron/registry/service.ts).
// Released: never edit it, add the next one.
import { sql, type Kysely, type Migration } from 'kysely';

export const dataMigration012: Migration = {
  // A migration runs against whatever the schema was before it, which no interface describes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await sql`ALTER TABLE protected_marks ADD COLUMN version integer NOT NULL DEFAULT 0`.execute(db);
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>): Promise<void> {
    await sql`ALTER TABLE protected_marks DROP COLUMN version`.execute(db);
  },
};
