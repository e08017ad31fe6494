// Migration 11: gazette batches bring their images (issue 12). A batch remembers the ZIP or folder of images chosen
// with its table (a resumed import reads it again) and counts the images that could not be stored (their rows are
// imported; the problems are in batch_problems with the rest); a listing may carry an image like a filing (filing_images is
// migration 9's); a hit found by image similarity names the two images it compared (sha256 of the filing's or
// listing's image and of the registry mark's), so the review and the letters show exactly those two. Filings and
// marks may carry Vienna codes (图形要素), a second signal on a hit.
export default {
  version: 11,
  name: 'batch-images',
  sql: /* sql */ `
    ALTER TABLE batches ADD COLUMN images_path TEXT;
    ALTER TABLE batches ADD COLUMN image_problems INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE listing_images (
      listing_id INTEGER NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
      sha256     TEXT NOT NULL REFERENCES images (sha256),
      PRIMARY KEY (listing_id, sha256)
    );
    CREATE INDEX listing_images_image ON listing_images (sha256);

    -- 图形要素 (Vienna codes, '26.1.1;26.1.3'): a filing's from its gazette row, a mark's from the registry file
    ALTER TABLE filings ADD COLUMN vienna_codes TEXT NOT NULL DEFAULT '';
    CREATE TABLE mark_vienna_codes (
      mark_key INTEGER NOT NULL REFERENCES protected_marks (key) ON DELETE CASCADE,
      code     TEXT NOT NULL,
      PRIMARY KEY (mark_key, code)
    );

    ALTER TABLE hits ADD COLUMN row_image TEXT;
    ALTER TABLE hits ADD COLUMN mark_image TEXT;
  `,
};
