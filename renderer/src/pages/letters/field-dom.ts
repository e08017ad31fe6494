// The draft's texts shown as the letter will read: each {{占位符}} becomes a highlighted chip holding its value,
// which the clerk cannot type into but can delete or move as a whole; the text around it is edited freely. The
// DOM is read back into the template, so the draft keeps its fields and fills them again at issue.
import { PLACEHOLDERS, type PlaceholderValues } from '../../../../shared/letters/template';

export type TemplateToken = { kind: 'text'; text: string } | { kind: 'field'; name: string };

const TOKEN = /\{\{([^{}]*)\}\}/g;
const KNOWN = new Set<string>(PLACEHOLDERS);

/** Text and fields in order; an unknown {{name}} stays text, so the server names it when the draft is checked. */
export function templateTokens(template: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let last = 0;
  for (const match of template.matchAll(TOKEN)) {
    const name = (match[1] ?? '').trim();
    if (!KNOWN.has(name)) continue;
    if (match.index > last) tokens.push({ kind: 'text', text: template.slice(last, match.index) });
    tokens.push({ kind: 'field', name });
    last = match.index + match[0].length;
  }
  if (last < template.length) tokens.push({ kind: 'text', text: template.slice(last) });
  return tokens;
}

/** What a chip shows: the value, or the field's name in brackets while it is empty. */
export function chipText(name: string, values: Partial<PlaceholderValues> | null): string {
  const value = values?.[name as keyof PlaceholderValues];
  return value ? value : `〔${name}〕`;
}

export function createChip(doc: Document, name: string, values: Partial<PlaceholderValues> | null): HTMLElement {
  const chip = doc.createElement('span');
  chip.className = 'field-chip';
  chip.contentEditable = 'false';
  chip.dataset.field = name;
  chip.title = `自动填入：${name}（签发时按最新数据填写；可整体删除）`;
  chip.textContent = chipText(name, values);
  return chip;
}

/** Replaces the children of `root` with the template's text and chips. */
export function buildFieldDom(root: HTMLElement, template: string, values: Partial<PlaceholderValues> | null): void {
  const doc = root.ownerDocument;
  root.replaceChildren(
    ...templateTokens(template).map((token) => (token.kind === 'text' ? doc.createTextNode(token.text) : createChip(doc, token.name, values))),
  );
}

/** Refreshes the chips' values in place, leaving the clerk's text and caret alone. */
export function refreshChips(root: HTMLElement, values: Partial<PlaceholderValues> | null): void {
  for (const chip of root.querySelectorAll<HTMLElement>('[data-field]')) {
    const text = chipText(chip.dataset.field ?? '', values);
    if (chip.textContent !== text) chip.textContent = text;
  }
}

const BLOCKS = new Set(['DIV', 'P', 'LI']);

/** The template the DOM stands for: chips back to {{name}}, line breaks (typed, pasted or made by the browser) to \n. */
export function serializeFieldDom(root: Node): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === node.TEXT_NODE) {
      out += (node.textContent ?? '').replace(/\u00a0/g, ' ');
      return;
    }
    if (!(node instanceof Element)) return;
    const field = node instanceof HTMLElement ? node.dataset.field : undefined;
    if (field) {
      out += `{{${field}}}`;
      return;
    }
    if (node.tagName === 'BR') {
      out += '\n';
      return;
    }
    const block = BLOCKS.has(node.tagName);
    if (block && out !== '' && !out.endsWith('\n')) out += '\n';
    node.childNodes.forEach(walk);
    if (block && !out.endsWith('\n')) out += '\n';
  };
  root.childNodes.forEach(walk);
  // A block the browser wrapped the last line in ends with a break that the clerk did not type.
  const last = root.lastChild;
  return last instanceof Element && BLOCKS.has(last.tagName) ? out.replace(/\n$/, '') : out;
}
