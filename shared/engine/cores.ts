// The distinctive core of a protected name: the part the public knows it by, and the part a squatter keeps when
// he drops the rest (清华大学 → 清华, 茶卡盐湖 → 茶卡, 少林寺 → 少林, 苏翊鸣 → 翊鸣).
//   - An institution's or a place's generic word at the end is not distinctive: a word that ends many longer words
//     of the dictionary (大学, 医院, 博物馆: it names a kind of thing) and is commoner than the rest of the name, or
//     for a public resource the generic term of a place name (Chinese toponymy writes a place name as a specific
//     part and a generic term: 山, 湖, 寺, 镇 …).
//   - A public resource that is a person's three-character name is also known by the given name alone.
// A geographical indication keeps its product word (the indication is the place and the goods together), and a
// core must keep at least two characters.
import type { Category } from '../domain';
import { ENDINGS, PLACES, SURNAMES } from './data/words';
import { wordFrequency } from './lexicon';

export type CoreKind = 'generic' | 'person';

export interface Core {
  han: string[];
  kind: CoreKind;
}

/**
 * The generic terms (通名) of Chinese place names: landforms and waters, religious and historic sites, settlements
 * and administrative units. Standard toponymy, not a list of names.
 */
const PLACE_TERMS = new Set(Array.from('山岭峰峡谷洞岩湖海江河溪泉池潭湾滩岛洲原寺庙观宫庵塔阁楼陵城镇乡村县市区州关桥街园'));

/** Words that end many longer words of the dictionary (generated, see data/NOTICE.md). */
const KIND_WORDS = new Set(ENDINGS.split(' '));
/** Well-known place names: a place alone (西宁 of 西宁宾馆, 青海 of 青海湖) is not what distinguishes a name. */
const PLACE_NAMES = new Set(PLACES.split(' '));

/** The head is the distinctive part when it is a rarer word than the tail and not merely a place. */
function distinctHead(head: string[], tail: string[]): boolean {
  const word = head.join('');
  return head.length >= 2 && !PLACE_NAMES.has(word) && wordFrequency(word) < wordFrequency(tail.join(''));
}

export function coresOf(han: readonly string[], category: Category): Core[] {
  if (category === '地理标志' || han.length < 3) return [];
  const out: Core[] = [];
  const seen = new Set<string>();
  const add = (chars: string[], kind: CoreKind) => {
    const key = chars.join('');
    if (chars.length >= 2 && !seen.has(key)) {
      seen.add(key);
      out.push({ han: chars, kind });
    }
  };
  for (const tailLength of [3, 2]) {
    if (han.length - tailLength < 2) continue;
    const head = han.slice(0, han.length - tailLength);
    const tail = han.slice(han.length - tailLength);
    const tailWord = tail.join('');
    const frequency = wordFrequency(tailWord);
    const placeTail = category === '公共资源' && frequency > 0 && PLACE_TERMS.has(tail[tail.length - 1]!);
    if ((KIND_WORDS.has(tailWord) || placeTail) && distinctHead(head, tail)) add(head, 'generic');
  }
  if (category === '公共资源') {
    const last = han[han.length - 1]!;
    const head = han.slice(0, -1);
    if (out.length === 0 && PLACE_TERMS.has(last) && head.length >= 2 && !PLACE_NAMES.has(head.join(''))) add(head, 'generic');
    // a person: a surname and a given name that is not an everyday word (苏翊鸣 → 翊鸣)
    if (han.length === 3 && SURNAMES.includes(han[0]!) && !PLACE_TERMS.has(last) && wordFrequency(han.join('')) === 0 && wordFrequency(han.slice(1).join('')) === 0) {
      add(han.slice(1), 'person');
    }
  }
  return out;
}
