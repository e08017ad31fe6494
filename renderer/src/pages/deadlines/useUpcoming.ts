import { useEffect, useState } from 'react';
import { useClient } from '../../api/context';
import { groupByFiling, type DeadlineGroup } from './deadline-groups';

/** The filings with open hits whose opposition deadline falls within `withinDays`, one entry per filing. */
export function useUpcoming(withinDays: number): { groups: DeadlineGroup[] | null; error: string | null } {
  const client = useClient();
  const [state, setState] = useState<{ groups: DeadlineGroup[] | null; error: string | null }>({ groups: null, error: null });
  useEffect(() => {
    let live = true;
    void client['deadlines.upcoming']({ withinDays }).then((r) => {
      if (!live) return;
      setState(r.ok ? { groups: groupByFiling(r.value), error: null } : { groups: null, error: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [client, withinDays]);
  return state;
}
