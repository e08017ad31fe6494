// The one table of who may call what in server mode: every channel of the contract → the least role allowed.
// `Record<Channel, Role>` makes it exhaustive: a channel added to shared/api.ts without a line here is a type error.
// 科员 import gazettes and listings, review hits and draft letters; 处长 also issue letters and edit the registry;
// 管理员 also manage users, backups and settings. Reading is open to every role.
import type { Channel } from './api';
import { ROLES, type Role } from './contract/accounts';

export const CHANNEL_ROLES: Record<Channel, Role> = {
  'files.open': '科员',
  'app.info': '科员',
  'settings.operator': '科员',
  'settings.setOperator': '管理员',

  'registry.list': '科员',
  'registry.findDuplicates': '科员',
  'registry.usage': '科员',
  'registry.history': '科员',
  'registry.export': '科员',
  'registry.images': '科员',
  'registry.thumbnails': '科员',
  'registry.checkImage': '科员',
  'registry.featuresRefresh': '科员',
  'registry.create': '处长',
  'registry.update': '处长',
  'registry.delete': '处长',
  'registry.importPreview': '处长',
  'registry.importChoose': '处长',
  'registry.importCommit': '处长',
  'registry.importDiscard': '处长',
  'registry.addImage': '处长',
  'registry.viennaCodes': '科员',
  'registry.setViennaCodes': '处长',
  'registry.removeImage': '处长',

  'backup.create': '管理员',
  'backup.restore': '管理员',
  'backup.listAutomatic': '管理员',
  'serverBackup.status': '科员',
  'serverBackup.create': '管理员',

  'batches.previewFile': '科员',
  'batches.startImport': '科员',
  'batches.resume': '科员',
  'batches.progress': '科员',
  'batches.cancel': '科员',
  'batches.list': '科员',
  'batches.problems': '科员',
  'batches.rescreen': '科员',
  // removing a batch deletes its hits and the decisions clerks made on them
  'batches.remove': '处长',

  'hits.query': '科员',
  'hits.get': '科员',
  'hits.images': '科员',
  'hits.facets': '科员',
  'hits.decide': '科员',
  'hits.decideMatching': '科员',
  'hits.undo': '科员',
  'hits.export': '科员',
  'deadlines.upcoming': '科员',
  'profiles.list': '科员',
  'profiles.get': '科员',
  'dashboard.summary': '科员',
  'dashboard.export': '科员',
  'listings.complaintExport': '科员',
  quickCheck: '科员',

  'letters.settings.get': '科员',
  'letters.templates.get': '科员',
  'letters.settings.set': '管理员',
  'letters.templates.set': '管理员',
  'letters.templates.reset': '管理员',
  'letters.candidates': '科员',
  'letters.draftFromHits': '科员',
  'letters.update': '科员',
  'letters.preview': '科员',
  'letters.discard': '科员',
  'letters.export': '科员',
  'letters.list': '科员',
  'letters.get': '科员',
  'letters.forHits': '科员',
  'letters.issue': '处长',
  'letters.supersede': '处长',

  'accounts.me': '科员',
  'accounts.changePassword': '科员',
  'accounts.list': '管理员',
  'accounts.create': '管理员',
  'accounts.setRole': '管理员',
  'accounts.resetPassword': '管理员',
  'accounts.unlock': '管理员',
  'accounts.setDisabled': '管理员',

  // the desktop's own switch to a server: answered by the desktop, refused by the server (electron/server/connection.ts)
  'connection.state': '科员',
  'connection.probe': '科员',
  'connection.connect': '科员',
  'connection.login': '科员',
  'connection.disconnect': '科员',
};

/** Each role includes the ones before it in ROLES. */
export function roleAllows(role: Role, channel: Channel): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(CHANNEL_ROLES[channel]);
}

/** The 403 message a user sees. */
export function forbiddenMessage(channel: Channel, role: Role): string {
  return `您的角色（${role}）无权执行此操作，需要「${CHANNEL_ROLES[channel]}」或更高的角色。`;
}
