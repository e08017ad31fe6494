// The letter channels (shared/contract/letters.ts) over the letters' services; dispatch awaits what they return.
import type { lettersContract } from '../../shared/contract/letters';
import type { AppContext } from '../context';
import type { Handlers } from '../ipc/dispatch';
import type { ShellPorts } from '../handlers/files';
import { letterExportSave } from '../files/save-requests';
import { createLetterArchive } from './archive';
import { readSettings, resetTemplate, templatesState, writeSettings, writeTemplate } from './config';
import { createLetterIssuing } from './issue';
import { createLetterDrafts } from './service';

export function createLettersHandlers(ctx: AppContext, shell: ShellPorts): Pick<Handlers, keyof typeof lettersContract> {
  const drafts = createLetterDrafts(ctx);
  const issuing = createLetterIssuing(ctx);
  const archive = createLetterArchive(ctx);
  return {
    'letters.settings.get': () => readSettings(ctx),
    'letters.settings.set': ({ settings }) => writeSettings(ctx, settings),
    'letters.templates.get': () => templatesState(ctx),
    'letters.templates.set': ({ kind, template }) => writeTemplate(ctx, kind, template),
    'letters.templates.reset': ({ kind }) => resetTemplate(ctx, kind),
    'letters.candidates': ({ kind }) => drafts.candidates(kind),
    'letters.draftFromHits': ({ hitIds, kind }) => drafts.draftFromHits(hitIds, kind),
    'letters.update': ({ id, fields }) => drafts.update(id, fields),
    'letters.preview': ({ id }) => drafts.preview(id),
    'letters.issue': ({ id }) => issuing.issue(id),
    'letters.discard': ({ id }) => drafts.discard(id),
    'letters.supersede': ({ id }) => archive.supersede(id),
    'letters.export': async ({ id, format }) => {
      const letter = await archive.get(id);
      const { title, defaultName } = letterExportSave(format, letter.documentNumber ?? null);
      const chosen = await shell.dialogs.saveFile(title, defaultName, format);
      if (chosen === null) return { status: 'cancelled' as const };
      // exportFile gives the name the extension of the format (withFormatExtension).
      const written = await issuing.exportFile(id, format, chosen);
      return { status: 'saved' as const, savedTo: written.path, sha256: written.sha256 };
    },
    'letters.list': ({ status }) => archive.list(status),
    'letters.get': ({ id }) => archive.get(id),
    'letters.forHits': ({ hitIds }) => archive.forHits(hitIds),
  };
}
