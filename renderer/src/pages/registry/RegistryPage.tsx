// 保护名录: search, filter, and maintain the registry of protected marks; import and export it.
import { useDeferredValue, useMemo, useState } from 'react';
import type { Category } from '../../../../shared/domain';
import { searchMarks } from '../../../../shared/registry-search';
import { useClient } from '../../api/context';
import { useAppInfo } from '../../app/useAppInfo';
import { useToast } from '../../components/Toast';
import { exportRegistry } from './exportRegistry';
import { RegistryDialogs, type RegistryDialog } from './RegistryDialogs';
import { nextSort, sortMarks, type RegistrySort } from './registry-sort';
import { RegistryTable } from './RegistryTable';
import { RegistryToolbar } from './RegistryToolbar';
import { SampleNotice } from './SampleNotice';
import { useImageCheck } from './useImageCheck';
import { useImportFlow } from './useImportFlow';
import { useMarkThumbnails } from './useMarkThumbnails';
import { useRegistryList } from './useRegistryList';

export function RegistryPage() {
  const client = useClient();
  const notify = useToast();
  const { marks, index, categoryCounts, error, reload } = useRegistryList();
  const thumbnails = useMarkThumbnails(marks);
  const imageCheck = useImageCheck();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<Category | null>(null);
  const [niceClass, setNiceClass] = useState<number | null>(null);
  const [selectedKey, setSelectedKey] = useState<number | null>(null);
  const [dialog, setDialog] = useState<RegistryDialog>({ kind: 'none' });
  const appInfo = useAppInfo();
  const importFlow = useImportFlow(() => {
    void reload();
    appInfo.reload(); // the 首次启动 notice and the first-start guide end with an import
  });
  // Typing stays responsive: the table follows the query a moment later when filtering is slow.
  const deferredQuery = useDeferredValue(query);

  const [sort, setSort] = useState<RegistrySort | null>(null);
  const shown = useMemo(
    () => sortMarks(searchMarks(index, deferredQuery, { category, niceClass }), sort),
    [index, deferredQuery, category, niceClass, sort],
  );
  const filtered = query.trim() !== '' || category !== null || niceClass !== null;

  return (
    <div className="page registry-page">
      <div className="page-head">
        <h1>保护名录</h1>
        <div className="count" aria-live="polite">
          {marks ? `共 ${marks.length} 条，显示 ${shown.length} 条` : '正在读取名录…'}
        </div>
      </div>
      <SampleNotice />
      <RegistryToolbar
        query={query}
        onQuery={setQuery}
        category={category}
        categoryCounts={categoryCounts}
        onCategory={setCategory}
        niceClass={niceClass}
        onNiceClass={setNiceClass}
        onCreate={() => setDialog({ kind: 'create' })}
        onImport={importFlow.start}
        onImageCheck={imageCheck.start}
        onExport={(format) => void exportRegistry(client, format, notify)}
        busy={importFlow.busy}
      />
      {error ? (
        <div className="form-banner" role="alert">
          无法读取名录：{error}
        </div>
      ) : null}
      <RegistryTable
        marks={shown}
        thumbnails={thumbnails.thumbnails}
        selectedKey={selectedKey}
        onSelect={(m) => setSelectedKey(m.key)}
        onEdit={(mark) => setDialog({ kind: 'edit', mark })}
        onHistory={(mark) => setDialog({ kind: 'history', mark })}
        onDelete={(mark) => setDialog({ kind: 'delete', mark })}
        sort={sort}
        onSort={(key) => setSort((current) => nextSort(current, key))}
        emptyText={marks === null ? '' : filtered ? '没有符合条件的记录' : '名录是空的：可以新建记录或导入名录文件'}
      />
      <RegistryDialogs
        dialog={dialog}
        onClose={() => setDialog({ kind: 'none' })}
        onImagesChanged={thumbnails.reload}
        onChanged={(key) => {
          if (key !== null) setSelectedKey(key);
          void reload();
        }}
      />
      {importFlow.dialogs}
      {imageCheck.dialog}
    </div>
  );
}
