// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { countdown } from '../../../../renderer/src/pages/review/countdown';
import { CountdownText } from '../../../../renderer/src/pages/review/CountdownText';

afterEach(cleanup);

describe('countdown', () => {
  it('says how many days are left, amber within 14 days', () => {
    expect(countdown(30)).toEqual({ text: '剩 30 天', tone: 'normal' });
    expect(countdown(15)).toEqual({ text: '剩 15 天', tone: 'normal' });
    expect(countdown(14)).toEqual({ text: '剩 14 天', tone: 'soon' });
    expect(countdown(12)).toEqual({ text: '剩 12 天', tone: 'soon' });
    expect(countdown(0)).toEqual({ text: '今天截止', tone: 'soon' });
  });

  it('says how long ago an overdue deadline passed, in red', () => {
    expect(countdown(-1)).toEqual({ text: '已过期 1 天', tone: 'overdue' });
    expect(countdown(-3)).toEqual({ text: '已过期 3 天', tone: 'overdue' });
  });

  it('shows a dash without a publication date', () => {
    expect(countdown(null)).toEqual({ text: '—', tone: 'none' });
    expect(countdown(undefined)).toEqual({ text: '—', tone: 'none' });
  });

  it('renders the tone as a class and the date as a tooltip', () => {
    render(<CountdownText daysLeft={-3} date="2026-11-26" />);
    const overdue = screen.getByText('已过期 3 天');
    expect(overdue.className).toContain('countdown-overdue');
    expect(overdue.getAttribute('title')).toBe('异议截止日期：2026-11-26');
    cleanup();
    render(<CountdownText daysLeft={12} />);
    expect(screen.getByText('剩 12 天').className).toContain('countdown-soon');
  });
});
