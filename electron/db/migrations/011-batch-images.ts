// Migration 11: gazette batches bring their images (issue 12). A batch remembers the ZIP or folder of images chosen
// with its table (a resumed import reads it again) and counts the images that could not be stored (their rows are
// imported; the problems are in batch_problems with the rest); a listing may carry an image like a filing (filing_images is
// migration 9's); a hit found by image similarity names the two images it compared (sha256 of the filing's or
// listing's image and of the registry mark's), so the review and the letters show exactly those two.
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

    ALTER TABLE hits ADD COLUMN row_image TEXT;
    ALTER TABLE hits ADD COLUMN mark_image TEXT;
  `,
};
