import { describe, expect, it } from 'vitest';
import type { ProtectedMark } from '../../../shared/domain';
import { ACTION_LABELS, changedFields } from '../../../renderer/src/pages/registry/history-diff';

const mark: ProtectedMark = {
  id: 'G1', name: '柴达木枸杞', category: '地理标志', classes: [31], registrationNumber: '', holder: '',
  aliases: ['柴杞'], region: '海西州', recognizedOn: '', notes: '',
};

describe('history diff', () => {
  it('lists only the fields that changed, with Chinese labels', () => {
    const after = { ...mark, classes: [29, 31], holder: '海西州枸杞协会' };
    expect(changedFields(mark, after)).toEqual([
      { field: 'classes', label: '国际分类', before: '31', after: '29;31' },
      { field: 'holder', label: '权利人', before: '', after: '海西州枸杞协会' },
    ]);
  });

  it('shows the non-empty fields of a new or deleted record', () => {
    expect(changedFields(null, mark).map((c) => c.label)).toEqual(['编号', '商标名称', '类别', '国际分类', '别名', '地域']);
    expect(changedFields(mark, null)[0]).toEqual({ field: 'id', label: '编号', before: 'G1', after: '' });
  });

  it('names every audit action in Chinese', () => {
    expect(Object.values(ACTION_LABELS)).toEqual(['新建', '修改', '删除', '导入', '恢复', '初始化样例']);
  });
});
