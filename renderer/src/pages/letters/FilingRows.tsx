// The filings of a draft, one row each even when a filing imitates several marks: its stage (decided from the
// publication date, the deadline and today, or chosen by the clerk), the registration date when known, the request
// and the grounds. Changing the stage or the registration date rewrites the request and the procedural article
// for that stage, keeping the substantive grounds; what the stage forbids is shown before the clerk previews.
import { useState } from 'react';
import { GROUNDS, groundsForStage, stageProblems, suggestRequest, REQUESTS_FOR_STAGE } from '../../../../shared/letters/grounds';
import type { LetterHitFacts, LetterKind, LetterRequest, LetterRowChoice } from '../../../../shared/letters/model';
import { groupByFiling } from '../../../../shared/letters/rows';
import { decideStage, FILING_STAGES, FILING_STAGE_SHORT, type FilingStage } from '../../../../shared/letters/stage';
import { joinGrounds, parseGrounds } from './labels';

interface Props {
  kind: LetterKind;
  rows: LetterRowChoice[];
  facts: ReadonlyMap<number, LetterHitFacts>;
  today: string;
  onChange: (rows: LetterRowChoice[]) => void;
}

interface Group {
  facts: LetterHitFacts;
  choices: LetterRowChoice[];
}

const union = (choices: readonly LetterRowChoice[]) => [...new Set(choices.flatMap((c) => c.grounds))];

export function FilingRows({ kind, rows, facts, today, onChange }: Props) {
  const groups: Group[] = groupByFiling(
    rows.flatMap((choice) => {
      const f = facts.get(choice.hitId);
      return f ? [{ facts: f, choice }] : [];
    }),
  ).map((items) => ({ facts: items[0]?.facts as LetterHitFacts, choices: items.map((i) => i.choice) }));
  const [groundsText, setGroundsText] = useState<Record<string, string>>(() =>
    Object.fromEntries(groups.map((g) => [g.facts.applicationNumber, joinGrounds(union(g.choices))])),
  );

  const update = (group: Group, patch: (choice: LetterRowChoice, index: number) => LetterRowChoice) => {
    const ids = new Map(group.choices.map((c, i) => [c.hitId, i]));
    onChange(rows.map((row) => (ids.has(row.hitId) ? patch(row, ids.get(row.hitId) ?? 0) : row)));
  };
  /** A new stage or registration date: the request and grounds that stage allows. */
  const restage = (group: Group, stage: FilingStage | null, registeredOn: string) => {
    const effective = stage ?? decideStage({ ...group.facts, registeredOn }, today).stage;
    const grounds = groundsForStage(union(group.choices), effective, { category: group.facts.category, registeredOn, today });
    setGroundsText((t) => ({ ...t, [group.facts.applicationNumber]: joinGrounds(grounds) }));
    update(group, (c) => ({ ...c, stage, registeredOn, request: suggestRequest(kind, effective), grounds }));
  };
  const remove = (group: Group) => onChange(rows.filter((r) => !group.choices.some((c) => c.hitId === r.hitId)));

  const problems: string[] = [];
  return (
    <>
      <table className="letters-table letters-filings">
        <thead>
          <tr>
            <th>申请号</th><th>申请商标</th><th>被仿冒商标</th><th>程序阶段</th><th>注册日期</th><th>请求事项</th>
            <th>法律依据（《商标法》条款，用顿号分隔）</th><th>证据说明</th><th />
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => {
            const first = group.choices[0];
            if (!first) return null;
            const number = group.facts.applicationNumber;
            const auto = decideStage({ ...group.facts, registeredOn: first.registeredOn }, today);
            const stage = first.stage ?? auto.stage;
            const marks = [...new Set(group.choices.map((c) => facts.get(c.hitId)?.protectedMarkName ?? ''))].join('、');
            problems.push(...stageProblems({ request: first.request, grounds: union(group.choices) }, kind, stage, { applicationNumber: number, category: group.facts.category, registeredOn: first.registeredOn, today }));
            return (
              <tr key={number}>
                <td className="mono">{number}</td>
                <td>{group.facts.markText}</td>
                <td>{marks}</td>
                <td>
                  <select value={first.stage ?? ''} onChange={(e) => restage(group, (e.target.value || null) as FilingStage | null, first.registeredOn)} aria-label={`程序阶段 ${number}`} title={auto.why}>
                    <option value="">自动：{FILING_STAGE_SHORT[auto.stage]}（{auto.why}）</option>
                    {FILING_STAGES.map((s) => <option key={s} value={s}>{FILING_STAGE_SHORT[s]}</option>)}
                  </select>
                </td>
                <td>
                  <input type="date" value={first.registeredOn} max={today} onChange={(e) => restage(group, first.stage, e.target.value)} aria-label={`注册日期 ${number}`} />
                </td>
                <td>
                  <select value={first.request} onChange={(e) => update(group, (c) => ({ ...c, request: e.target.value as LetterRequest }))} aria-label={`请求事项 ${number}`}>
                    {[...new Set([...REQUESTS_FOR_STAGE[kind][stage], first.request])].map((r) => <option key={r}>{r}</option>)}
                  </select>
                </td>
                <td>
                  <input
                    list="letter-grounds"
                    value={groundsText[number] ?? ''}
                    onChange={(e) => {
                      const text = e.target.value;
                      setGroundsText((t) => ({ ...t, [number]: text }));
                      update(group, (c) => ({ ...c, grounds: parseGrounds(text) }));
                    }}
                    aria-label={`法律依据 ${number}`}
                  />
                </td>
                <td>
                  <input value={first.evidence} onChange={(e) => update(group, (c, i) => ({ ...c, evidence: i === 0 ? e.target.value : '' }))} aria-label={`证据说明 ${number}`} />
                </td>
                <td><button type="button" className="link" disabled={groups.length === 1} onClick={() => remove(group)}>移除</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problems.length > 0 ? (
        <ul className="letters-problems" aria-label="与程序阶段不符">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      ) : null}
      <datalist id="letter-grounds">
        {GROUNDS.map((g) => <option key={g.label} value={g.label}>{g.gloss}</option>)}
      </datalist>
    </>
  );
}
