// Profiles count right holders, not marks (issue 10, item 7): marks without 权利人 are no owners at all, so hits on
// several of them never make 抢注多个不同权利人的商标.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobManager } from '../../electron/batches/jobs';
import { createBatchService } from '../../electron/batches/service';
import { createProfileService } from '../../electron/profiles/service';
import { createRegistryService } from '../../electron/registry/service';
import { openTestContext, tempDir } from './support/context';
import { FILING_MAPPING, filingLine, waitForBatch, writeFilings } from './support/batches';
import { sampleMark } from './support/marks';

let ctx: ReturnType<typeof openTestContext>;
let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  ctx = openTestContext();
  folder = tempDir();
});
afterEach(() => {
  ctx.cleanup();
  folder.remove();
});

async function screen(lines: string[]): Promise<void> {
  const jobs = createJobManager(ctx);
  const { batchId } = await createBatchService(ctx, jobs).startImport(writeFilings(folder.dir, '第1940期.csv', lines), 'filing', FILING_MAPPING);
  await waitForBatch(jobs, batchId);
}

describe('profiles: right holders', () => {
  it('hits on three marks without a holder count no owner and raise no many-owners flag', async () => {
    const registry = createRegistryService(ctx);
    for (const [id, name] of [['G1', '日月山'], ['G2', '可可西里'], ['G3', '孟达天池']] as const) {
      await registry.create(sampleMark({ id, name, category: '公共资源', classes: [], holder: '', aliases: [] }));
    }
    await screen([
      filingLine('82000001', '日月山', { niceClass: 25, applicant: '丙公司' }),
      filingLine('82000002', '可可西里', { niceClass: 30, applicant: '丙公司' }),
      filingLine('82000003', '孟达天池', { niceClass: 33, applicant: '丙公司' }),
    ]);
    const profile = await createProfileService(ctx).get('applicant', '丙公司');
    expect(profile).toMatchObject({ hits: 3, distinctMarksHit: 3, distinctOwnersHit: 0 });
    expect(profile.flags).not.toContain('many-owners');
    expect(profile.flags).toContain('public-resources');
  });

  it('two marks of two holders still count two owners', async () => {
    const registry = createRegistryService(ctx);
    await registry.create(sampleMark({ id: 'W1', name: '昆仑雪', category: '驰名商标', classes: [32], holder: '青海昆仑雪饮品有限公司' }));
    await registry.create(sampleMark({ id: 'W2', name: '青稞王', category: '驰名商标', classes: [33], holder: '青稞王酒业', aliases: [] }));
    await registry.create(sampleMark({ id: 'G1', name: '日月山', category: '公共资源', classes: [], holder: '', aliases: [] }));
    await screen([
      filingLine('82000011', '昆仑雪', { niceClass: 32, applicant: '丁公司' }),
      filingLine('82000012', '青稞王', { niceClass: 33, applicant: '丁公司' }),
      filingLine('82000013', '日月山', { niceClass: 25, applicant: '丁公司' }),
    ]);
    const profile = await createProfileService(ctx).get('applicant', '丁公司');
    expect(profile.distinctOwnersHit).toBe(2);
    expect(profile.flags).toContain('many-owners');
  });
});
