// How far a filing's Nice class lies from a protected mark's classes. The Nice classification groups goods and
// services that meet the same buyers: foodstuffs and drinks (29–33) with restaurants (43); clothing, bags and
// jewellery (14, 18, 25, 26); cosmetics and pharmaceuticals (3, 5) with medical services (44, 10); printed matter,
// education and entertainment (16, 41, 9, 28); machines and household appliances (7, 11, 9) with their installation
// and repair (37). Class 35 (advertising,
// retail and wholesale services) sells the goods of every goods class. These groups follow the class headings of
// the classification itself; they are a coarse stand-in for the similar-goods groups (类似群) where those are absent.

export type ClassReach = 'same' | 'related' | 'far';

const GROUPS: readonly (readonly number[])[] = [
  [29, 30, 31, 32, 33, 43],
  [14, 18, 25, 26],
  [3, 5, 10, 44],
  [9, 16, 28, 41],
  [7, 9, 11, 37],
  [12, 37, 39],
  [19, 37, 6],
  [20, 21, 24, 27],
  [36, 35],
  [39, 43, 41],
];

const RETAIL = 35;

const related = new Map<number, Set<number>>();
for (const group of GROUPS) {
  for (const a of group) {
    const set = related.get(a) ?? new Set<number>();
    for (const b of group) if (b !== a) set.add(b);
    related.set(a, set);
  }
}

/** Where a filing in `niceClass` falls for a mark protected in `classes` (an empty list: every class). */
export function classReach(classes: readonly number[], niceClass: number | undefined): ClassReach {
  if (niceClass === undefined || classes.length === 0 || classes.includes(niceClass)) return 'same';
  const goodsMark = classes.some((c) => c <= 34);
  if (niceClass === RETAIL && goodsMark) return 'related';
  if (classes.includes(RETAIL) && niceClass <= 34) return 'related';
  for (const c of classes) if (related.get(c)?.has(niceClass)) return 'related';
  return 'far';
}
