// Logos as data and as SVG, for the generated logo set (bench/logos/dataset.ts). A logo is a few figures (shapes
// with a colour, place, size and turn) and at most one line of Chinese text drawn as outlines from a Noto font
// shipped on npm, so that the SVG renders the same everywhere without system fonts.
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

export const CANVAS = 256;

export const SHAPES = ['circle', 'ring', 'square', 'rounded', 'triangle', 'diamond', 'star5', 'star6', 'hexagon',
  'cross', 'crescent', 'chevron', 'leaf', 'bar', 'arc'] as const;
export type ShapeKind = (typeof SHAPES)[number];

export interface Figure {
  shape: ShapeKind;
  /** centre and size in a 0–100 design box */
  x: number;
  y: number;
  size: number;
  /** degrees */
  turn: number;
  colour: string;
}

export interface TextLine {
  text: string;
  font: number;
  x: number;
  y: number;
  size: number;
  colour: string;
}

export interface Logo {
  background: string;
  figures: Figure[];
  texts: TextLine[];
}

/** Seeded generator (mulberry32), the same numbers on every machine. */
export function rng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export type Rand = () => number;
export const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
export const between = (r: Rand, a: number, b: number) => a + r() * (b - a);

const HAN = '华龙凤金银天山海云星月日光明东南西北中和福寿康乐安泰祥瑞宝丰盛兴旺德仁信义美佳新鲜香味茶酒米面' +
  '雪花春秋冬夏江河湖泉石林木森竹梅兰菊松鹤鹿马牛羊鱼鸟虎豹熊猫狮象红黄蓝绿紫白黑青玉珠王皇帝宫城门楼阁' +
  '园田家乡国民人心手口目耳力工匠艺品牌源道长久永恒友爱和平喜庆吉利';
export const randomText = (r: Rand, n: number) => Array.from({ length: n }, () => pick(r, [...HAN])).join('');

/** Saturated and dark colours that stand off a light background. */
export function randomColour(r: Rand): string {
  const h = Math.floor(r() * 360);
  const s = 45 + Math.floor(r() * 55);
  const l = 18 + Math.floor(r() * 32);
  return `hsl(${h},${s}%,${l}%)`;
}
export const lightBackground = (r: Rand) => (r() < 0.7 ? '#ffffff' : `hsl(${Math.floor(r() * 360)},40%,${93 + Math.floor(r() * 6)}%)`);

export function randomFigure(r: Rand, size = between(r, 28, 60)): Figure {
  return { shape: pick(r, SHAPES), x: between(r, 25, 75), y: between(r, 25, 65), size, turn: pick(r, [0, 0, 15, 30, 45, 90, between(r, 0, 360)]), colour: randomColour(r) };
}

/** A registry logo: one to three figures and, most of the time (always with one figure), a line of 2–4 characters. */
export function randomLogo(r: Rand): Logo {
  const figures: Figure[] = [];
  const count = 1 + Math.floor(r() * 3);
  for (let i = 0; i < count; i++) figures.push(randomFigure(r, i === 0 ? between(r, 45, 75) : between(r, 18, 40)));
  const texts: TextLine[] = [];
  // a lone figure always gets its name: one element alone has no layout to change and no detail to alter
  if (r() < 0.75 || count === 1) texts.push(randomTextLine(r));
  return { background: lightBackground(r), figures, texts };
}

/** Shapes that a mirror across the vertical axis leaves as they are, turned 0° or 180°. */
const MIRROR_SHAPES = SHAPES.filter((s) => s !== 'crescent' && s !== 'leaf');

/**
 * An emblem: a figure symmetric about the vertical axis (a ring, a star, a shield-like chevron …) centred, maybe a
 * pair of smaller figures mirrored on either side, and most of the time a line of text below it — the seals and
 * badges many registered marks are, which randomLogo almost never draws.
 */
export function emblemLogo(r: Rand): Logo {
  const figures: Figure[] = [{ shape: pick(r, MIRROR_SHAPES), x: 50, y: between(r, 35, 55), size: between(r, 45, 75), turn: pick(r, [0, 0, 180]), colour: randomColour(r) }];
  if (r() < 0.6) {
    const side = { shape: pick(r, MIRROR_SHAPES), x: between(r, 10, 28), y: between(r, 25, 65), size: between(r, 14, 28), turn: between(r, -40, 40), colour: randomColour(r) };
    figures.push(side, { ...side, x: 100 - side.x, turn: -side.turn });
  }
  const texts = r() < 0.75 ? [randomTextLine(r)] : [];
  return { background: lightBackground(r), figures, texts };
}

