// A mark's name as trademark data writes it often ends in a note that the mark has a figure: 华为HUAWEI及图 (the words
// and a device), 小猪佩奇（图形）, 康师傅及图（指定颜色）, or is the note alone: 图形 (a device mark without words). The note is not part of the
// name. Read as characters, 及图 is two characters a squat added (康师傅及图 against 康师傅) and 图形 a name of its
// own, so a filing written the office's way scored as an altered copy of the very mark it repeats. The note is read
// here, once: by the engine for a filing's and a registry mark's name, and by the row parsers, for which a name that
// is only the note is a device mark, as an empty one is.

/** A figure as the note names it: 图, 图形, 图案, 图形商标. */
const FIGURE = '(?:图形商标|图形|图案|图)';
/** The note joined to the words at the name's end: 及图, 及图形, ＋图形, &图. */
const JOINED = new RegExp(`\\s*(?:及|[+＋&＆])\\s*${FIGURE}\\s*$`, 'u');
/** What else a bracketed note at a name's end says of the sign rather than its words: its colours, its form. */
const SIGN_NOTE = '(?:指定颜色|颜色组合|三维标志|立体商标|立体标志)';
/** The note in brackets at the name's end: （图形）, (图), 【图形】, [图形], （指定颜色）, （三维标志）. */
const BRACKETED = new RegExp(`\\s*[（(【[]\\s*(?:${FIGURE}|${SIGN_NOTE})\\s*[）)】\\]]\\s*$`, 'u');
/**
 * A name that is only the note. A bare 图 is left alone: a one-character name of its own is rarer than it is short,
 * and nothing writes a device mark so.
 */
const NOTE_ONLY = new RegExp(`^\\s*(?:图形商标|图形|图案|[（(【[]\\s*${FIGURE}\\s*[）)】\\]])\\s*$`, 'u');

/**
 * The words of a mark's name without the device note at its end; '' when the name is only the note (or empty).
 * Always a prefix of the name, so that offsets into the words are offsets into the name as written.
 */
export function markWords(name: string): string {
  // notes may follow one another: 康师傅及图（指定颜色）
  let words = name;
  for (;;) {
    if (NOTE_ONLY.test(words)) return '';
    const note = JOINED.exec(words) ?? BRACKETED.exec(words);
    if (!note) return words;
    words = words.slice(0, note.index);
  }
}

/** Whether a name has no words to compare: empty, or only the note that the mark is a figure (a device mark). */
export const isDeviceOnly = (name: string): boolean => markWords(name).trim() === '';
