// While older image features are computed again in the background (after an upgrade or a restore): how far it has
// come, and that work goes on meanwhile; afterwards, every image that could not be, until the clerk closes it.
// Polled while the pass runs; asked again when app.info is read again (a restore starts a new pass).
import { useEffect, useState } from 'react';
import type { FeaturesRefreshStatus } from '../../../shared/contract/logos';
import { useClient } from '../api/context';
import { useAppInfo } from './useAppInfo';

const POLL_MS = 2000;

export function FeaturesRefreshNotice() {
  const client = useClient();
  const { info } = useAppInfo();
  const [status, setStatus] = useState<FeaturesRefreshStatus | null>(null);
  /** the failures the clerk has closed (shown again only when the list changes) */
  const [closedFailures, setClosedFailures] = useState('');

  useEffect(() => {
    if (!info) return undefined;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      void client['registry.featuresRefresh']({}).then((r) => {
        if (!live || !r.ok) return;
        setStatus(r.value);
        if (r.value.running) timer = setTimeout(poll, POLL_MS);
      });
    };
    poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, info]);

  if (!status) return null;
  const failures = status.failed.join('\n');
  const showFailures = status.failed.length > 0 && failures !== closedFailures;
  if (!(status.running && status.total > 0) && !showFailures) return null;
  return (
    <div className="info-banner features-refresh" role="status">
      {status.running && status.total > 0 ? (
        <p>
          正在按新版本重新计算图样的图形特征：已完成 {status.done.toLocaleString('zh-CN')} / {status.total.toLocaleString('zh-CN')} 个。
          期间可照常使用；筛查批次和以图查询会先算好它们用到的图样。
        </p>
      ) : null}
      {showFailures ? (
        <>
          <p>{status.failed.length} 个图样未能重新计算图形特征，暂不参与图形比对（可在保护名录中重新添加该图样，或重新导入其批次）：</p>
          <ul className="features-refresh-failures">
            {status.failed.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <button type="button" className="link" onClick={() => setClosedFailures(failures)}>
            知道了
          </button>
        </>
      ) : null}
    </div>
  );
}
