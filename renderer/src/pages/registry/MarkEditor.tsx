// Create or edit one protected mark. Validates locally first, then shows the server's message (e.g. a duplicate 编号).
// An edit is saved against the version of the record it was loaded from; when another clerk saved the record
// meanwhile, the server refuses it with the record as it is now, shown beside the clerk's edits (MarkConflict).
import { useState, type FormEvent } from 'react';
import type { StoredMark } from '../../../../shared/api';
import type { ProtectedMark } from '../../../../shared/domain';
import { useClient } from '../../api/context';
import { Modal } from '../../components/Modal';
import { DuplicateChoice } from './DuplicateChoice';
import { MarkConflict } from './MarkConflict';
import { MarkFormFields } from './MarkFormFields';
import { MarkImages } from './MarkImages';
import { MarkViennaCodes } from './MarkViennaCodes';
import { emptyForm, formFromMark, validateMarkForm, type MarkFormErrors, type MarkFormValues } from './mark-form';
import { useMarkConflict } from './useMarkConflict';

interface MarkEditorProps {
  /** the record to edit; absent to create a new one */
  mark?: StoredMark;
  onSaved: (saved: StoredMark) => void;
  onClose: () => void;
  /** after an image was added to or removed from the mark (at once, apart from 保存) */
  onImagesChanged?: () => void;
}

export function MarkEditor({ mark, onSaved, onClose, onImagesChanged }: MarkEditorProps) {
  const client = useClient();
  const [values, setValues] = useState<MarkFormValues>(() => (mark ? formFromMark(mark) : emptyForm()));
  const [errors, setErrors] = useState<MarkFormErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // a new record repeating a mark of the registry waits here for the clerk's choice
  const [pending, setPending] = useState<{ mark: ProtectedMark; duplicates: StoredMark[] } | null>(null);
  const versions = useMarkConflict(mark, (current) => {
    setValues(formFromMark(current));
    setErrors({});
  });
  const { base, conflict, notice } = versions;

  const change = (field: keyof MarkFormValues, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function save(checked: ProtectedMark, duplicates?: 'merge' | 'keep') {
    setSaving(true);
    setServerError(null);
    versions.clear();
    const result = base
      ? await client['registry.update']({ key: base.key, version: base.version, mark: checked })
      : await client['registry.create']({ mark: checked, ...(duplicates ? { duplicates } : {}) });
    setSaving(false);
    setPending(null);
    if (result.ok) onSaved(result.value);
    else if (versions.refused(result.error)) return;
    // a taken 编号 belongs to its field; a same-name record created meanwhile is said above the form
    else if (result.error.kind === 'conflict' && result.error.message.startsWith('编号')) setErrors({ id: result.error.message });
    else setServerError(result.error.message);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateMarkForm(values);
    if (!checked.ok) return setErrors(checked.errors);
    if (!mark) {
      const found = await client['registry.findDuplicates']({ mark: checked.mark });
      if (found.ok && found.value.length > 0) return setPending({ mark: checked.mark, duplicates: found.value });
    }
    await save(checked.mark);
  }

  const footer = (
    <>
      <button type="button" onClick={onClose} disabled={saving}>
        取消
      </button>
      <button type="submit" form="mark-editor" className="primary" disabled={saving}>
        {saving ? '正在保存…' : '保存'}
      </button>
    </>
  );

  return (
    <Modal title={mark ? `修改记录 ${mark.id}` : '新建记录'} onClose={onClose} footer={footer} width={720}>
      <form id="mark-editor" className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        {serverError ? (
          <div className="form-banner" role="alert">
            {serverError}
          </div>
        ) : null}
        {conflict ? (
          <MarkConflict
            message={conflict.message}
            current={conflict.current}
            mine={values}
            onLoadCurrent={() => versions.loadCurrent(conflict.current)}
            onKeepMine={() => versions.keepMine(conflict.current)}
          />
        ) : null}
        {notice ? (
          <div className="info-banner field-wide" role="status">
            {notice}
          </div>
        ) : null}
        {pending ? (
          <DuplicateChoice
            duplicates={pending.duplicates}
            busy={saving}
            onChoose={(choice) => void save(pending.mark, choice)}
            onCancel={() => setPending(null)}
          />
        ) : null}
        <MarkFormFields values={values} errors={errors} onChange={change} />
        {mark ? <MarkImages mark={mark} onChanged={() => onImagesChanged?.()} /> : null}
        {mark ? <MarkViennaCodes mark={mark} /> : null}
      </form>
    </Modal>
  );
}
