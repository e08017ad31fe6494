// Letter settings and templates, kept in the settings table (so a backup carries them); the default templates
// come from seeds/letter-templates/templates.json and a reset simply forgets the user's version.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TemplatesState } from '../../shared/contract/letters';
import { DEFAULT_LETTER_SETTINGS } from '../../shared/letters/defaults';
import {
  LETTER_KINDS,
  LetterSettingsSchema,
  LetterTemplateSchema,
  LetterTemplatesSchema,
  type LetterKind,
  type LetterSettings,
  type LetterTemplate,
  type LetterTemplates,
} from '../../shared/letters/model';
import { checkTemplate, PLACEHOLDERS } from '../../shared/letters/template';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { settingsRepository } from '../data/settings';

export const TEMPLATES_FILE = path.join('letter-templates', 'templates.json');
const SETTINGS_KEY = 'letters.settings';
const templateKey = (kind: LetterKind) => `letters.template.${kind}`;

const TEMPLATE_FIELDS: Record<keyof LetterTemplate, string> = {
  title: '标题',
  recipient: '收文机关',
  body: '正文',
  attachments: '附件说明',
};

export function defaultTemplates(ctx: AppContext): LetterTemplates {
  const file = path.join(ctx.config.seedsDir, TEMPLATES_FILE);
  try {
    return LetterTemplatesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppFailure('io', `无法读取默认函件模板 ${file}：${reason}。请重新安装商标守护。`);
  }
}

export async function readSettings(ctx: AppContext): Promise<LetterSettings> {
  const parsed = LetterSettingsSchema.safeParse({ ...DEFAULT_LETTER_SETTINGS, ...(await storedLetterSettings(ctx)) });
  return parsed.success ? parsed.data : DEFAULT_LETTER_SETTINGS;
}

/** The letter settings as stored, unchecked: read before an issuing transaction, checked inside it. */
export async function storedLetterSettings(ctx: AppContext): Promise<Partial<LetterSettings>> {
  return (await settingsRepository(ctx.data).get<Partial<LetterSettings>>(SETTINGS_KEY)) ?? {};
}

/**
 * The settings a letter is issued with: the stored ones as they are, or a refusal naming what is wrong — never
 * the defaults in their place (another body's code on an official number), and before any number is taken.
 */
export function settingsForIssue(stored: Partial<LetterSettings>): LetterSettings {
  const parsed = LetterSettingsSchema.safeParse({ ...DEFAULT_LETTER_SETTINGS, ...stored });
  if (parsed.success) return parsed.data;
  const problem = parsed.error.issues[0]?.message ?? '';
  throw new AppFailure('invalid-input', `函件设置有误，未签发、未占用文号：${problem}。请在「函件设置」中改正后再签发。`);
}

export async function writeSettings(ctx: AppContext, settings: LetterSettings): Promise<LetterSettings> {
  await settingsRepository(ctx.data).set(SETTINGS_KEY, settings, ctx.now());
  return readSettings(ctx);
}

/** Refuses a template with an unknown placeholder when it is saved, not only when a letter is drafted. */
export function checkLetterTemplate(template: LetterTemplate): void {
  for (const key of Object.keys(TEMPLATE_FIELDS) as (keyof LetterTemplate)[]) {
    const problem = checkTemplate(template[key], TEMPLATE_FIELDS[key])[0];
    if (problem) throw new AppFailure('invalid-input', problem.message);
  }
}

export async function templatesState(ctx: AppContext): Promise<TemplatesState> {
  const defaults = defaultTemplates(ctx);
  const templates = { ...defaults };
  const customised = { referral: false, 'holder-notice': false };
  for (const kind of LETTER_KINDS) {
    const stored = LetterTemplateSchema.safeParse(await settingsRepository(ctx.data).get(templateKey(kind)));
    if (stored.success) {
      templates[kind] = stored.data;
      customised[kind] = true;
    }
  }
  return { templates, defaults, customised, placeholders: [...PLACEHOLDERS] };
}

export async function writeTemplate(ctx: AppContext, kind: LetterKind, template: LetterTemplate): Promise<TemplatesState> {
  checkLetterTemplate(template);
  await settingsRepository(ctx.data).set(templateKey(kind), template, ctx.now());
  return templatesState(ctx);
}

export async function resetTemplate(ctx: AppContext, kind: LetterKind): Promise<TemplatesState> {
  await ctx.data.deleteFrom('settings').where('key', '=', templateKey(kind)).execute();
  return templatesState(ctx);
}
