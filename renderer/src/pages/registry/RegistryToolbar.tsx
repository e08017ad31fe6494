// Search box, filters and the actions above the registry table.
import { useEffect, useRef } from 'react';
import { CATEGORIES, NICE_CLASS_MAX, NICE_CLASS_MIN, type Category } from '../../../../shared/domain';
import { usePermission } from '../../app/account';

const NICE_CLASSES = Array.from({ length: NICE_CLASS_MAX - NICE_CLASS_MIN + 1 }, (_, i) => i + NICE_CLASS_MIN);

interface RegistryToolbarProps {
  query: string;
  onQuery: (q: string) => void;
  category: Category | null;
  /** records per category in the whole registry, shown in the filter */
  categoryCounts: Partial<Record<Category, number>>;
  onCategory: (c: Category | null) => void;
  niceClass: number | null;
  onNiceClass: (n: number | null) => void;
  onCreate: () => void;
  onImport: () => void;
  onImageCheck: () => void;
  onExport: (format: 'csv' | 'xlsx') => void;
  busy: boolean;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** "/" anywhere outside a text field focuses the search box. */
function useSlashFocus(input: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);
}

export function RegistryToolbar(props: RegistryToolbarProps) {
  const create = usePermission('registry.create');
  const importing = usePermission('registry.importPreview');
  const search = useRef<HTMLInputElement>(null);
  useSlashFocus(search);

  return (
    <div className="toolbar">
      <div className="search">
        <input
          ref={search}
          type="search"
          aria-label="搜索名录"
          placeholder="搜索名称、拼音首字母、别名、权利人、注册号…（按 / 键）"
          value={props.query}
          onChange={(e) => props.onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') props.onQuery('');
          }}
        />
      </div>
      <select
        aria-label="按类别筛选"
        value={props.category ?? ''}
        onChange={(e) => props.onCategory((e.target.value || null) as Category | null)}
      >
        <option value="">全部类别</option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {c}（{props.categoryCounts[c] ?? 0}）
          </option>
        ))}
      </select>
      <select
        aria-label="按国际分类筛选"
        value={props.niceClass ?? ''}
        onChange={(e) => props.onNiceClass(e.target.value ? Number(e.target.value) : null)}
      >
        <option value="">全部国际分类</option>
        {NICE_CLASSES.map((n) => (
          <option key={n} value={n}>
            第 {n} 类
          </option>
        ))}
      </select>
      <div className="toolbar-spacer" />
      <button type="button" onClick={props.onImageCheck} title="选一张图片，查名录中图样近似的记录">
        以图查询
      </button>
      <button type="button" className="primary" onClick={props.onCreate} disabled={!create.allowed} title={create.reason}>
        新建记录
      </button>
      <button type="button" onClick={props.onImport} disabled={props.busy || !importing.allowed} title={importing.reason}>
        导入名录
      </button>
      <button type="button" onClick={() => props.onExport('csv')}>
        导出 CSV
      </button>
      <button type="button" onClick={() => props.onExport('xlsx')}>
        导出 Excel
      </button>
    </div>
  );
}
