// The profile of one applicant or agency: its figures, its bad-faith flags with the rules behind them, and its hits.
import { useEffect, useState } from 'react';
import type { BadFaithFlag } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';
import { FLAG_INFO, FLAG_THRESHOLDS, flagEvidence, sortFlags } from './flags';
import { FlagTags } from './FlagTags';
import { profilesListHref, reviewHrefForProfile } from './links';
import type { ProfileDetail as Detail, ProfileKind } from './profile-types';
import { KIND_LABEL } from './profile-types';
import { ProfileHits } from './ProfileHits';
import { ProfileStats } from './ProfileStats';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; profile: Detail };

function useProfile(kind: ProfileKind, name: string): State {
  const client = useClient();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    void client['profiles.get']({ kind, name }).then((result) => {
      if (!live) return;
      setState(result.ok ? { kind: 'ready', profile: result.value } : { kind: 'error', message: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [client, kind, name]);
  return state;
}

function FlagItem({ flag, profile }: { flag: BadFaithFlag; profile: Detail }) {
  const evidence = flagEvidence(flag, profile);
  return (
    <li>
      <strong>{FLAG_INFO[flag].label}</strong>：{FLAG_INFO[flag].rule}
      <span className="flag-facts">
        判定标准：{FLAG_THRESHOLDS[flag]}
        {evidence ? <>；本{KIND_LABEL[profile.kind]}：{evidence}</> : null}
      </span>
      <span className="muted">（{FLAG_INFO[flag].basis}）</span>
    </li>
  );
}

/** Dismissed hits are listed but are not evidence, so the profile's 命中数 leaves them out; say so. */
function DismissedNote({ hits }: { hits: Detail['hitRows'] }) {
  const dismissed = hits.filter((h) => h.decision === 'dismissed').length;
  if (dismissed === 0) return null;
  return <span className="muted small">其中 {dismissed} 条已排除，不计入命中数</span>;
}

export function ProfileDetail({ kind, name }: { kind: ProfileKind; name: string }) {
  const state = useProfile(kind, name);
  const label = KIND_LABEL[kind];
  return (
    <div className="page profile-page">
      <div className="page-head">
        <a href={profilesListHref(kind)} className="back-link">
          ← {label}列表
        </a>
        <h1>{name}</h1>
        <span className="muted">{label}</span>
        {state.kind === 'ready' ? <FlagTags flags={state.profile.flags} /> : null}
      </div>
      {state.kind === 'loading' ? <div className="muted">正在读取…</div> : null}
      {state.kind === 'error' ? (
        <div className="form-banner" role="alert">
          无法读取{label}「{name}」：{state.message}
        </div>
      ) : null}
      {state.kind === 'ready' ? (
        <>
          <ProfileStats profile={state.profile} />
          {state.profile.flags.length > 0 ? (
            <section className="card flag-card" aria-label="恶意申请迹象">
              <h2>恶意申请迹象</h2>
              <ul className="flag-list">
                {sortFlags(state.profile.flags).map((flag) => (
                  <FlagItem key={flag} flag={flag} profile={state.profile} />
                ))}
              </ul>
            </section>
          ) : null}
          <div className="section-head">
            <h2>命中记录（{state.profile.hitRows.length}）</h2>
            <DismissedNote hits={state.profile.hitRows} />
            <a className="button-link" href={reviewHrefForProfile(kind, name)}>
              在审查队列中查看
            </a>
          </div>
          <ProfileHits kind={kind} hits={state.profile.hitRows} />
        </>
      ) : null}
    </div>
  );
}