export function randomTextLine(r: Rand, y = between(r, 80, 92)): TextLine {
  const n = 2 + Math.floor(r() * 3);
  return { text: randomText(r, n), font: Math.floor(r() * FONTS.length), x: 50, y, size: between(r, 12, 80 / n), colour: randomColour(r) };
}

// ---------- SVG ----------

const star = (points: number, inner: number) =>
  Array.from({ length: points * 2 }, (_, i) => {
    const a = (Math.PI * i) / points - Math.PI / 2;
    const rr = i % 2 ? inner : 1;
    return `${(Math.cos(a) * rr).toFixed(3)},${(Math.sin(a) * rr).toFixed(3)}`;
  }).join(' ');
const polygon = (sides: number) =>
  Array.from({ length: sides }, (_, i) => {
    const a = (2 * Math.PI * i) / sides - Math.PI / 2;
    return `${Math.cos(a).toFixed(3)},${Math.sin(a).toFixed(3)}`;
  }).join(' ');

/**
 * A shape in a unit box [-1, 1]², filled with `fill` — or, given `outline` (a stroke's width in the unit box's
 * units), drawn as its outline only in that colour: a filled shape's edge, a ring's two edges, an arc's stroke kept.
 */
function shapeSvg(kind: ShapeKind, fill: string, outline?: number): string {
  if (outline !== undefined) {
    if (kind === 'ring') return [0.625, 0.975].map((r) => `<circle r="${r}" fill="none" stroke="${fill}" stroke-width="${outline.toFixed(4)}"/>`).join('');
    if (kind === 'arc') return shapeSvg(kind, fill);
    return shapeSvg(kind, fill).replace(/fill="[^"]*"/, `fill="none" stroke="${fill}" stroke-width="${outline.toFixed(4)}" stroke-linejoin="round"`);
  }
  switch (kind) {
    case 'circle': return `<circle r="1" fill="${fill}"/>`;
    case 'ring': return `<circle r="0.8" fill="none" stroke="${fill}" stroke-width="0.35"/>`;
    case 'square': return `<rect x="-0.9" y="-0.9" width="1.8" height="1.8" fill="${fill}"/>`;
    case 'rounded': return `<rect x="-1" y="-0.7" width="2" height="1.4" rx="0.4" fill="${fill}"/>`;
    case 'triangle': return `<polygon points="${polygon(3)}" fill="${fill}"/>`;
    case 'diamond': return `<polygon points="0,-1 0.65,0 0,1 -0.65,0" fill="${fill}"/>`;
    case 'star5': return `<polygon points="${star(5, 0.42)}" fill="${fill}"/>`;
    case 'star6': return `<polygon points="${star(6, 0.55)}" fill="${fill}"/>`;
    case 'hexagon': return `<polygon points="${polygon(6)}" fill="${fill}"/>`;
    case 'cross': return `<path d="M-0.3,-1H0.3V-0.3H1V0.3H0.3V1H-0.3V0.3H-1V-0.3H-0.3Z" fill="${fill}"/>`;
    case 'crescent': return `<path d="M0,-1A1,1 0 1 0 0,1A1.25,1.25 0 0 1 0,-1Z" fill="${fill}"/>`;
    case 'chevron': return `<path d="M-1,-0.6L0,0.2L1,-0.6V0.1L0,0.9L-1,0.1Z" fill="${fill}"/>`;
    case 'leaf': return `<path d="M-1,1C-1,-0.2 -0.2,-1 1,-1C1,0.2 0.2,1 -1,1Z" fill="${fill}"/>`;
    case 'bar': return `<rect x="-1" y="-0.25" width="2" height="0.5" fill="${fill}"/>`;
    case 'arc': return `<path d="M-1,0.4A1,1 0 0 1 1,0.4" fill="none" stroke="${fill}" stroke-width="0.4"/>`;
  }
}

// __filename exists in the esbuild CJS bundle and under tsx; import.meta.url would not in the bundle.
const require = createRequire(__filename);
/** Four designs of the same characters: Noto Sans SC and Noto Serif SC, regular and black. */
const FONT_FILES = [
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/900Black/NotoSansSC_900Black.ttf',
  '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  '@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf',
];
export const FONTS = FONT_FILES;
const loaded: fontkit.Font[] = [];
function font(i: number): fontkit.Font {
  if (!loaded[i]) {
    const f = fontkit.openSync(require.resolve(FONT_FILES[i]!));
    if (!('layout' in f)) throw new Error(`${FONT_FILES[i]} is a collection`);
    loaded[i] = f;
  }
  return loaded[i]!;
}

