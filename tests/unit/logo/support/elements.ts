// Logos drawn from simple elements for the parts tests: each element a shape of its own colour at its place.
import sharp from 'sharp';

/** One element: its shape, centre, size (the side of its box) and fill. */
export interface Element {
  shape: 'disc' | 'triangle' | 'star' | 'bar' | 'square';
  x: number;
  y: number;
  size: number;
  fill: string;
}

export function shapeSvg({ shape, x, y, size, fill }: Element): string {
  const r = size / 2;
  if (shape === 'disc') return `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}"/>`;
  if (shape === 'square') return `<rect x="${x - r}" y="${y - r}" width="${size}" height="${size}" fill="${fill}"/>`;
  if (shape === 'bar') return `<rect x="${x - r}" y="${y - r / 4}" width="${size}" height="${r / 2}" fill="${fill}"/>`;
  if (shape === 'triangle') return `<polygon points="${x},${y - r} ${x + r},${y + r} ${x - r},${y + r}" fill="${fill}"/>`;
  const points = Array.from({ length: 10 }, (_, i) => {
    const a = (Math.PI * i) / 5 - Math.PI / 2;
    const k = i % 2 ? r * 0.45 : r;
    return `${(x + Math.cos(a) * k).toFixed(1)},${(y + Math.sin(a) * k).toFixed(1)}`;
  }).join(' ');
  return `<polygon points="${points}" fill="${fill}"/>`;
}

export const logoPng = (elements: Element[]) => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
  <rect width="256" height="256" fill="#fff"/>${elements.map(shapeSvg).join('')}</svg>`)).png().toBuffer();

