// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { BadFaithFlagSchema, type BadFaithFlag } from '../../../../shared/contract/screening';
import { FlagTags } from '../../../../renderer/src/pages/profiles/FlagTags';
import { FLAG_INFO, FLAG_ORDER, FLAG_THRESHOLDS, flagEvidence, flagTooltip, sortFlags } from '../../../../renderer/src/pages/profiles/flags';
import { BAD_FAITH_RULES } from '../../../../electron/profiles/service';

afterEach(cleanup);

const LABELS: Record<BadFaithFlag, string> = {
  'many-owners': '抢注多个权利人的商标',
  'public-resources': '批量申请公共资源名称',
  'bulk-filing': '申请量远超正常需要',
  'repeat-owner': '反复抢注同一权利人商标',
  'many-classes': '跨类大量申请',
};

describe('flag labels', () => {
  it('has a Chinese label, a rule and a legal basis for every flag of the contract', () => {
    for (const flag of BadFaithFlagSchema.options) {
      expect(FLAG_INFO[flag].label).toBe(LABELS[flag]);
      expect(FLAG_INFO[flag].rule).toMatch(/[\u4e00-\u9fff]/);
      expect(FLAG_INFO[flag].basis).toContain('商标法');
    }
    expect([...FLAG_ORDER].sort()).toEqual([...BadFaithFlagSchema.options].sort());
  });

  it('orders flags the same way whatever order they arrive in, without duplicates', () => {
    expect(sortFlags(['many-classes', 'many-owners', 'bulk-filing'])).toEqual(['many-owners', 'bulk-filing', 'many-classes']);
    expect(sortFlags(['repeat-owner', 'repeat-owner'])).toEqual(['repeat-owner']);
    expect(sortFlags([])).toEqual([]);
  });

  it('explains the rule, its threshold and its legal basis in the tooltip', () => {
    const text = flagTooltip('bulk-filing');
    expect(text).toContain('申请量远超正常需要');
    expect(text).toContain('判定标准：申请量 ≥50 件');
    expect(text).toContain('依据：商标法第四条');
    expect(flagTooltip('bulk-filing', '申请量 ≥ 80 件')).toContain('判定标准：申请量 ≥ 80 件');
    expect(flagTooltip('many-owners')).toContain('已排除的命中不计入');
  });

  it('states the same thresholds as the backend applies', () => {
    const number = (text: string) => /≥\s*(\d+)/.exec(text)?.[1];
    for (const flag of BadFaithFlagSchema.options) {
      expect(number(FLAG_THRESHOLDS[flag]), flag).toBe(number(BAD_FAITH_RULES[flag].label));
      expect(number(FLAG_THRESHOLDS[flag]), flag).toBeDefined();
    }
  });
});

describe('<FlagTags>', () => {
  it('shows one tag per flag with its Chinese label and the rule as the tooltip', () => {
    render(<FlagTags flags={['public-resources', 'many-owners']} />);
    const tags = screen.getAllByText(/./, { selector: '.flag-tag' });
    expect(tags.map((t) => t.textContent)).toEqual(['抢注多个权利人的商标', '批量申请公共资源名称']);
    expect(tags[0]?.getAttribute('title')).toContain(FLAG_INFO['many-owners'].rule);
    expect(tags[1]?.getAttribute('data-flag')).toBe('public-resources');
  });

  it('shows the threshold given for a flag in its tooltip', () => {
    render(<FlagTags flags={['many-classes']} rules={{ 'many-classes': '覆盖 ≥ 10 个类别' }} />);
    expect(screen.getByText('跨类大量申请').getAttribute('title')).toContain('判定标准：覆盖 ≥ 10 个类别');
  });

  it('renders nothing without flags, or the empty text when one is given', () => {
    const { container } = render(<FlagTags flags={[]} />);
    expect(container.textContent).toBe('');
    cleanup();
    render(<FlagTags flags={[]} emptyText="无" />);
    expect(screen.getByText('无')).toBeTruthy();
  });
});

describe('<FlagTags max>', () => {
  it('folds the flags that do not fit into a "+N" tag that names and explains them', () => {
    render(<FlagTags flags={['many-classes', 'bulk-filing', 'many-owners']} max={1} />);
    expect(screen.getByText('抢注多个权利人的商标')).toBeTruthy();
    expect(screen.queryByText('申请量远超正常需要')).toBeNull();
    const more = screen.getByText('+2');
    expect(more.getAttribute('aria-label')).toBe('另有：申请量远超正常需要、跨类大量申请');
    cleanup();
    render(<FlagTags flags={['many-classes', 'bulk-filing', 'many-owners']} max={2} />);
    expect(screen.getAllByText(/./, { selector: '.flag-tag' })).toHaveLength(2);
    expect(screen.getByText('+1').getAttribute('aria-label')).toBe('另有：跨类大量申请');
    expect(more.getAttribute('title')).toContain(FLAG_INFO['many-classes'].rule);
  });

  it('shows every flag when they fit', () => {
    render(<FlagTags flags={['bulk-filing', 'many-owners']} max={2} />);
    expect(screen.getAllByText(/./, { selector: '.flag-tag' })).toHaveLength(2);
    expect(screen.queryByText(/^\+/)).toBeNull();
  });
});

describe('flag evidence', () => {
  const numbers = {
    kind: 'applicant' as const, filings: 170, classes: 23, hits: 39, distinctMarksHit: 31, distinctOwnersHit: 19,
    publicResourceHits: 6, firstDate: '', lastDate: '',
  };
  it("states the profile's own numbers behind each flag", () => {
    expect(flagEvidence('many-owners', numbers)).toBe('涉及 19 个权利人的 31 件名录商标');
    expect(flagEvidence('public-resources', numbers)).toBe('命中公共资源名称 6 件');
    expect(flagEvidence('bulk-filing', numbers)).toBe('共申请 170 件');
    expect(flagEvidence('many-classes', numbers)).toBe('覆盖 23 个国际分类');
    expect(flagEvidence('repeat-owner', numbers)).toBeNull();
  });
});
