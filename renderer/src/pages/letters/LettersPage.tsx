// 函件: confirmed hits not yet in a letter → draft → edit → preview → issue → export, and the archive.
import { useState } from 'react';
import type { LetterFields } from '../../../../shared/letters/model';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Modal } from '../../components/Modal';
import { ArchiveList } from './ArchiveList';
import { CandidateList } from './CandidateList';
import { LetterEditor } from './LetterEditor';
import { LetterPreview } from './LetterPreview';
import { LetterSettingsPanel } from './LetterSettingsPanel';
import { useLetters } from './useLetters';
import './letters.css';

type Tab = 'draft' | 'archive' | 'settings';
const TABS: { id: Tab; label: string }[] = [
  { id: 'draft', label: '起草' },
  { id: 'archive', label: '函件存档' },
  { id: 'settings', label: '设置与模板' },
];

export function LettersPage() {
  const letters = useLetters();
  const [tab, setTab] = useState<Tab>('draft');
  const [issuing, setIssuing] = useState<LetterFields | null>(null);

  return (
    <div className="page letters-page">
      <div className="page-head">
        <h1>函件</h1>
        <div className="letters-tabs" role="tablist">
          {TABS.map((t) => (
            <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'active' : ''} onClick={() => setTab(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
      </div>
      {tab === 'draft' ? (
        <>
          {letters.open ? (
            <LetterEditor
              key={letters.open.id + letters.open.createdAt}
              letter={letters.open}
              busy={letters.busy}
              onSave={(f) => void letters.save(f)}
              onPreview={(f) => void letters.showPreview(f)}
              onIssue={setIssuing}
              onDiscard={() => void letters.discard()}
            />
          ) : null}
          <CandidateList
            kind={letters.kind}
            candidates={letters.candidates}
            error={letters.candidateError}
            busy={letters.busy}
            onKind={letters.setKind}
            onDraft={(ids) => void letters.draft(ids)}
          />
        </>
      ) : null}
      {tab === 'archive' ? (
        <section className="card">
          <ArchiveList
            letters={letters.archive}
            onOpen={(id) => { void letters.openLetter(id).then(() => setTab((t) => (letters.archive?.find((l) => l.id === id)?.status === 'draft' ? 'draft' : t))); }}
            onExport={(l, f) => void letters.exportFile(l, f)}
            onSupersede={(l) => { void letters.supersede(l).then(() => setTab('draft')); }}
          />
        </section>
      ) : null}
      {tab === 'settings' ? <LetterSettingsPanel /> : null}
      {letters.preview ? (
        <Modal title={`预览：${letters.preview.document.documentNumber}`} onClose={() => letters.setPreview(null)} width={900}>
          <LetterPreview preview={letters.preview} />
        </Modal>
      ) : null}
      {issuing ? (
        <ConfirmDialog
          title="签发函件"
          confirmLabel="签发"
          busy={letters.busy}
          onCancel={() => setIssuing(null)}
          onConfirm={() => void letters.issue(issuing).then((issued) => { setIssuing(null); if (issued) setTab('archive'); })}
        >
          <p>签发后将取得本年度的下一个文号，并生成 DOCX 和 PDF 存档。已签发的函件不能修改，只能更正重发。</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
