// What each channel that saves a file asks in the save dialog: its title, the proposed name, the filter and the
// extensions the file may carry. One home for both places that ask: the channel's own handler in the desktop app,
// and a desktop connected to a server (electron/server/remote-files.ts), which asks on its own disk before the
// server writes the file.
import type { ChannelInput } from '../../shared/api';
import { withFormatExtension } from '../letters/issue';
import type { FileFilter } from './dialog-port';
import { withExtension } from './save';

export interface SaveRequest {
  title: string;
  defaultName: string;
  filter: FileFilter;
  extensions: readonly string[];
}

export const SAVE_CHANNELS = ['registry.export', 'backup.create', 'hits.export', 'dashboard.export', 'listings.complaintExport', 'letters.export'] as const;
export type SaveChannel = (typeof SAVE_CHANNELS)[number];

export function isSaveChannel(channel: string): channel is SaveChannel {
  return (SAVE_CHANNELS as readonly string[]).includes(channel);
}

export const registryExportSave = ({ format }: ChannelInput<'registry.export'>, today: string): SaveRequest => ({
  title: format === 'csv' ? '导出名录为 CSV' : '导出名录为 Excel',
  defaultName: `保护名录-${today}.${format}`,
  filter: format,
  extensions: [format],
});

export const backupSave = (today: string): SaveRequest => ({
  title: '保存备份',
  defaultName: `商标守护备份-${today}.sqlite`,
  filter: 'backup',
  extensions: ['sqlite', 'db'],
});

export function hitsExportSave({ query }: ChannelInput<'hits.export'>, today: string): SaveRequest {
  const name = query.source === 'filing' ? '抢注审查清单' : '电商审查清单';
  return { title: `导出${name}`, defaultName: `${name}-${today}.xlsx`, filter: 'xlsx', extensions: ['xlsx'] };
}

export const dashboardExportSave = (today: string): SaveRequest => ({
  title: '导出统计为 Excel',
  defaultName: `商标监测统计-${today}.xlsx`,
  filter: 'xlsx',
  extensions: ['xlsx'],
});

/** A name ending in .csv is written as CSV, anything else as XLSX. */
export const complaintExportSave = ({ platform }: ChannelInput<'listings.complaintExport'>, today: string): SaveRequest => ({
  title: `导出${platform}投诉清单`,
  defaultName: `投诉清单-${platform}-${today}.xlsx`,
  filter: 'table',
  extensions: ['xlsx', 'csv'],
});

/** A letter is named by its document number (上次签发的文号), which only its store knows. */
export const letterExportSave = (format: ChannelInput<'letters.export'>['format'], documentNumber: string | null): SaveRequest => ({
  title: `导出函件（${format.toUpperCase()}）`,
  defaultName: `${documentNumber ?? '函件'}.${format}`,
  filter: format,
  extensions: [format],
});

/** Where the file goes once the clerk chose `chosen`: with the extension of what it is. */
export function saveTarget(request: SaveRequest, chosen: string): string {
  const [only] = request.extensions;
  // a letter: Windows may have appended the filter's .csv/.xlsx to the name typed (withFormatExtension)
  if (request.extensions.length === 1 && (only === 'docx' || only === 'pdf')) return withFormatExtension(chosen, only);
  return withExtension(chosen, request.extensions);
}