/**
 * A text line as outlines, centred at (x, y) of the design box, `size` design units per em; given `outline` (a
 * stroke's width in design units), its glyphs' edges only.
 */
function textSvg(t: TextLine, outline?: number): string {
  const f = font(t.font);
  const run = f.layout(t.text);
  const scale = t.size / f.unitsPerEm;
  let pen = 0;
  const paths: string[] = [];
  run.glyphs.forEach((g, i) => {
    paths.push(`<path transform="translate(${pen.toFixed(1)},0)" d="${g.path.toSVG()}"/>`);
    pen += run.positions[i]!.xAdvance;
  });
  const left = t.x - (pen * scale) / 2;
  const baseline = t.y + t.size * 0.38;
  const paint = outline === undefined ? `fill="${t.colour}"` : `fill="none" stroke="${t.colour}" stroke-width="${(outline / scale).toFixed(3)}"`;
  return `<g ${paint} transform="translate(${left.toFixed(2)},${baseline.toFixed(2)}) scale(${scale.toFixed(5)},${(-scale).toFixed(5)})">${paths.join('')}</g>`;
}

/** The stroke of a glyph's outline, pixels: fine, so that a small character's outline does not fill its counters in. */
const GLYPH_OUTLINE = 1.2;

/**
 * The logo as an SVG document of side `side` pixels with `margin` pixels around the design box; given `outline`, every
 * figure drawn as its edges only, strokes that many pixels wide, and every glyph so in a fine stroke (a copy redrawn
 * as line art).
 */
export function logoSvg(logo: Logo, side = CANVAS, margin = side * 0.06, outline?: number): string {
  const k = (side - 2 * margin) / 100;
  const figures = logo.figures.map((f) => {
    const s = f.size / 2;
    const stroke = outline === undefined ? undefined : outline / k / Number(s.toFixed(2));
    return `<g transform="translate(${f.x.toFixed(2)},${f.y.toFixed(2)}) rotate(${f.turn.toFixed(1)}) scale(${s.toFixed(2)})">${shapeSvg(f.shape, f.colour, stroke)}</g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" viewBox="0 0 ${side} ${side}">` +
    `<rect width="${side}" height="${side}" fill="${logo.background}"/>` +
    `<g transform="translate(${margin.toFixed(2)},${margin.toFixed(2)}) scale(${k.toFixed(4)})">${figures.join('')}${logo.texts.map((t) => textSvg(t, outline === undefined ? undefined : GLYPH_OUTLINE / k)).join('')}</g></svg>`;
}

/** A logo's SVG (logoSvg) with an SVG filter primitive — a drop shadow — applied to its figures and name, not its ground. */
export function filteredSvg(svg: string, primitive: string): string {
  const out = svg.replace(/(<rect [^>]*\/>)(.*)<\/svg>$/s,
    `<defs><filter id="effect" x="-20%" y="-20%" width="140%" height="140%">${primitive}</filter></defs>$1<g filter="url(#effect)">$2</g></svg>`);
  if (out === svg) throw new Error('the logo\'s drawing has no ground to draw the effect over');
  return out;
}

/** Drop shadows as design tools draw them: a soft black one, blurred, a solid grey one and a deeper black one. */
export const SHADOWS = {
  soft: '<feDropShadow dx="5" dy="5" stdDeviation="3" flood-color="#000" flood-opacity="0.4"/>',
  grey: '<feDropShadow dx="6" dy="6" stdDeviation="0" flood-color="#999" flood-opacity="1"/>',
  deep: '<feDropShadow dx="8" dy="8" stdDeviation="2" flood-color="#000" flood-opacity="0.5"/>',
} as const;

/**
 * A logo's SVG (logoSvg) with every figure and glyph filled, or stroked, with a gradient from its colour at the top to
 * that colour at `opacity` over the ground at the bottom — a flat logo "modernised" — its ground untouched.
 */
export function gradientSvg(svg: string, opacity: number): string {
  const grounds = svg.match(/^(.*?<rect [^>]*\/>)(.*)$/s);
  if (!grounds) throw new Error('the logo\'s drawing has no ground');
  const colours: string[] = [];
  const body = grounds[2]!.replace(/(fill|stroke)="((?:#|hsl|rgb)[^"]*)"/g, (_, attr: string, colour: string) => {
    if (!colours.includes(colour)) colours.push(colour);
    return `${attr}="url(#fade${colours.indexOf(colour)})"`;
  });
  const defs = colours.map((c, k) => `<linearGradient id="fade${k}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${c}"/><stop offset="1" stop-color="${c}" stop-opacity="${opacity}"/></linearGradient>`);
  return `${grounds[1]!}<defs>${defs.join('')}</defs>${body}`;
}
