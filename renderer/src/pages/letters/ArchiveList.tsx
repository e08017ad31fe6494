// 函件存档: every draft and issued letter with its number, date, recipient, filings and status.
import type { LetterFormat, LetterSummary } from '../../../../shared/contract/letters';
import { usePermission } from '../../app/account';
import { KIND_SHORT, statusLabel } from './labels';

interface Props {
  letters: LetterSummary[] | null;
  onOpen: (id: number) => void;
  onExport: (letter: LetterSummary, format: LetterFormat) => void;
  onSupersede: (letter: LetterSummary) => void;
}

const pdfFontOf = (letter: LetterSummary): string => letter.files.find((f) => f.format === 'pdf')?.font ?? '';

export function ArchiveList({ letters, onOpen, onExport, onSupersede }: Props) {
  const supersede = usePermission('letters.supersede');
  if (letters === null) return <p className="muted">正在读取…</p>;
  if (letters.length === 0) return <p className="grid-empty">还没有函件。</p>;
  return (
    <table className="letters-table letters-archive" aria-label="函件存档">
      <thead>
        <tr><th>文号</th><th>种类</th><th>签发日期</th><th>标题</th><th>主送机关</th><th>涉及申请</th><th>状态</th><th>操作</th></tr>
      </thead>
      <tbody>
        {letters.map((l) => (
          <tr key={l.id} className={`letter-status-${l.status}`}>
            <td className="mono">{l.documentNumber ?? `草稿 ${l.id}`}</td>
            <td>{KIND_SHORT[l.kind]}</td>
            <td className="mono">{l.issuedOn ?? '—'}</td>
            <td className="letters-title-cell" title={l.title}>{l.title}</td>
            <td>{l.recipient}</td>
            <td title={l.applicationNumbers.join('、')}>{new Set(l.applicationNumbers).size} 件</td>
            <td>
              {statusLabel(l)}
              {l.supersededBy ? <span className="muted small">（由 {l.supersededBy.documentNumber ?? `草稿 ${l.supersededBy.id}`} 替代）</span> : null}
              {l.supersedes ? <span className="muted small">（替代 {l.supersedes.documentNumber}）</span> : null}
              {pdfFontOf(l) ? <div className="muted small letters-font" title={pdfFontOf(l)}>PDF 字体：{pdfFontOf(l)}</div> : null}
            </td>
            <td className="cell-actions">
              <button type="button" className="link" onClick={() => onOpen(l.id)}>{l.status === 'draft' ? '编辑' : '查看'}</button>
              {l.status !== 'draft' ? (
                <>
                  <button type="button" className="link" onClick={() => onExport(l, 'docx')}>导出 DOCX</button>
                  <button type="button" className="link" onClick={() => onExport(l, 'pdf')}>导出 PDF</button>
                </>
              ) : null}
              {l.status === 'issued' && supersede.allowed ? <button type="button" className="link" onClick={() => onSupersede(l)}>更正重发</button> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
