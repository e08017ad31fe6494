// A screened text and the protected mark it imitates, each character coloured by its alignment (same, homophone,
// look-alike, variant, changed, inserted, missing), with a legend of the colours in use.
import { LEGEND_RELATIONS, RELATION_LABELS, type Relation } from './labels';
import { refinePairs, tagMarkChars, tagTextChars, type AlignedPairLike, type TaggedChar } from './alignment';

function Chars({ chars, label }: { chars: readonly TaggedChar[]; label: string }) {
  return (
    <span className="aligned" aria-label={label}>
      {chars.map((c, i) => (
        <span
          key={i}
          className={c.relation ? `al al-${c.relation}` : 'al'}
          title={c.relation ? RELATION_LABELS[c.relation] : undefined}
          data-relation={c.relation ?? undefined}
        >
          {c.ch}
        </span>
      ))}
    </span>
  );
}

export function AlignedTextOnly({ text, pairs, label = '被查文字' }: { text: string; pairs: readonly AlignedPairLike[]; label?: string }) {
  return <Chars chars={tagTextChars(text, pairs)} label={label} />;
}

export function AlignedMarkOnly({ mark, pairs, label = '名录商标' }: { mark: string; pairs: readonly AlignedPairLike[]; label?: string }) {
  return <Chars chars={tagMarkChars(mark, pairs)} label={label} />;
}

export function AlignmentLegend({ relations }: { relations: ReadonlySet<Relation> }) {
  const shown = LEGEND_RELATIONS.filter((r) => relations.has(r));
  if (shown.length === 0) return null;
  return (
    <div className="al-legend" aria-label="图例">
      {shown.map((r) => (
        <span key={r} className="al-legend-item">
          <span className={`al al-${r} al-swatch`}>字</span>
          {RELATION_LABELS[r]}
        </span>
      ))}
    </div>
  );
}

interface AlignedPairViewProps {
  text: string;
  mark: string;
  pairs: readonly AlignedPairLike[];
  textLabel: string;
  markLabel: string;
}

/** The two sides one above the other, so aligned characters can be read against each other, and the legend. */
export function AlignedPairView({ text, mark, pairs: raw, textLabel, markLabel }: AlignedPairViewProps) {
  const pairs = refinePairs(text, mark, raw);
  const relations = new Set<Relation>([
    ...tagTextChars(text, pairs).map((c) => c.relation),
    ...tagMarkChars(mark, pairs).map((c) => c.relation),
  ].filter((r): r is Relation => r !== null));
  const long = Array.from(text).length > 12;
  return (
    <div className={`aligned-pair${long ? ' aligned-long' : ''}`}>
      <div className="aligned-line">
        <span className="aligned-label">{textLabel}</span>
        <AlignedTextOnly text={text} pairs={pairs} label={textLabel} />
      </div>
      <div className="aligned-line">
        <span className="aligned-label">{markLabel}</span>
        <AlignedMarkOnly mark={mark} pairs={pairs} label={markLabel} />
      </div>
      <AlignmentLegend relations={relations} />
    </div>
  );
}
