// The dialogs the registry page opens over its table: create, edit, history and delete.
import { useEffect, useState } from 'react';
import { markConflictOf, type StoredMark } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToast } from '../../components/Toast';
import { HistoryDialog } from './HistoryDialog';
import { MarkEditor } from './MarkEditor';

export type RegistryDialog =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'edit'; mark: StoredMark }
  | { kind: 'history'; mark: StoredMark }
  | { kind: 'delete'; mark: StoredMark };

interface RegistryDialogsProps {
  dialog: RegistryDialog;
  onClose: () => void;
  /** after a save or delete; the page reloads the list */
  onChanged: (selectKey: number | null) => void;
  /** after a mark's images changed; the page reloads the table's thumbnails */
  onImagesChanged: () => void;
}

function DeleteDialog({ mark, onClose, onChanged }: { mark: StoredMark } & Omit<RegistryDialogsProps, 'dialog' | 'onImagesChanged'>) {
  const client = useClient();
  const notify = useToast();
  const [busy, setBusy] = useState(false);
  const [usage, setUsage] = useState<{ hits: number; letters: number } | null>(null);
  useEffect(() => {
    void client['registry.usage']({ key: mark.key }).then((r) => setUsage(r.ok ? r.value : null));
  }, [client, mark.key]);

  async function remove() {
    setBusy(true);
    const result = await client['registry.delete']({ key: mark.key, version: mark.version });
    onClose();
    if (!result.ok) {
      notify(`删除失败：${result.error.message}`, 'error');
      // changed by another clerk meanwhile: the list shows the record as it is now, to be looked at again
      if (markConflictOf(result.error)) onChanged(mark.key);
      return;
    }
    notify(result.value.deleted ? '已删除' : '这条记录已经不在名录中', result.value.deleted ? 'success' : 'info');
    onChanged(null);
  }

  return (
    <ConfirmDialog title="删除记录" confirmLabel="删除" danger busy={busy} onConfirm={() => void remove()} onCancel={onClose}>
      <p>
        确定要删除 <strong>{mark.id} {mark.name}</strong> 吗？
      </p>
      {usage && usage.hits + usage.letters > 0 ? (
        <p className="delete-usage" role="alert">
          这条记录有 <strong>{usage.hits}</strong> 条命中{usage.letters > 0 ? <>，涉及 <strong>{usage.letters}</strong> 份函件</> : null}。
          删除后这些命中和函件仍保留原来的商标名称，但不再能打开这条记录，重新筛查也不会再命中它。
        </p>
      ) : null}
      <p className="muted">删除后，这条记录不再参与筛查；它的变更记录会保留。</p>
    </ConfirmDialog>
  );
}

export function RegistryDialogs({ dialog, onClose, onChanged, onImagesChanged }: RegistryDialogsProps) {
  const notify = useToast();
  const saved = (mark: StoredMark) => {
    onClose();
    notify('已保存');
    onChanged(mark.key);
  };
  switch (dialog.kind) {
    case 'create':
      return <MarkEditor onSaved={saved} onClose={onClose} />;
    case 'edit':
      return <MarkEditor mark={dialog.mark} onSaved={saved} onClose={onClose} onImagesChanged={onImagesChanged} />;
    case 'history':
      return <HistoryDialog mark={dialog.mark} onClose={onClose} />;
    case 'delete':
      return <DeleteDialog mark={dialog.mark} onClose={onClose} onChanged={onChanged} />;
    default:
      return null;
  }
}
