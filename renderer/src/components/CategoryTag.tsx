import type { Category } from '../../../shared/domain';

const CATEGORY_CLASS: Record<Category, string> = {
  驰名商标: 'tag-wellknown',
  地理标志: 'tag-gi',
  省著名商标: 'tag-provincial',
  老字号: 'tag-heritage',
  涉外商标: 'tag-foreign',
  公共资源: 'tag-public',
};

export function CategoryTag({ category }: { category: Category }) {
  return <span className={`tag ${CATEGORY_CLASS[category]}`}>{category}</span>;
}
