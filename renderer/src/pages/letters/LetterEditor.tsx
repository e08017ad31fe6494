// A draft: its texts edited as they will read (fields as highlighted chips with today's values), the filings
// with their stage, request and grounds, then preview and issue. The templates themselves are edited in 设置与模板.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LetterDetail } from '../../../../shared/contract/letters';
import { REFERRAL_RECIPIENTS, type LetterFields, type LetterSettings } from '../../../../shared/letters/model';
import { provisionalDocumentNumber } from '../../../../shared/letters/numbering';
import { resolveRows } from '../../../../shared/letters/rows';
import { fillTemplate, PLACEHOLDERS, type PlaceholderValues } from '../../../../shared/letters/template';
import { placeholderValues } from '../../../../shared/letters/values';
import { useClient } from '../../api/context';
import { usePermission } from '../../app/account';
import { FilingRows } from './FilingRows';
import { KIND_SHORT } from './labels';
import { RenderedField, type RenderedFieldHandle } from './RenderedField';

interface Props {
  letter: LetterDetail;
  busy: boolean;
  onSave: (fields: LetterFields) => void;
  onPreview: (fields: LetterFields) => void;
  onIssue: (fields: LetterFields) => void;
  onDiscard: () => void;
}

type TextKey = 'title' | 'recipient' | 'body' | 'attachments';
const TEXTS: { key: TextKey; label: string; multiline: boolean; tall?: boolean }[] = [
  { key: 'title', label: '标题', multiline: false },
  { key: 'recipient', label: '主送机关', multiline: false },
  { key: 'body', label: '正文', multiline: true, tall: true },
  { key: 'attachments', label: '附件说明', multiline: true },
];

/** The fields' values as the preview would fill them today; null while the settings load or a filing is gone. */
function useFieldValues(letter: LetterDetail, fields: LetterFields, settings: LetterSettings | null): Partial<PlaceholderValues> | null {
  return useMemo(() => {
    if (!settings) return null;
    try {
      const rows = resolveRows(fields.rows, letter.facts, letter.today);
      const documentNumber = provisionalDocumentNumber(settings.bodyCode, Number(letter.today.slice(0, 4)));
      const base = { settings, documentNumber, date: letter.today, rows };
      const recipient = fillTemplate(fields.recipient, placeholderValues({ ...base, recipient: '' }));
      return placeholderValues({ ...base, recipient });
    } catch {
      return null;
    }
  }, [letter.facts, letter.today, fields.rows, fields.recipient, settings]);
}

export function LetterEditor({ letter, busy, onSave, onPreview, onIssue, onDiscard }: Props) {
  const issue = usePermission('letters.issue');
  const client = useClient();
  const [fields, setFields] = useState<LetterFields>(letter.fields);
  const [settings, setSettings] = useState<LetterSettings | null>(null);
  const [focused, setFocused] = useState<TextKey>('body');
  const handles = useRef<Partial<Record<TextKey, RenderedFieldHandle | null>>>({});
  const facts = useMemo(() => new Map(letter.facts.map((f) => [f.hitId, f])), [letter.facts]);
  const values = useFieldValues(letter, fields, settings);
  useEffect(() => {
    void client['letters.settings.get']({}).then((r) => r.ok && setSettings(r.value));
  }, [client]);
  const set = (patch: Partial<LetterFields>) => setFields((f) => ({ ...f, ...patch }));

  return (
    <section className="card letters-editor" aria-label="编辑草稿">
      <div className="toolbar">
        <h2>{KIND_SHORT[letter.kind]}草稿 <span className="muted small">（编号 {letter.id}，文号在签发时取得）</span></h2>
        {letter.supersedes ? <span className="muted">更正并替代 {letter.supersedes.documentNumber}</span> : null}
      </div>
      <div className="toolbar">
        <span className="muted small">
          按成文后的样子编辑：<span className="field-chip">高亮</span> 的内容由程序按所选申请自动填写，可整体删除；其余文字可直接修改，回车另起一段。模板在“设置与模板”中修改。
        </span>
        <span className="toolbar-spacer" />
        <select
          value=""
          aria-label="插入字段"
          onChange={(e) => {
            if (e.target.value) handles.current[focused]?.insertField(e.target.value);
          }}
        >
          <option value="">插入字段…</option>
          {PLACEHOLDERS.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </div>
      <div className="form-grid letters-texts">
        {TEXTS.map((t) => (
          <RenderedField
            key={t.key}
            label={t.label}
            value={fields[t.key]}
            values={values}
            multiline={t.multiline}
            tall={t.tall}
            onChange={(text) => set({ [t.key]: text })}
            onFocus={() => setFocused(t.key)}
            handle={(h) => {
              handles.current[t.key] = h;
            }}
          />
        ))}
        {letter.kind === 'referral' ? (
          <label className="field">
            <span>常用主送机关</span>
            <select value="" onChange={(e) => e.target.value && set({ recipient: e.target.value })} aria-label="常用主送机关">
              <option value="">选择…</option>
              {REFERRAL_RECIPIENTS.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
          </label>
        ) : null}
        <label className="field field-wide">
          <span>抄送</span>
          <input value={fields.copyTo} onChange={(e) => set({ copyTo: e.target.value })} aria-label="抄送" />
        </label>
      </div>
      <h3 className="section-title">涉及的商标申请（{new Set(letter.facts.filter((f) => fields.rows.some((r) => r.hitId === f.hitId)).map((f) => f.applicationNumber)).size} 件）</h3>
      <FilingRows kind={letter.kind} rows={fields.rows} facts={facts} today={letter.today} onChange={(rows) => set({ rows })} />
      <div className="toolbar letters-actions">
        <button type="button" onClick={() => onSave(fields)} disabled={busy}>保存草稿</button>
        <button type="button" onClick={() => onPreview(fields)} disabled={busy}>预览</button>
        {issue.allowed ? (
          <button type="button" className="primary" onClick={() => onIssue(fields)} disabled={busy}>签发…</button>
        ) : (
          <span className="denied-reason">{issue.reason}</span>
        )}
        <span className="toolbar-spacer" />
        <button type="button" className="link" onClick={onDiscard} disabled={busy}>删除草稿</button>
      </div>
    </section>
  );
}
