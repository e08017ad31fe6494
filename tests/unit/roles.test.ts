// The role table: every channel has a least role, and each role can do what the division expects of it.
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../shared/api';
import { ROLES, type Role } from '../../shared/contract/accounts';
import { CHANNEL_ROLES, forbiddenMessage, roleAllows } from '../../shared/roles';

const USER_MANAGEMENT: Channel[] = ['accounts.list', 'accounts.create', 'accounts.setRole', 'accounts.resetPassword', 'accounts.unlock', 'accounts.setDisabled'];

describe('the role table', () => {
  it('names a known role for every channel of the contract and nothing else', () => {
    expect(Object.keys(CHANNEL_ROLES).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(ROLES).toContain(CHANNEL_ROLES[channel]);
  });

  it('is a type error to leave a channel out', () => {
    // @ts-expect-error — a table missing channels does not type-check as Record<Channel, Role>
    const partial: Record<Channel, Role> = { 'files.open': '科员' };
    expect(partial).toBeTruthy();
  });

  it('lets a 科员 import, review and draft, but not issue letters, edit the registry or manage users', () => {
    for (const channel of ['batches.startImport', 'hits.decide', 'hits.decideMatching', 'letters.draftFromHits', 'letters.update', 'registry.list'] as Channel[]) {
      expect(roleAllows('科员', channel), channel).toBe(true);
    }
    for (const channel of ['letters.issue', 'letters.supersede', 'registry.update', 'registry.importCommit', 'backup.restore', ...USER_MANAGEMENT] as Channel[]) {
      expect(roleAllows('科员', channel), channel).toBe(false);
    }
  });

  it('lets a 处长 also issue letters and edit the registry, but not manage users, backups or settings', () => {
    for (const channel of ['letters.issue', 'letters.supersede', 'registry.create', 'registry.update', 'registry.delete', 'hits.decide'] as Channel[]) {
      expect(roleAllows('处长', channel), channel).toBe(true);
    }
    for (const channel of ['backup.create', 'backup.restore', 'letters.settings.set', 'settings.setOperator', ...USER_MANAGEMENT] as Channel[]) {
      expect(roleAllows('处长', channel), channel).toBe(false);
    }
  });

  it('shows every role where the server backups are, and lets only a 管理员 start one', () => {
    for (const role of ROLES) expect(roleAllows(role, 'serverBackup.status'), role).toBe(true);
    expect(roleAllows('科员', 'serverBackup.create')).toBe(false);
    expect(roleAllows('处长', 'serverBackup.create')).toBe(false);
    expect(roleAllows('管理员', 'serverBackup.create')).toBe(true);
  });

  it('lets a 管理员 do everything', () => {
    for (const channel of CHANNELS) expect(roleAllows('管理员', channel), channel).toBe(true);
  });

  it('says in Chinese which role is needed', () => {
    expect(forbiddenMessage('letters.issue', '科员')).toBe('您的角色（科员）无权执行此操作，需要「处长」或更高的角色。');
  });
});
