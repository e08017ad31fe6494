// At start: "N 件异议期 14 天内届满" over the first page, with a link to the review queue filtered by deadline.
// Closing it keeps it closed until the app is started again.
import { useState } from 'react';
import { countDeadlines } from './deadline-groups';
import { useUpcoming } from './useUpcoming';
import './deadlines.css';

const CLOSED_KEY = 'markguard.deadlineNoticeClosed';

export function DeadlineNotice() {
  const { groups } = useUpcoming(14);
  const [closed, setClosed] = useState(() => window.sessionStorage.getItem(CLOSED_KEY) === '1');
  if (closed || !groups) return null;
  const { overdue, soon } = countDeadlines(groups);
  if (overdue + soon === 0) return null;
  const close = () => {
    window.sessionStorage.setItem(CLOSED_KEY, '1');
    setClosed(true);
  };
  return (
    <div className="deadline-notice" role="alert">
      <span className="deadline-notice-icon" aria-hidden="true">⏰</span>
      <span>
        <strong>{soon} 件异议期 14 天内届满</strong>
        {overdue > 0 ? `，另有 ${overdue} 件已过期` : ''}，均有未作结论的命中。
      </span>
      <button type="button" className="link" onClick={() => { window.location.hash = '#/review?deadline=within14'; }}>去审查</button>
      <button type="button" className="link" onClick={() => { window.location.hash = '#/deadlines'; }}>查看到期提醒</button>
      <button type="button" className="link deadline-notice-close" aria-label="关闭提醒" onClick={close}>×</button>
    </div>
  );
}
