// 函件设置: the issuing body, its code for document numbers, the contact line, copy-to and printing body, and
// the two templates, each with a way back to the default shipped in seeds/.
import { useEffect, useState } from 'react';
import type { TemplatesState } from '../../../../shared/contract/letters';
import type { LetterKind, LetterSettings, LetterTemplate } from '../../../../shared/letters/model';
import { useClient } from '../../api/context';
import { usePermission } from '../../app/account';
import { useToast } from '../../components/Toast';
import { KIND_SHORT } from './labels';

const SETTING_FIELDS: { key: keyof LetterSettings; label: string; hint?: string }[] = [
  { key: 'issuingBody', label: '发文机关' },
  { key: 'bodyCode', label: '机关代字', hint: '文号形如 青市监商函〔2026〕12号' },
  { key: 'contactPerson', label: '联系人' },
  { key: 'contactPhone', label: '联系电话' },
  { key: 'copyTo', label: '抄送机关', hint: '多个机关用顿号分隔' },
  { key: 'printingBody', label: '印发机关', hint: '留空则不印印发行' },
];
const TEMPLATE_FIELDS: { key: keyof LetterTemplate; label: string; rows: number }[] = [
  { key: 'title', label: '标题', rows: 1 },
  { key: 'recipient', label: '主送机关', rows: 1 },
  { key: 'body', label: '正文', rows: 8 },
  { key: 'attachments', label: '附件说明', rows: 2 },
];

function TemplateEditor({ kind, state, onChange }: { kind: LetterKind; state: TemplatesState; onChange: (s: TemplatesState) => void }) {
  const edit = usePermission('letters.templates.set');
  const client = useClient();
  const notify = useToast();
  const [template, setTemplate] = useState(state.templates[kind]);
  useEffect(() => setTemplate(state.templates[kind]), [state, kind]);
  async function save() {
    const r = await client['letters.templates.set']({ kind, template });
    if (!r.ok) return notify(r.error.message, 'error');
    onChange(r.value);
    notify('模板已保存');
  }
  async function reset() {
    const r = await client['letters.templates.reset']({ kind });
    if (!r.ok) return notify(r.error.message, 'error');
    onChange(r.value);
    notify('已恢复默认模板');
  }
  return (
    <div className="letters-template">
      <h3>{KIND_SHORT[kind]}模板 {state.customised[kind] ? <span className="muted small">（已修改）</span> : <span className="muted small">（默认）</span>}</h3>
      {TEMPLATE_FIELDS.map((f) => (
        <label key={f.key} className="field">
          <span>{f.label}</span>
          <textarea rows={f.rows} value={template[f.key]} onChange={(e) => setTemplate({ ...template, [f.key]: e.target.value })} aria-label={`${KIND_SHORT[kind]}模板${f.label}`} />
        </label>
      ))}
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void save()} disabled={!edit.allowed} title={edit.reason}>保存模板</button>
        <button type="button" onClick={() => void reset()} disabled={!state.customised[kind] || !edit.allowed} title={edit.reason}>恢复默认</button>
      </div>
    </div>
  );
}

export function LetterSettingsPanel() {
  const edit = usePermission('letters.settings.set');
  const client = useClient();
  const notify = useToast();
  const [settings, setSettings] = useState<LetterSettings | null>(null);
  const [templates, setTemplates] = useState<TemplatesState | null>(null);
  useEffect(() => {
    void client['letters.settings.get']({}).then((r) => (r.ok ? setSettings(r.value) : notify(r.error.message, 'error')));
    void client['letters.templates.get']({}).then((r) => (r.ok ? setTemplates(r.value) : notify(r.error.message, 'error')));
  }, [client, notify]);
  async function save() {
    if (!settings) return;
    const r = await client['letters.settings.set']({ settings });
    if (!r.ok) return notify(r.error.message, 'error');
    setSettings(r.value);
    notify('函件设置已保存');
  }
  return (
    <div className="letters-settings">
      <section className="card">
        <h2>发文设置</h2>
        {settings ? (
          <div className="form-grid">
            {SETTING_FIELDS.map((f) => (
              <label key={f.key} className="field">
                <span>{f.label}</span>
                <input value={settings[f.key]} onChange={(e) => setSettings({ ...settings, [f.key]: e.target.value })} aria-label={f.label} />
                {f.hint ? <span className="field-hint">{f.hint}</span> : null}
              </label>
            ))}
          </div>
        ) : null}
        <button type="button" className="primary" onClick={() => void save()} disabled={!settings || !edit.allowed} title={edit.reason}>保存设置</button>
      </section>
      {templates ? (
        <section className="card">
          <h2>函件模板</h2>
          <p className="muted small">
            起草时按此模板生成草稿，草稿在“起草”中按成文的样子修改；模板宜由处室负责人维护。{'{{期限说明}}'} 按各申请的程序阶段写出异议期或宣告无效期限的句子。
          </p>
          <p className="muted small">可用的占位符：{templates.placeholders.map((p) => `{{${p}}}`).join(' ')}</p>
          <div className="letters-templates">
            <TemplateEditor kind="referral" state={templates} onChange={setTemplates} />
            <TemplateEditor kind="holder-notice" state={templates} onChange={setTemplates} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
