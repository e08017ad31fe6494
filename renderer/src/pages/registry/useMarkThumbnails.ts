// The first image of every mark for the table's 图样 column, loaded again whenever the list or a mark's images change.
import { useCallback, useEffect, useState } from 'react';
import type { MarkThumbnail, StoredMark } from '../../../../shared/api';
import { useClient } from '../../api/context';

export function useMarkThumbnails(marks: readonly StoredMark[] | null): { thumbnails: ReadonlyMap<number, MarkThumbnail>; reload: () => void } {
  const client = useClient();
  const [thumbnails, setThumbnails] = useState<ReadonlyMap<number, MarkThumbnail>>(new Map());
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void client['registry.thumbnails']({}).then((result) => {
      // without thumbnails the table still works; the editor says why when it cannot read a mark's images
      if (live && result.ok) setThumbnails(new Map(result.value.map((t) => [t.key, t])));
    });
    return () => {
      live = false;
    };
  }, [client, marks, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { thumbnails, reload };
}
