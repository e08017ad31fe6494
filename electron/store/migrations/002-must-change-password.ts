// Forced password change (issue: account security): an account whose password someone else chose — the first
// 管理员's printed one-time password, or one a 管理员 reset — must choose its own before anything else is served.
// Existing accounts start without the flag: their passwords are already their own as far as the store can tell.
import type { Kysely, Migration } from 'kysely';

export const mustChangePasswordMigration: Migration = {
  // A migration runs against whatever the schema was before it, which no interface describes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .alterTable('users')
      .addColumn('must_change_password', 'integer', (column) => column.notNull().defaultTo(0))
      .execute();
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('users').dropColumn('must_change_password').execute();
  },
};
