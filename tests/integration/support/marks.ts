import type { ProtectedMark } from '../../../shared/domain';

export function sampleMark(overrides: Partial<ProtectedMark> = {}): ProtectedMark {
  return {
    id: 'T001',
    name: '昆仑雪',
    category: '省著名商标',
    classes: [32],
    registrationNumber: '1234567',
    holder: '青海昆仑雪饮品有限公司',
    aliases: ['KUNLUNXUE'],
    region: '',
    recognizedOn: '2009-06-01',
    notes: '',
    ...overrides,
  };
}
