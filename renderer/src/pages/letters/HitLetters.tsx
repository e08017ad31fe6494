// The letters that cover a hit, for the review queue's detail pane: <HitLetters hitId={id} /> shows
// 已列入函件：青市监商函〔2026〕1号（已签发）, or nothing when no letter covers it.
import { useEffect, useState } from 'react';
import type { LetterRef } from '../../../../shared/contract/letters';
import { LETTER_STATUS_LABELS } from '../../../../shared/letters/model';
import { useClient } from '../../api/context';
import { KIND_SHORT } from './labels';

export function letterRefText(ref: LetterRef): string {
  return `${KIND_SHORT[ref.kind]} ${ref.documentNumber ?? `草稿 ${ref.id}`}（${LETTER_STATUS_LABELS[ref.status]}）`;
}

export function HitLetters({ hitId }: { hitId: number }) {
  const client = useClient();
  const [letters, setLetters] = useState<LetterRef[]>([]);
  useEffect(() => {
    let current = true;
    void client['letters.forHits']({ hitIds: [hitId] }).then((r) => {
      if (current) setLetters(r.ok ? (r.value[0]?.letters ?? []) : []);
    });
    return () => {
      current = false;
    };
  }, [client, hitId]);
  if (letters.length === 0) return null;
  return (
    <div className="hit-letters" aria-label="所列函件">
      已列入函件：{letters.map(letterRefText).join('；')}
    </div>
  );
}
