// A draft: the free text with its {{placeholders}}, the request and grounds per filing, then preview and issue.
import { useState } from 'react';
import type { LetterDetail } from '../../../../shared/contract/letters';
import { GROUNDS } from '../../../../shared/letters/grounds';
import { LETTER_REQUESTS, REFERRAL_RECIPIENTS, type LetterFields, type LetterRequest } from '../../../../shared/letters/model';
import { joinGrounds, KIND_SHORT, parseGrounds } from './labels';

interface Props {
  letter: LetterDetail;
  busy: boolean;
  onSave: (fields: LetterFields) => void;
  onPreview: (fields: LetterFields) => void;
  onIssue: (fields: LetterFields) => void;
  onDiscard: () => void;
}

function TextField({ label, value, rows, list, onChange }: { label: string; value: string; rows?: number; list?: string; onChange: (v: string) => void }) {
  return (
    <label className="field field-wide">
      <span>{label}</span>
      {rows ? <textarea rows={rows} value={value} onChange={(e) => onChange(e.target.value)} aria-label={label} /> : <input value={value} list={list} onChange={(e) => onChange(e.target.value)} aria-label={label} />}
    </label>
  );
}

export function LetterEditor({ letter, busy, onSave, onPreview, onIssue, onDiscard }: Props) {
  const [fields, setFields] = useState<LetterFields>(letter.fields);
  const [groundsText, setGroundsText] = useState(() => letter.fields.rows.map((r) => joinGrounds(r.grounds)));
  const facts = new Map(letter.facts.map((f) => [f.hitId, f]));
  const set = (patch: Partial<LetterFields>) => setFields((f) => ({ ...f, ...patch }));
  const current = (): LetterFields => ({ ...fields, rows: fields.rows.map((r, i) => ({ ...r, grounds: parseGrounds(groundsText[i] ?? '') })) });
  const setRow = (index: number, patch: Partial<LetterFields['rows'][number]>) =>
    set({ rows: fields.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const removeRow = (index: number) => {
    set({ rows: fields.rows.filter((_, i) => i !== index) });
    setGroundsText((g) => g.filter((_, i) => i !== index));
  };

  return (
    <section className="card letters-editor" aria-label="编辑草稿">
      <div className="toolbar">
        <h2>{KIND_SHORT[letter.kind]}草稿 <span className="muted small">（编号 {letter.id}，文号在签发时取得）</span></h2>
        {letter.supersedes ? <span className="muted">更正并替代 {letter.supersedes.documentNumber}</span> : null}
      </div>
      <p className="muted small">可使用占位符，例如 {'{{发文机关}}'}、{'{{申请人}}'}、{'{{文号}}'}；正文每行为一段。</p>
      <div className="form-grid">
        <TextField label="标题" value={fields.title} onChange={(title) => set({ title })} />
        <TextField label="主送机关" value={fields.recipient} list="letter-recipients" onChange={(recipient) => set({ recipient })} />
        <TextField label="正文" rows={9} value={fields.body} onChange={(body) => set({ body })} />
        <TextField label="附件说明" rows={2} value={fields.attachments} onChange={(attachments) => set({ attachments })} />
        <TextField label="抄送" value={fields.copyTo} onChange={(copyTo) => set({ copyTo })} />
      </div>
      <h3 className="section-title">涉及的商标申请（{fields.rows.length} 件）</h3>
      <table className="letters-table">
        <thead>
          <tr><th>申请号</th><th>申请商标</th><th>被仿冒商标</th><th>请求事项</th><th>法律依据（《商标法》条款，用顿号分隔）</th><th>证据说明</th><th /></tr>
        </thead>
        <tbody>
          {fields.rows.map((row, i) => {
            const f = facts.get(row.hitId);
            return (
              <tr key={row.hitId}>
                <td className="mono">{f?.applicationNumber}</td>
                <td>{f?.markText}</td>
                <td>{f?.protectedMarkName}</td>
                <td>
                  <select value={row.request} onChange={(e) => setRow(i, { request: e.target.value as LetterRequest })} aria-label={`请求事项 ${f?.applicationNumber}`}>
                    {LETTER_REQUESTS.map((r) => <option key={r}>{r}</option>)}
                  </select>
                </td>
                <td>
                  <input list="letter-grounds" value={groundsText[i] ?? ''} onChange={(e) => setGroundsText((g) => g.map((t, j) => (j === i ? e.target.value : t)))} aria-label={`法律依据 ${f?.applicationNumber}`} />
                </td>
                <td><input value={row.evidence} onChange={(e) => setRow(i, { evidence: e.target.value })} aria-label={`证据说明 ${f?.applicationNumber}`} /></td>
                <td><button type="button" className="link" disabled={fields.rows.length === 1} onClick={() => removeRow(i)}>移除</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <datalist id="letter-recipients">
        {REFERRAL_RECIPIENTS.map((r) => <option key={r} value={r} />)}
      </datalist>
      <datalist id="letter-grounds">
        {GROUNDS.map((g) => <option key={g.label} value={g.label}>{g.gloss}</option>)}
      </datalist>
      <div className="toolbar letters-actions">
        <button type="button" onClick={() => onSave(current())} disabled={busy}>保存草稿</button>
        <button type="button" onClick={() => onPreview(current())} disabled={busy}>预览</button>
        <button type="button" className="primary" onClick={() => onIssue(current())} disabled={busy}>签发…</button>
        <span className="toolbar-spacer" />
        <button type="button" className="link" onClick={onDiscard} disabled={busy}>删除草稿</button>
      </div>
    </section>
  );
}
