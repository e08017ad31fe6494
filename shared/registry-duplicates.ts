// One mark once (issue 10, item 3): two records are the same mark when their names read the same after the
// engine's folding (traditional → simplified, full-width → half-width, case, invisible characters) and they share
// a category. Used by the registry service on create and import, and by the editor to ask before saving.
import type { Category, ProtectedMark } from './domain';
import { normaliseText } from './engine/normalise';
import { markWords } from './mark-words';

/** The name as the engine compares it: its words (markWords: 康师傅及图 is 康师傅) after folding. */
export function foldedName(name: string): string {
  const text = normaliseText(markWords(name));
  const folded = [text.han.join(''), ...text.latin.map((t) => t.canon)].filter((part) => part !== '').join(' ');
  // a name of punctuation alone folds to nothing; then only the same text is the same name
  return folded === '' ? name.trim() : folded;
}

/** Records with equal keys are the same mark. */
export function duplicateKey(mark: { name: string; category: Category }): string {
  return `${mark.category}\u0000${foldedName(mark.name)}`;
}

/** The registry's records that the given one would duplicate (other than itself, by 编号). */
export function findDuplicates<T extends ProtectedMark>(mark: ProtectedMark, registry: readonly T[]): T[] {
  const key = duplicateKey(mark);
  return registry.filter((other) => other.id !== mark.id && duplicateKey(other) === key);
}

/**
 * `extra` merged into `kept`: the kept record's fields stay, its empty ones are filled from the other, the classes
 * are joined, and the other's name (when written differently) and aliases join the aliases.
 */
export function mergeMarks(kept: ProtectedMark, extra: ProtectedMark): ProtectedMark {
  const aliases = [...kept.aliases];
  for (const alias of [extra.name, ...extra.aliases]) {
    if (alias !== kept.name && !aliases.includes(alias)) aliases.push(alias);
  }
  const fill = (mine: string, theirs: string) => (mine === '' ? theirs : mine);
  return {
    id: kept.id,
    name: kept.name,
    category: kept.category,
    // an empty list of a 公共资源 means every class: joining it with some classes must not narrow it
    // both share a category, and only a 公共资源 (every class) has none
    classes: kept.classes.length === 0 || extra.classes.length === 0
      ? []
      : [...new Set([...kept.classes, ...extra.classes])].sort((a, b) => a - b),
    registrationNumber: fill(kept.registrationNumber, extra.registrationNumber),
    holder: fill(kept.holder, extra.holder),
    aliases,
    region: fill(kept.region, extra.region),
    recognizedOn: fill(kept.recognizedOn, extra.recognizedOn),
    notes: kept.notes === '' || extra.notes === '' || kept.notes === extra.notes ? fill(kept.notes, extra.notes) : `${kept.notes}；${extra.notes}`,
  };
}
