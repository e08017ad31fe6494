// Create or edit one protected mark. Validates locally first, then shows the server's message (e.g. a duplicate 编号).
import { useState, type FormEvent } from 'react';
import { CATEGORIES, type Category } from '../../../../shared/domain';
import type { StoredMark } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { Modal } from '../../components/Modal';
import { FormField } from './FormField';
import { emptyForm, formFromMark, validateMarkForm, type MarkFormErrors, type MarkFormValues } from './mark-form';

interface MarkEditorProps {
  /** the record to edit; absent to create a new one */
  mark?: StoredMark;
  onSaved: (saved: StoredMark) => void;
  onClose: () => void;
}

type TextField = Exclude<keyof MarkFormValues, 'category'>;

export function MarkEditor({ mark, onSaved, onClose }: MarkEditorProps) {
  const client = useClient();
  const [values, setValues] = useState<MarkFormValues>(() => (mark ? formFromMark(mark) : emptyForm()));
  const [errors, setErrors] = useState<MarkFormErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (field: keyof MarkFormValues, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateMarkForm(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    setServerError(null);
    const result = mark
      ? await client['registry.update']({ key: mark.key, mark: checked.mark })
      : await client['registry.create']({ mark: checked.mark });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else if (result.error.kind === 'conflict') setErrors({ id: result.error.message });
    else setServerError(result.error.message);
  }

  const text = (field: TextField, label: string, extra: { hint?: string; required?: boolean; wide?: boolean } = {}) => (
    <FormField label={label} error={errors[field]} {...extra}>
      {(props) => <input {...props} value={values[field]} onChange={(e) => set(field, e.target.value)} />}
    </FormField>
  );

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
      <form id="mark-editor" className="form-grid" onSubmit={submit} noValidate>
        {serverError ? (
          <div className="form-banner" role="alert">
            {serverError}
          </div>
        ) : null}
        {text('id', '编号', { required: true, hint: '本单位自己的编号，在名录中不能重复' })}
        {text('name', '商标名称', { required: true })}
        <FormField label="类别" required>
          {(props) => (
            <select {...props} value={values.category} onChange={(e) => set('category', e.target.value as Category)}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {text('classes', '国际分类', {
          hint: values.category === '公共资源' ? '可留空，表示全部类别；或如 29;32' : '1–45，多个用分号分隔，如 29;32',
        })}
        {text('registrationNumber', '注册号')}
        {text('holder', '权利人')}
        {text('aliases', '别名', { wide: true, hint: '拼音、英文名、译名、曾用名等，多个用分号分隔' })}
        {text('region', '地域', { hint: '地理标志或公共资源所在地' })}
        {text('recognizedOn', '认定日期', { hint: '格式 YYYY-MM-DD，可留空' })}
        <FormField label="备注" error={errors.notes} wide>
          {(props) => <textarea {...props} rows={3} value={values.notes} onChange={(e) => set('notes', e.target.value)} />}
        </FormField>
      </form>
    </Modal>
  );
}
