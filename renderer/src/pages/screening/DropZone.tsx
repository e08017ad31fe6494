// 拖入文件: in the app the preload registers a dropped file with the main process and hands back a token for it
// (the renderer never sees its path); in a browser (the web bridge) there is no path, so the file dialog opens.
import { useState, type DragEvent } from 'react';
import type { BatchKind } from '../../../../shared/contract/screening';
import { KIND_LABELS } from './batch-labels';
import type { ChosenTable } from './useBatchImport';

/** A token for a dropped file, when the Electron preload can register it (window.markguardFiles); null otherwise. */
export async function tokenOfDroppedFile(file: File): Promise<ChosenTable | null> {
  try {
    return (await window.markguardFiles?.register(file)) ?? null;
  } catch {
    return null;
  }
}

interface DropZoneProps {
  kind: BatchKind;
  onKind: (kind: BatchKind) => void;
  disabled: boolean;
  onFile: (kind: BatchKind, file: ChosenTable) => void;
  onChoose: (kind: BatchKind) => void;
}

export function DropZone({ kind, onKind, disabled, onFile, onChoose }: DropZoneProps) {
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const file = e.dataTransfer.files[0];
    void (file ? tokenOfDroppedFile(file) : Promise.resolve(null)).then((chosen) => {
      if (chosen) onFile(kind, chosen);
      else onChoose(kind);
    });
  };
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="drop-kinds" role="radiogroup" aria-label="文件类型">
        {(['filing', 'listing'] as const).map((k) => (
          <label key={k} className={`drop-kind${kind === k ? ' active' : ''}`}>
            <input type="radio" name="batch-kind" checked={kind === k} onChange={() => onKind(k)} />
            {KIND_LABELS[k]}
          </label>
        ))}
      </div>
      <p className="drop-text">把 CSV 或 XLSX 文件拖到这里，或</p>
      <button type="button" className="primary" disabled={disabled} onClick={() => onChoose(kind)}>
        选择{KIND_LABELS[kind]}文件…
      </button>
      <p className="muted small">
        {kind === 'filing'
          ? '表头：申请号、商标名称、国际分类、商品服务、申请人名称、申请人地址、代理机构、申请日期、初审公告期号、初审公告日期'
          : '表头：编号、平台、店铺、商品标题、链接、价格、所在地'}
        。表头不同时可在下一步对应列；同一期公告重复导入不会重复记录。
      </p>
    </div>
  );
}
