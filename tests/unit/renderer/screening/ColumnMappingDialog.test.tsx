// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { BatchFilePreview } from '../../../../shared/contract/screening';
import { ColumnMappingDialog } from '../../../../renderer/src/pages/screening/ColumnMappingDialog';

afterEach(cleanup);

const PREVIEW: BatchFilePreview = {
  fileName: '公告1930.csv',
  sizeBytes: 2048,
  headers: ['注册申请号', '商标', '类别', '申请人'],
  fields: [
    { key: 'applicationNumber', header: '申请号', required: true },
    { key: 'markText', header: '商标名称', required: true },
    { key: 'niceClass', header: '国际分类', required: true },
    { key: 'agency', header: '代理机构', required: false },
  ],
  mapping: { applicationNumber: 0, markText: 1, niceClass: -1, agency: -1 },
  remembered: false,
  missingRequired: ['国际分类'],
  sampleRows: [['61000322', '脈動', '32', '万玉静']],
  likelyKind: null,
};

describe('column mapping', () => {
  it('keeps 开始导入 disabled until every required field has a column', () => {
    const onStart = vi.fn();
    render(<ColumnMappingDialog kind="filing" preview={PREVIEW} busy={false} onStart={onStart} onCancel={() => undefined} />);
    const start = screen.getByRole('button', { name: '开始导入' }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    expect(screen.getByText('尚未对应：国际分类')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('「国际分类」对应的列'), { target: { value: '2' } });
    expect(start.disabled).toBe(false);
    fireEvent.click(start);
    expect(onStart).toHaveBeenCalledWith({ applicationNumber: 0, markText: 1, niceClass: 2, agency: -1 }, null);
  });

  it('shows the sample value of each mapped column and says when a remembered mapping was applied', () => {
    render(<ColumnMappingDialog kind="filing" preview={{ ...PREVIEW, remembered: true }} busy={false} onStart={() => undefined} onCancel={() => undefined} />);
    expect(screen.getByText(/已套用上次为相同表头记住的列对应/)).toBeTruthy();
    expect(screen.getAllByText('脈動').length).toBeGreaterThan(0);
    expect(screen.getByText('必填，请选择')).toBeTruthy();
  });

  it('starts with the ZIP of images chosen beside the table, and without it after 不带图样', async () => {
    const onStart = vi.fn();
    const chooseImages = vi.fn(async () => ({ token: 'ft-aaaaaaaaaaaaaaaaaaaa', fileName: '第1930期图样.zip' }));
    const complete = { ...PREVIEW, mapping: { ...PREVIEW.mapping, niceClass: 2 }, missingRequired: [] };
    render(<ColumnMappingDialog kind="filing" preview={complete} busy={false} onStart={onStart} onCancel={() => undefined} chooseImages={chooseImages} />);
    expect(screen.getByText(/图片以申请号命名/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '选择图样压缩包（ZIP）' }));
    await waitFor(() => expect(screen.getByText('第1930期图样.zip')).toBeTruthy());
    expect(chooseImages).toHaveBeenCalledWith('images');
    fireEvent.click(screen.getByRole('button', { name: '开始导入' }));
    expect(onStart).toHaveBeenLastCalledWith(complete.mapping, { token: 'ft-aaaaaaaaaaaaaaaaaaaa', fileName: '第1930期图样.zip' });
    fireEvent.click(screen.getByRole('button', { name: '不带图样' }));
    fireEvent.click(screen.getByRole('button', { name: '开始导入' }));
    expect(onStart).toHaveBeenLastCalledWith(complete.mapping, null);
  });
});
