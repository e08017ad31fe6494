// What this start must tell the clerk (an interrupted restore undone, a start-up backup a full disk stopped).
import { useState } from 'react';
import { useAppInfo } from './useAppInfo';

export function StartNotices() {
  const { info } = useAppInfo();
  const [closed, setClosed] = useState(false);
  if (!info || info.notices.length === 0 || closed) return null;
  return (
    <div className="form-banner start-notices" role="alert">
      {info.notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
      <button type="button" className="link" onClick={() => setClosed(true)}>
        知道了
      </button>
    </div>
  );
}
