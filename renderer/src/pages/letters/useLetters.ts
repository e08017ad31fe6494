// Loading and acting on letters for the page; every failure becomes a toast with the service's Chinese message.
import { useCallback, useEffect, useState } from 'react';
import type { LetterCandidate, LetterDetail, LetterFormat, LetterPreview, LetterSummary } from '../../../../shared/contract/letters';
import type { LetterFields, LetterKind } from '../../../../shared/letters/model';
import type { Result } from '../../../../shared/result';
import { useClient } from '../../api/context';
import { useToast } from '../../components/Toast';

export function useLetters() {
  const client = useClient();
  const notify = useToast();
  const [kind, setKind] = useState<LetterKind>('referral');
  const [candidates, setCandidates] = useState<LetterCandidate[] | null>(null);
  const [candidateError, setCandidateError] = useState<string | null>(null);
  const [archive, setArchive] = useState<LetterSummary[] | null>(null);
  const [open, setOpen] = useState<LetterDetail | null>(null);
  const [preview, setPreview] = useState<LetterPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const [c, a] = await Promise.all([client['letters.candidates']({ kind }), client['letters.list']({})]);
    if (c.ok) {
      setCandidates(c.value);
      setCandidateError(null);
    } else setCandidateError(c.error.message);
    if (a.ok) setArchive(a.value);
    else notify(a.error.message, 'error');
  }, [client, kind, notify]);
  useEffect(() => {
    void reload();
  }, [reload]);

  /** Runs one call with the busy flag; returns the value or null after telling the user what went wrong. */
  const run = useCallback(
    async <T,>(call: () => Promise<Result<T>>): Promise<T | null> => {
      setBusy(true);
      try {
        const r = await call();
        if (r.ok) return r.value;
        notify(r.error.message, 'error');
        return null;
      } finally {
        setBusy(false);
      }
    },
    [notify],
  );

  const save = async (fields: LetterFields): Promise<LetterDetail | null> => {
    if (!open) return null;
    const saved = await run(() => client['letters.update']({ id: open.id, fields }));
    if (saved) setOpen(saved);
    return saved;
  };

  return {
    kind, setKind: (k: LetterKind) => { setCandidates(null); setKind(k); }, candidates, candidateError, archive, open, setOpen, preview, setPreview, busy,
    async draft(hitIds: number[]) {
      const letter = await run(() => client['letters.draftFromHits']({ hitIds, kind }));
      if (letter) { setOpen(letter); notify('草稿已生成，请核对后预览、签发'); void reload(); }
    },
    async openLetter(id: number) {
      const letter = await run(() => client['letters.get']({ id }));
      if (!letter) return;
      if (letter.status === 'draft') {
        setOpen(letter);
        return;
      }
      // An issued letter is shown laid out from its frozen document, as its archived PDF is.
      const shown = await run(() => client['letters.preview']({ id }));
      if (shown) setPreview(shown);
    },
    async save(fields: LetterFields) {
      if (await save(fields)) notify('草稿已保存');
    },
    async showPreview(fields: LetterFields) {
      const saved = await save(fields);
      if (!saved) return;
      const doc = await run(() => client['letters.preview']({ id: saved.id }));
      if (doc) setPreview(doc);
    },
    async issue(fields: LetterFields): Promise<LetterDetail | null> {
      const saved = await save(fields);
      if (!saved) return null;
      const issued = await run(() => client['letters.issue']({ id: saved.id }));
      if (issued) { setOpen(null); notify(`已签发：${issued.documentNumber}`); void reload(); }
      return issued;
    },
    async discard() {
      if (!open) return;
      if (await run(() => client['letters.discard']({ id: open.id }))) { setOpen(null); notify('草稿已删除'); void reload(); }
    },
    async supersede(letter: LetterSummary) {
      const draft = await run(() => client['letters.supersede']({ id: letter.id }));
      if (draft) { setOpen(draft); notify(`已生成更正草稿，签发后将替代 ${letter.documentNumber}`); void reload(); }
    },
    async exportFile(letter: LetterSummary, format: LetterFormat) {
      // The main process asks where to save and copies the archived file there.
      const done = await run(() => client['letters.export']({ id: letter.id, format }));
      if (done?.status === 'saved') notify(`已导出：${done.savedTo}`);
    },
  };
}
