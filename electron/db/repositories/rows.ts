// Rows of the filings and listings tables (migration 3) as SQLite returns them.

/** A row of the filings table as SQLite returns it. */
export interface FilingRow {
  id: number;
  application_number: string;
  mark_text: string;
  nice_class: number;
  goods: string;
  applicant: string;
  applicant_address: string;
  agency: string;
  filed_on: string;
  gazette_issue: string;
  published_on: string;
}

/** A row of the listings table as SQLite returns it. */
export interface ListingRow {
  id: number;
  listing_id: string;
  platform: string;
  shop: string;
  title: string;
  url: string;
  price: string;
  seller_location: string;
}
