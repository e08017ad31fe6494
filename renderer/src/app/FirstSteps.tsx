// Where the header shows the data folder, a first start shows the next step instead: 导入名录 → 导入初审公告 → 审查.
// A step is done when the app can tell: a registry imported (or a backup restored), a gazette batch imported.
import type { AppInfo } from '../../../shared/api';

const STEPS = [
  { page: 'registry', label: '导入名录' },
  { page: 'batches', label: '导入初审公告' },
  { page: 'review', label: '审查' },
] as const;

/** Index of the next step, or null once the first steps are behind (a batch exists and the sample is replaced). */
export function nextStep(info: Pick<AppInfo, 'seededOnThisStart' | 'batchCount'>): number | null {
  if (info.seededOnThisStart) return 0;
  if (info.batchCount === 0) return 1;
  return null;
}

/** Links, not buttons: they go to a page (#/registry …), and the pages' own 导入名录 buttons keep their names. */
export function FirstSteps({ info }: { info: AppInfo }) {
  const next = nextStep(info);
  if (next === null) return null;
  return (
    <nav className="first-steps" aria-label="下一步">
      <span className="first-steps-lead">下一步：</span>
      {STEPS.map((step, index) => (
        <span key={step.page} className="first-step-wrap">
          {index > 0 ? <span className="first-step-arrow" aria-hidden="true">→</span> : null}
          <a
            href={`#/${step.page}`}
            className={`first-step${index === next ? ' current' : ''}${index < next ? ' done' : ''}`}
            aria-current={index === next ? 'step' : undefined}
          >
            {index < next ? '✓ ' : ''}
            {step.label}
          </a>
        </span>
      ))}
    </nav>
  );
}
