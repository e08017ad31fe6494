// Images travel inside the backup file (issue 12): the backup copy gets a table backup_image_files with the bytes of
// every image the database refers to, and a restore writes them back into images/ before the swap and drops the
// table from the staged copy. One file stays the whole backup: it is written through .part and renamed like before
// (a killed backup leaves no half of it), pruned, listed, copied to a USB stick and integrity-checked as one thing,
// and a clerk cannot carry the database away without its images. The price is the images' bytes in every backup.
// Restoring only adds files to the content-addressed store, never removes one, so the replaced database (kept
// aside) keeps its images too. Which images the copy refers to is read through the query builder; the carrier table
// is SQLite's alone (it lives only inside a backup file), so it is written and read with better-sqlite3 directly.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataQueriesOn } from '../data/queries';
import { imagesRepository } from './repository';
import { imageFileIn } from './store';

const TABLE = 'backup_image_files';

export interface ImageTally {
  /** images carried (packing) or written back / already present (unpacking) */
  carried: number;
  /** images the database refers to whose bytes were nowhere to be found */
  missing: number;
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const hasTable = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** Puts the bytes of every image the backup's database refers to into the backup file itself. */
export async function packImages(backupFile: string, dataDir: string, nativeBinding?: string): Promise<ImageTally> {
  const db = new Database(backupFile, nativeBinding ? { nativeBinding } : {});
  try {
    if (!hasTable(db, 'images')) return { carried: 0, missing: 0 };
    const images = await imagesRepository(dataQueriesOn(db)).imageRefs();
    db.exec(`DROP TABLE IF EXISTS ${TABLE}; CREATE TABLE ${TABLE} (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL)`);
    const insert = db.prepare(`INSERT INTO ${TABLE} (sha256, bytes) VALUES (?, ?)`);
    const tally: ImageTally = { carried: 0, missing: 0 };
    db.transaction(() => {
      for (const image of images) {
        const file = imageFileIn(dataDir, image);
        const bytes = existsSync(file) ? readFileSync(file) : null;
        // a file damaged on disk is not passed on as the image: it counts as missing
        if (bytes && sha256Of(bytes) === image.sha256) {
          insert.run(image.sha256, bytes);
          tally.carried += 1;
        } else tally.missing += 1;
      }
    })();
    return tally;
  } finally {
    db.close();
  }
}

function writeImage(file: string, bytes: Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.part`, bytes);
  renameSync(`${file}.part`, file);
}

/**
 * Writes the images a staged restore copy carries into the data folder's images/ (those not there already), then
 * drops the carrier table from the copy. An older backup without the table restores as before.
 */
export async function unpackImages(stagedFile: string, dataDir: string, nativeBinding?: string): Promise<ImageTally> {
  const db = new Database(stagedFile, nativeBinding ? { nativeBinding } : {});
  try {
    if (!hasTable(db, 'images')) return { carried: 0, missing: 0 };
    const packed = hasTable(db, TABLE);
    const bytesOf = packed ? db.prepare<[string], { bytes: Buffer }>(`SELECT bytes FROM ${TABLE} WHERE sha256 = ?`) : null;
    const tally: ImageTally = { carried: 0, missing: 0 };
    for (const image of await imagesRepository(dataQueriesOn(db)).imageRefs()) {
      const file = imageFileIn(dataDir, image);
      if (existsSync(file)) {
        tally.carried += 1;
        continue;
      }
      const bytes = bytesOf?.get(image.sha256)?.bytes;
      if (bytes && sha256Of(bytes) === image.sha256) {
        writeImage(file, bytes);
        tally.carried += 1;
      } else tally.missing += 1;
    }
    if (packed) db.exec(`DROP TABLE ${TABLE}`);
    return tally;
  } finally {
    db.close();
  }
}
