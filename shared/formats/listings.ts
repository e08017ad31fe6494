// Listing rows (电商商品) → Listing. The title is the only thing screened; 所在地 matters for geographical
// indications (a GI sold from outside its region).
import type { Listing } from '../domain';
import type { HeaderSpec } from './headers';
import type { RowResult } from './cells';
import { cleanCellAt as cellAt, textProblem } from './clean';

export type ListingColumn = 'id' | 'platform' | 'shop' | 'title' | 'url' | 'price' | 'sellerLocation';

export const LISTING_HEADERS: HeaderSpec<ListingColumn>[] = [
  { key: 'id', header: '编号', required: true },
  { key: 'platform', header: '平台', required: false },
  { key: 'shop', header: '店铺', required: false },
  { key: 'title', header: '商品标题', required: true },
  { key: 'url', header: '链接', required: false },
  { key: 'price', header: '价格', required: false },
  { key: 'sellerLocation', header: '所在地', required: false },
];

/** Platforms cap titles at 60–120 characters; more than this is not a title. */
export const MAX_TITLE = 1000;

export function parseListingRow(cells: string[], columns: Record<ListingColumn, number>): RowResult<Listing> {
  const id = cellAt(cells, columns.id);
  if (!id) return { ok: false, reason: '缺少编号' };
  if (id.length > 64) return { ok: false, reason: '编号过长' };
  const problem = textProblem('商品标题', columns.title < 0 ? '' : cells[columns.title] ?? '');
  if (problem) return { ok: false, reason: problem };
  const title = cellAt(cells, columns.title);
  if (!title) return { ok: false, reason: '缺少商品标题' };
  if (title.length > MAX_TITLE) return { ok: false, reason: `商品标题过长（${title.length} 字，最多 ${MAX_TITLE} 字）` };
  // 价格 is kept as text: platforms write ranges and 面议, and a price never decides whether a title imitates a mark
  const price = cellAt(cells, columns.price);
  return {
    ok: true,
    value: {
      id,
      platform: cellAt(cells, columns.platform),
      shop: cellAt(cells, columns.shop),
      title,
      url: cellAt(cells, columns.url),
      price,
      sellerLocation: cellAt(cells, columns.sellerLocation),
    },
  };
}
