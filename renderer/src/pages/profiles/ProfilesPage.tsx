// 申请人与代理机构: the list (#/profiles?kind=agency) and, with a name, one profile (#/profiles?kind=…&name=…).
// The list stays mounted under the profile, so going back keeps its search, sort and scroll position.
import { useCallback } from 'react';
import { profilesListHref } from './links';
import type { ProfileKind } from './profile-types';
import { ProfileDetail } from './ProfileDetail';
import { ProfilesList } from './ProfilesList';
import { useHashParams } from './useHashParams';
import '../review/review.css';
import './profiles.css';

export function ProfilesPage() {
  const params = useHashParams();
  const kind: ProfileKind = params.get('kind') === 'agency' ? 'agency' : 'applicant';
  const name = params.get('name');
  const onKind = useCallback((next: ProfileKind) => {
    window.location.hash = profilesListHref(next);
  }, []);
  return (
    <>
      <div className="profiles-list-host" hidden={name !== null}>
        <ProfilesList kind={kind} onKind={onKind} active={name === null} />
      </div>
      {name !== null ? <ProfileDetail key={`${kind}:${name}`} kind={kind} name={name} /> : null}
    </>
  );
}
