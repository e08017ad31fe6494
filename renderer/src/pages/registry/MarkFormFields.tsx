// The fields of the create/edit form, each with its hint or error.
import { CATEGORIES, type Category } from '../../../../shared/domain';
import { FormField } from './FormField';
import type { MarkFormErrors, MarkFormValues } from './mark-form';

type TextField = Exclude<keyof MarkFormValues, 'category'>;

interface MarkFormFieldsProps {
  values: MarkFormValues;
  errors: MarkFormErrors;
  onChange: (field: keyof MarkFormValues, value: string) => void;
}

export function MarkFormFields({ values, errors, onChange }: MarkFormFieldsProps) {
  const text = (field: TextField, label: string, extra: { hint?: string; required?: boolean; wide?: boolean } = {}) => (
    <FormField label={label} error={errors[field]} {...extra}>
      {(props) => <input {...props} value={values[field]} onChange={(e) => onChange(field, e.target.value)} />}
    </FormField>
  );
  return (
    <>
      {text('id', '编号', { required: true, hint: '本单位自己的编号，在名录中不能重复' })}
      {text('name', '商标名称', { required: true })}
      <FormField label="类别" required>
        {(props) => (
          <select {...props} value={values.category} onChange={(e) => onChange('category', e.target.value as Category)}>
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
      {text('aliases', '别名', { wide: true, hint: '拼音、英文名、译名、曾用名等，多个用分号或顿号分隔' })}
      {text('region', '地域', { hint: '地理标志或公共资源所在地' })}
      {text('recognizedOn', '认定日期', { hint: '如 2019-05-20 或 2019年5月20日；只知年月或年份时写 2019-05 或 2019；可留空' })}
      <FormField label="备注" error={errors.notes} wide>
        {(props) => <textarea {...props} rows={3} value={values.notes} onChange={(e) => onChange('notes', e.target.value)} />}
      </FormField>
    </>
  );
}
