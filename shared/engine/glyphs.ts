// Character tables of the engine, parsed once from the generated data (./data, see NOTICE.md) on first use.
// Lookups are by single character (a string of one code point).
import { COMPONENTS } from './data/components';
import { CONFUSABLES } from './data/confusables';
import { DOCUMENTED_LOOKALIKES } from './data/documented-lookalikes';
import { READINGS } from './data/readings';
import { RARE_READINGS } from './data/rare-readings';
import { SHAPES, STAND_INS } from './data/shapes';
import { VARIANTS } from './data/variants';

/** traditional and variant forms come from the folding tables; a shape stand-in from the rendered glyphs */
export type VariantKind = 'traditional' | 'variant' | 'shape';

interface Tables {
  variants: Map<string, { to: string; kind: VariantKind }>;
  readings: Map<string, string[]>;
  confusables: Map<string, Map<string, number>>;
  /** "弓长" → "张" */
  composed: Map<string, string>;
  /** a toneless syllable → the private-use character that stands for it (see pinyinStandIn) */
  standIns: Map<string, string>;
  /** a letter → the private-use character that stands for every syllable it begins (see pinyinInitialStandIn) */
  initialStandIns: Map<string, string>;
}

let tables: Tables | undefined;

function parseLines(data: string, each: (chars: string[]) => void): void {
  for (const line of data.split('\n')) if (line) each(Array.from(line));
}

function load(): Tables {
  const variants = new Map<string, { to: string; kind: VariantKind }>();
  parseLines(VARIANTS, ([from, to, kind]) => {
    if (from && to) variants.set(from, { to, kind: kind === 'T' ? 'traditional' : 'variant' });
  });
  const readings = new Map<string, string[]>();
  // the rare characters' readings after the common ones: the two tables share no character
  for (const line of `${READINGS}\n${RARE_READINGS}`.split('\n')) {
    const ch = String.fromCodePoint(line.codePointAt(0) ?? 32);
    if (line) readings.set(ch, line.slice(ch.length).split(' '));
  }
  const confusables = new Map<string, Map<string, number>>();
  const note = (a: string, b: string, sim: number) => {
    let m = confusables.get(a);
    if (!m) confusables.set(a, (m = new Map()));
    if ((m.get(b) ?? 0) < sim) m.set(b, sim);
  };
  // the data keeps each character's closest look-alikes; both directions are filled in so one lookup suffices.
  // Two sources: decomposition and stroke data (CONFUSABLES) and rendered glyphs (SHAPES); the closer one counts.
  for (const table of [CONFUSABLES, SHAPES]) {
    parseLines(table, ([ch, ...rest]) => {
      for (let i = 0; ch && i + 1 < rest.length; i += 2) {
        note(ch, rest[i]!, Number(rest[i + 1]) / 10);
        note(rest[i]!, ch, Number(rest[i + 1]) / 10);
      }
    });
  }
  // pairs squatters are reported to use that both generated tables miss (水久 for 永久): a character, its look-alike
  // and a digit, then the cases
  parseLines(DOCUMENTED_LOOKALIKES, ([a, b, digit]) => {
    if (a && b && digit) {
      note(a, b, Number(digit) / 10);
      note(b, a, Number(digit) / 10);
    }
  });
  // a rare or cross-script character drawn like a common one (ロ for 口) reads as that character
  parseLines(STAND_INS, ([from, to]) => {
    if (from && to && !variants.has(from)) variants.set(from, { to, kind: 'shape' });
  });
  const composed = new Map<string, string>();
  parseLines(COMPONENTS, ([ch, a, b]) => {
    if (ch && a && b && !composed.has(a + b)) composed.set(a + b, ch);
  });
  // one private-use character per syllable, whose only reading is that syllable
  const standIns = new Map<string, string>();
  const syllables = [...new Set([...readings.values()].flat())].sort();
  for (const syllable of syllables) {
    const ch = String.fromCharCode(PINYIN_STAND_IN_FIRST + standIns.size);
    standIns.set(syllable, ch);
    readings.set(ch, [syllable]);
  }
  // one more per letter that begins a syllable, reading as every syllable it begins (C: ca … chi … cuo)
  const initialStandIns = new Map<string, string>();
  for (const letter of new Set(syllables.map((s) => s[0]!))) {
    const ch = String.fromCharCode(PINYIN_STAND_IN_FIRST + standIns.size + initialStandIns.size);
    initialStandIns.set(letter, ch);
    readings.set(ch, syllables.filter((s) => s.startsWith(letter)));
  }
  return { variants, readings, confusables, composed, standIns, initialStandIns };
}

function get(): Tables {
  tables ??= load();
  return tables;
}

/** The simplified core character for a traditional, Japanese or variant form, if any. */
export function variantOf(ch: string): { to: string; kind: VariantKind } | undefined {
  return get().variants.get(ch);
}

/** the first of the private-use characters that stand for syllables (a few hundred, well inside U+E000–U+F8FF) */
const PINYIN_STAND_IN_FIRST = 0xe000;

/**
 * A character that reads as a toneless syllable and as nothing else, or undefined when no character reads so: a
 * syllable written in letters in place of a character (蜜xue冰城) is then compared as a homophone of it.
 */
export function pinyinStandIn(syllable: string): string | undefined {
  return get().standIns.get(syllable);
}

/**
 * A character that reads as every syllable a letter begins, or undefined when none begins with it: a capital written
 * for a character of a brand by its sound's first letter (耐K for 耐克, 古C for 古驰) is then compared as a homophone.
 */
export function pinyinInitialStandIn(letter: string): string | undefined {
  return get().initialStandIns.get(letter);
}

/** Toneless readings (all readings of a polyphonic character); empty when unknown. */
export function readingsOf(ch: string): readonly string[] {
  return get().readings.get(ch) ?? [];
}

const NO_CONFUSABLES: ReadonlyMap<string, number> = new Map();

/** Look-alike characters with a similarity in 0.6–0.9 (same stroke sequence, one stroke apart, shared parts). */
export function confusablesOf(ch: string): ReadonlyMap<string, number> {
  return get().confusables.get(ch) ?? NO_CONFUSABLES;
}

/** The character that two characters side by side or stacked spell (弓 + 长 → 张), if any. */
export function composedOf(first: string, second: string): string | undefined {
  return get().composed.get(first + second);
}

/** Every [first, second, composed] spelling of the component table. */
export function componentSpellings(): [string, string, string][] {
  return [...get().composed].map(([pair, ch]) => {
    const [a, b] = Array.from(pair);
    return [a ?? '', b ?? '', ch];
  });
}
