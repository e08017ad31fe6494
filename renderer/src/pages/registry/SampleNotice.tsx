import { useState } from 'react';
import { useAppInfo } from '../../app/useAppInfo';

/**
 * On the start that filled an empty database with the sample registry, says so and what to do about it — until
 * the clerk imports a registry or restores a backup (the server then stops reporting seededOnThisStart).
 */
export function SampleNotice() {
  const { info } = useAppInfo();
  const [closed, setClosed] = useState(false);
  if (!info?.seededOnThisStart || closed) return null;
  return (
    <div className="info-banner sample-notice">
      <span>
        首次启动：已载入青海省样例名录（{info.seededCount} 条，来自公开资料）。样例仅供熟悉软件，正式使用前请逐条核实，或导入本单位的名录。
      </span>
      <button type="button" className="link" onClick={() => setClosed(true)}>
        知道了
      </button>
    </div>
  );
}
