// 列对应: which column of the file holds each field. Every required field must be mapped before importing;
// a mapping remembered for the same headers is applied and said so.
import { useState } from 'react';
import type { BatchFilePreview, BatchKind } from '../../../../shared/contract/screening';
import { formatBytes } from '../../components/format';
import { Modal } from '../../components/Modal';
import { KIND_LABELS } from './batch-labels';
import { SampleRows } from './SampleRows';
import { BatchImagesChooser, type ChooseImages, type ChosenImages } from './BatchImagesChooser';

interface ColumnMappingDialogProps {
  kind: BatchKind;
  preview: BatchFilePreview;
  busy: boolean;
  onStart: (mapping: Record<string, number>, images: ChosenImages | null) => void;
  onCancel: () => void;
  /** the dialog for a batch's images (a ZIP or a folder named by 申请号); without it no images can be added */
  chooseImages?: ChooseImages;
}

export function unmappedRequired(preview: BatchFilePreview, mapping: Record<string, number>): string[] {
  return preview.fields.filter((f) => f.required && (mapping[f.key] ?? -1) < 0).map((f) => f.header);
}

function FieldRow({ field, preview, value, onChange }: {
  field: BatchFilePreview['fields'][number];
  preview: BatchFilePreview;
  value: number;
  onChange: (index: number) => void;
}) {
  const missing = field.required && value < 0;
  const sample = value >= 0 ? preview.sampleRows.find((r) => (r[value] ?? '') !== '')?.[value] ?? '' : '';
  return (
    <tr className={missing ? 'mapping-missing' : undefined}>
      <td className={field.required ? 'required-field' : undefined}>{field.header}</td>
      <td>
        <select aria-label={`「${field.header}」对应的列`} value={value} onChange={(e) => onChange(Number(e.target.value))}>
          <option value={-1}>{field.required ? '（请选择）' : '（不导入）'}</option>
          {preview.headers.map((h, i) => <option key={i} value={i}>{h || `第 ${i + 1} 列`}</option>)}
        </select>
      </td>
      <td className="muted mapping-sample" title={sample}>{missing ? <span className="error-text">必填，请选择</span> : sample}</td>
    </tr>
  );
}

export function ColumnMappingDialog({ kind, preview, busy, onStart, onCancel, chooseImages }: ColumnMappingDialogProps) {
  const [mapping, setMapping] = useState<Record<string, number>>(() => ({ ...preview.mapping }));
  const [images, setImages] = useState<ChosenImages | null>(null);
  const missing = unmappedRequired(preview, mapping);
  return (
    <Modal
      title="导入文件：核对列对应"
      onClose={onCancel}
      width={780}
      footer={
        <>
          {missing.length > 0 ? <span className="error-text mapping-footer-note">尚未对应：{missing.join('、')}</span> : null}
          <button type="button" onClick={onCancel} disabled={busy}>取消</button>
          <button type="button" className="primary" disabled={busy || missing.length > 0} onClick={() => onStart(mapping, images)}>
            {busy ? '正在开始…' : '开始导入'}
          </button>
        </>
      }
    >
      <dl className="import-summary">
        <div><dt>文件</dt><dd className="import-file" title={preview.fileName}>{preview.fileName}</dd></div>
        <div><dt>大小</dt><dd>{formatBytes(preview.sizeBytes)}</dd></div>
        <div><dt>类型</dt><dd>{KIND_LABELS[kind]}</dd></div>
        <div><dt>列数</dt><dd>{preview.headers.length}</dd></div>
      </dl>
      {preview.likelyKind && preview.likelyKind !== kind ? (
        <div className="form-banner mapping-kind-hint" role="alert">
          这个文件的表头像是{KIND_LABELS[preview.likelyKind]}文件，不像{KIND_LABELS[kind]}。请取消，在上方选择「{KIND_LABELS[preview.likelyKind]}」后重新选择该文件。
        </div>
      ) : null}
      {preview.remembered ? <div className="info-banner mapping-remembered">已套用上次为相同表头记住的列对应，请核对。</div> : null}
      <table className="plain-table mapping-table">
        <thead>
          <tr><th>字段</th><th>文件中的列</th><th>示例</th></tr>
        </thead>
        <tbody>
          {preview.fields.map((f) => (
            <FieldRow key={f.key} field={f} preview={preview} value={mapping[f.key] ?? -1} onChange={(i) => setMapping((m) => ({ ...m, [f.key]: i }))} />
          ))}
        </tbody>
      </table>
      {chooseImages ? <BatchImagesChooser kind={kind} chosen={images} onChange={setImages} choose={chooseImages} disabled={busy} /> : null}
      <h3 className="section-title">文件前几行</h3>
      <SampleRows headers={preview.headers} rows={preview.sampleRows} />
    </Modal>
  );
}
