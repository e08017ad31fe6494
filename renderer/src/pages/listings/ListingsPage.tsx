// 电商: the review queue of e-commerce listings whose titles imitate a protected mark; complaint lists per platform.
import { ReviewQueue } from '../review/ReviewQueue';
import { ComplaintExport } from './ComplaintExport';

export function ListingsPage() {
  return <ReviewQueue source="listing" title="电商商品审查" extraActions={<ComplaintExport />} />;
}
