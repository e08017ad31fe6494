// A chart as a picture for a report: PNG at twice the screen resolution on white, copied to the clipboard or saved.
import type { EChartsType } from './echarts';

export function chartPng(chart: EChartsType): string {
  return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
}

/** "data:image/png;base64,…" → Blob, without fetch (the CSP's connect-src does not allow data: URLs). */
export function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  const mime = /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? 'application/octet-stream';
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/** Saves the picture through the browser's (or Electron's) download, under a Chinese file name. */
export function downloadDataUrl(dataUrl: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * Puts the picture on the clipboard, to paste into Word or WPS. The async clipboard first; where it is refused,
 * a selected <img> and the copy command (the picture then travels as HTML). Resolves false when neither worked.
 */
export async function copyDataUrl(dataUrl: string): Promise<boolean> {
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': dataUrlToBlob(dataUrl) })]);
      return true;
    }
  } catch {
    // fall through to the copy command
  }
  return copyWithSelection(dataUrl);
}

function copyWithSelection(dataUrl: string): boolean {
  const holder = document.createElement('div');
  holder.contentEditable = 'true';
  holder.style.position = 'fixed';
  holder.style.left = '-10000px';
  const image = document.createElement('img');
  image.src = dataUrl;
  holder.appendChild(image);
  document.body.appendChild(holder);
  const selection = window.getSelection();
  const range = document.createRange();
  range.selectNode(image);
  selection?.removeAllRanges();
  selection?.addRange(range);
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  selection?.removeAllRanges();
  holder.remove();
  return copied;
}
