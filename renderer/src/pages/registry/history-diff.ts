// Turns audit entries into what a clerk reads: the action in Chinese and the fields that changed.
import type { AuditEntry } from '../../../../shared/api';
import type { ProtectedMark } from '../../../../shared/domain';

export const ACTION_LABELS: Record<AuditEntry['action'], string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  import: '导入',
  restore: '恢复',
  seed: '初始化样例',
};

export const FIELD_LABELS: Record<keyof ProtectedMark, string> = {
  id: '编号',
  name: '商标名称',
  category: '类别',
  classes: '国际分类',
  registrationNumber: '注册号',
  holder: '权利人',
  aliases: '别名',
  region: '地域',
  recognizedOn: '认定日期',
  notes: '备注',
};

const FIELD_ORDER = Object.keys(FIELD_LABELS) as (keyof ProtectedMark)[];

export interface FieldChange {
  field: keyof ProtectedMark;
  label: string;
  before: string;
  after: string;
}

function show(mark: ProtectedMark | null, field: keyof ProtectedMark): string {
  if (!mark) return '';
  const value = mark[field];
  return Array.isArray(value) ? value.join(';') : String(value);
}

/** The fields whose shown value differs between before and after; for a new or deleted record, its non-empty fields. */
export function changedFields(before: ProtectedMark | null, after: ProtectedMark | null): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELD_ORDER) {
    const b = show(before, field);
    const a = show(after, field);
    if (a !== b) changes.push({ field, label: FIELD_LABELS[field], before: b, after: a });
  }
  return changes;
}
