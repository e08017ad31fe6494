// @vitest-environment jsdom
// Drafting in the rendered text: the template's fields become chips with their values, and whatever the clerk
// does around them reads back as the template with its {{fields}}.
import { describe, expect, it } from 'vitest';
import { buildFieldDom, refreshChips, serializeFieldDom, templateTokens } from '../../../renderer/src/pages/letters/field-dom';

const values = { 申请人: '格尔木某某商贸有限公司', 申请件数: '3', 证据说明: '' };

function field(template: string) {
  const root = document.createElement('div');
  buildFieldDom(root, template, values);
  return root;
}

describe('rendered fields', () => {
  it('shows each known field as a non-editable chip with its value; unknown names stay text', () => {
    const root = field('{{申请人}}申请注册的{{申请件数}}件商标{{事由}}');
    const chips = [...root.querySelectorAll<HTMLElement>('[data-field]')];
    expect(chips.map((c) => [c.dataset.field, c.textContent, c.contentEditable])).toEqual([
      ['申请人', '格尔木某某商贸有限公司', 'false'],
      ['申请件数', '3', 'false'],
    ]);
    expect(root.textContent).toBe('格尔木某某商贸有限公司申请注册的3件商标{{事由}}');
    expect(templateTokens('a{{事由}}b')).toEqual([{ kind: 'text', text: 'a{{事由}}b' }]);
  });

  it('reads back exactly the template it was built from, line breaks included', () => {
    const template = '我局发现，{{申请人}}申请注册的{{申请件数}}件商标。\n{{证据说明}}\n特此函告。';
    expect(serializeFieldDom(field(template))).toBe(template);
  });

  it('keeps the clerk’s edits around the chips and drops a deleted chip', () => {
    const root = field('{{申请人}}申请注册的{{申请件数}}件商标');
    root.lastChild!.textContent = '件商标，请予关注';
    root.querySelectorAll('[data-field]')[1]?.remove();
    root.appendChild(document.createElement('br'));
    root.appendChild(document.createTextNode('特此函告。'));
    expect(serializeFieldDom(root)).toBe('{{申请人}}申请注册的件商标，请予关注\n特此函告。');
  });

  it('reads lines the browser wrapped in blocks as paragraphs', () => {
    const root = document.createElement('div');
    root.innerHTML = '第一段<div>第二段<span data-field="申请人">x</span></div><div>第三段</div>';
    expect(serializeFieldDom(root)).toBe('第一段\n第二段{{申请人}}\n第三段');
  });

  it('refreshes chip values in place and marks an empty one by its name', () => {
    const root = field('{{申请人}}{{证据说明}}');
    expect(root.querySelectorAll('[data-field]')[1]?.textContent).toBe('〔证据说明〕');
    const text = root.firstChild;
    refreshChips(root, { 申请人: '西宁某某酒业有限公司' });
    expect(root.firstChild).toBe(text);
    expect(root.querySelector('[data-field]')?.textContent).toBe('西宁某某酒业有限公司');
  });
});
