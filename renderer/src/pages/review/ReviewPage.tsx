// 审查: the review queue of filings that hit the registry.
import { ReviewQueue } from './ReviewQueue';

export function ReviewPage() {
  return <ReviewQueue source="filing" title="抢注审查" />;
}
