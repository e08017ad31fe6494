// 保护名录: search, filter, and maintain the registry of protected marks; import and export it.
import { useDeferredValue, useMemo, useState } from 'react';
import type { StoredMark } from '../../../../shared/api';
import type { Category } from '../../../../shared/domain';
import { searchMarks } from '../../../../shared/registry-search';
import { useClient } from '../../api/context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToast } from '../../components/Toast';
import { exportRegistry } from './exportRegistry';
import { HistoryDialog } from './HistoryDialog';
import { MarkEditor } from './MarkEditor';
import { RegistryTable } from './RegistryTable';
import { RegistryToolbar } from './RegistryToolbar';
import { useImportFlow } from './useImportFlow';
import { useRegistryList } from './useRegistryList';

type Dialog =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'edit'; mark: StoredMark }
  | { kind: 'history'; mark: StoredMark }
  | { kind: 'delete'; mark: StoredMark; busy: boolean };

export function RegistryPage() {
  const client = useClient();
  const notify = useToast();
  const { marks, index, error, reload } = useRegistryList();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<Category | null>(null);
  const [niceClass, setNiceClass] = useState<number | null>(null);
  const [selectedKey, setSelectedKey] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const importFlow = useImportFlow(() => void reload());
  const deferredQuery = useDeferredValue(query);

  const shown = useMemo(
    () => searchMarks(index, deferredQuery, { category, niceClass }),
    [index, deferredQuery, category, niceClass],
  );
  const close = () => setDialog({ kind: 'none' });

  async function saved(mark: StoredMark) {
    close();
    setSelectedKey(mark.key);
    notify('已保存');
    await reload();
  }

  async function remove(mark: StoredMark) {
    setDialog({ kind: 'delete', mark, busy: true });
    const result = await client['registry.delete']({ key: mark.key });
    close();
    if (!result.ok) return notify(`删除失败：${result.error.message}`, 'error');
    notify('已删除');
    await reload();
  }

  const filtered = query.trim() !== '' || category !== null || niceClass !== null;
  return (
    <div className="page registry-page">
      <div className="page-head">
        <h1>保护名录</h1>
        <div className="count" aria-live="polite">
          {marks ? `共 ${marks.length} 条，显示 ${shown.length} 条` : '正在读取名录…'}
        </div>
      </div>
      <RegistryToolbar
        query={query}
        onQuery={setQuery}
        category={category}
        onCategory={setCategory}
        niceClass={niceClass}
        onNiceClass={setNiceClass}
        onCreate={() => setDialog({ kind: 'create' })}
        onImport={importFlow.start}
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
        selectedKey={selectedKey}
        onSelect={(m) => setSelectedKey(m.key)}
        onEdit={(mark) => setDialog({ kind: 'edit', mark })}
        onHistory={(mark) => setDialog({ kind: 'history', mark })}
        onDelete={(mark) => setDialog({ kind: 'delete', mark, busy: false })}
        emptyText={marks === null ? '' : filtered ? '没有符合条件的记录' : '名录是空的：可以新建记录或导入名录文件'}
      />
      {dialog.kind === 'create' ? <MarkEditor onSaved={(m) => void saved(m)} onClose={close} /> : null}
      {dialog.kind === 'edit' ? <MarkEditor mark={dialog.mark} onSaved={(m) => void saved(m)} onClose={close} /> : null}
      {dialog.kind === 'history' ? <HistoryDialog mark={dialog.mark} onClose={close} /> : null}
      {dialog.kind === 'delete' ? (
        <ConfirmDialog
          title="删除记录"
          confirmLabel="删除"
          danger
          busy={dialog.busy}
          onConfirm={() => void remove(dialog.mark)}
          onCancel={close}
        >
          <p>
            确定要删除 <strong>{dialog.mark.id} {dialog.mark.name}</strong> 吗？
          </p>
          <p className="muted">删除后，这条记录不再参与筛查；它的变更记录会保留。</p>
        </ConfirmDialog>
      ) : null}
      {importFlow.dialogs}
    </div>
  );
}
