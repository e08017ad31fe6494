// 拖入文件: a dropped file is imported from its path when the window can tell it (Electron's
// webUtils.getPathForFile through the preload); otherwise (the web bridge) the file dialog opens instead.
import { useState, type DragEvent } from 'react';
import type { BatchKind } from '../../../../shared/contract/screening';
import { KIND_LABELS } from './batch-labels';

/** The path of a dropped file, when the Electron preload can tell it (window.markguardFiles); null in a browser. */
export function pathOfDroppedFile(file: File): string | null {
  try {
    const path = window.markguardFiles?.pathOf(file);
    return path ? path : null;
  } catch {
    return null;
  }
}

interface DropZoneProps {
  kind: BatchKind;
  onKind: (kind: BatchKind) => void;
  disabled: boolean;
  onPath: (kind: BatchKind, path: string) => void;
  onChoose: (kind: BatchKind) => void;
}

export function DropZone({ kind, onKind, disabled, onPath, onChoose }: DropZoneProps) {
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const file = e.dataTransfer.files[0];
    const path = file ? pathOfDroppedFile(file) : null;
    if (path) onPath(kind, path);
    else onChoose(kind);
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
