// Listing rows (电商商品) → Listing. The title is the only thing screened; 所在地 matters for geographical
// indications (a GI sold from outside its region). Every field goes through the one text rule and limit table.
import type { Listing } from '../domain';
import type { HeaderSpec } from './headers';
import type { RowResult } from './cells';
import { TEXT_LIMITS } from './limits';
import { checkedCell } from './text';

export type ListingColumn = 'id' | 'platform' | 'shop' | 'title' | 'url' | 'price' | 'sellerLocation';

export const LISTING_HEADERS: HeaderSpec<ListingColumn>[] = [
  { key: 'id', header: '编号', required: true },
  { key: 'platform', header: '平台', required: false },
  { key: 'shop', header: '店铺', aliases: ['店铺名称', '店名', '商家'], required: false },
  { key: 'title', header: '商品标题', aliases: ['标题', '商品名称', '宝贝标题', '宝贝名称'], required: true },
  { key: 'url', header: '链接', aliases: ['商品链接', '网址', 'URL'], required: false },
  { key: 'price', header: '价格', aliases: ['售价'], required: false },
  { key: 'sellerLocation', header: '所在地', aliases: ['发货地', '商家所在地'], required: false },
];


export function parseListingRow(cells: string[], columns: Record<ListingColumn, number>): RowResult<Listing> {
  const value = {} as Listing;
  for (const { key } of LISTING_HEADERS) {
    const checked = checkedCell(cells, columns[key], TEXT_LIMITS.listing[key]);
    if (!checked.ok) return checked;
    value[key] = checked.value;
  }
  if (!value.id) return { ok: false, reason: '缺少编号' };
  if (!value.title) return { ok: false, reason: '缺少商品标题' };
  // 价格 is kept as text: platforms write ranges and 面议, and a price never decides whether a title imitates a mark
  return { ok: true, value };
}
