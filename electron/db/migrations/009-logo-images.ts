// Migration 7: images of figurative marks (issue 12). An image is stored once, by the SHA-256 of its bytes, as a
// file in the data folder's images/ (beside the database) with its features here: the two 64-bit hashes as the
// figure stands (hex) and the 32 × 32 prepared figure the search checks candidates with. Marks and filings refer
// to images by hash; removing a mark or a filing leaves the file for the backups' sake.
export default {
  version: 9,
  name: 'logo-images',
  sql: /* sql */ `
    CREATE TABLE images (
      sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      format     TEXT NOT NULL,
      size_bytes INTEGER NOT NULL,
      width      INTEGER NOT NULL,
      height     INTEGER NOT NULL,
      phash      TEXT NOT NULL CHECK (length(phash) = 16),
      dhash      TEXT NOT NULL CHECK (length(dhash) = 16),
      thumb      BLOB NOT NULL,
      created_at TEXT NOT NULL
    );

    CREATE TABLE mark_images (
      mark_key INTEGER NOT NULL REFERENCES protected_marks (key) ON DELETE CASCADE,
      sha256   TEXT NOT NULL REFERENCES images (sha256),
      position INTEGER NOT NULL,
      added_at TEXT NOT NULL,
      PRIMARY KEY (mark_key, sha256)
    );
    CREATE INDEX mark_images_image ON mark_images (sha256);

    CREATE TABLE filing_images (
      filing_id INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
      sha256    TEXT NOT NULL REFERENCES images (sha256),
      PRIMARY KEY (filing_id, sha256)
    );
    CREATE INDEX filing_images_image ON filing_images (sha256);
  `,
};
