// Settings a new installation starts with (the Qinghai bureau of the example); the user edits them in 函件设置.
import type { LetterSettings } from './model';

export const DEFAULT_LETTER_SETTINGS: LetterSettings = {
  issuingBody: '青海省市场监督管理局',
  bodyCode: '青市监商函',
  contactPerson: '',
  contactPhone: '',
  copyTo: '',
  printingBody: '青海省市场监督管理局办公室',
};
