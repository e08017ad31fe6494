// The report period: 本月, 上月, 本季度, or 自定义 with two dates (both included).
import { useState } from 'react';
import { PERIOD_LABELS, periodProblem, presetPeriod, type Period, type PeriodPreset } from '../../../../shared/periods';

interface PeriodPickerProps {
  today: string;
  onPeriod: (period: Period) => void;
}

export function PeriodPicker({ today, onPeriod }: PeriodPickerProps) {
  const [preset, setPreset] = useState<PeriodPreset>('thisMonth');
  const [custom, setCustom] = useState<Period>(() => presetPeriod('thisMonth', today) ?? { from: today, to: today });
  const problem = preset === 'custom' ? periodProblem(custom) : null;
  const choose = (next: PeriodPreset) => {
    setPreset(next);
    const range = presetPeriod(next, today);
    if (range) onPeriod(range);
    else if (!periodProblem(custom)) onPeriod(custom);
  };
  const edit = (next: Period) => {
    setCustom(next);
    if (!periodProblem(next)) onPeriod(next);
  };
  return (
    <div className="period-picker" role="group" aria-label="统计期间">
      <span className="muted">统计期间</span>
      <select aria-label="统计期间" value={preset} onChange={(e) => choose(e.target.value as PeriodPreset)}>
        {(Object.keys(PERIOD_LABELS) as PeriodPreset[]).map((p) => <option key={p} value={p}>{PERIOD_LABELS[p]}</option>)}
      </select>
      {preset === 'custom' ? (
        <>
          <input type="date" aria-label="开始日期" value={custom.from} max={custom.to || undefined} onChange={(e) => edit({ ...custom, from: e.target.value })} />
          <span>至</span>
          <input type="date" aria-label="结束日期" value={custom.to} min={custom.from || undefined} onChange={(e) => edit({ ...custom, to: e.target.value })} />
          {problem ? <span className="error-text small">{problem}</span> : null}
        </>
      ) : null}
    </div>
  );
}
