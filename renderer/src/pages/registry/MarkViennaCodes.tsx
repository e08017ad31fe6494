// 图形要素 of a mark in its editor: its Vienna codes (26.1.1 …), a second signal on hits by name or image. Saved on
// its own button at once, like the 图样 above it, apart from the form's 保存.
import { useEffect, useState } from 'react';
import type { StoredMark } from '../../../../shared/api';
import { useClient } from '../../api/context';

export function MarkViennaCodes({ mark }: { mark: StoredMark }) {
  const client = useClient();
  const [saved, setSaved] = useState<string[] | null>(null);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void client['registry.viennaCodes']({ key: mark.key }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setSaved(r.value);
        setText(r.value.join('; '));
      } else setMessage({ tone: 'error', text: `无法读取图形要素：${r.error.message}` });
    });
    return () => {
      live = false;
    };
  }, [client, mark.key]);

  async function save() {
    setBusy(true);
    const result = await client['registry.setViennaCodes']({ key: mark.key, codes: text });
    setBusy(false);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setSaved(result.value);
    setText(result.value.join('; '));
    setMessage({ tone: 'ok', text: result.value.length > 0 ? `已保存 ${result.value.length} 个图形要素` : '已清除图形要素' });
  }

  const changed = saved !== null && text.trim() !== saved.join('; ');
  return (
    <section className="mark-vienna field-wide" aria-label="图形要素">
      <label>
        <strong>图形要素</strong> <span className="muted">维也纳分类代码，如 26.1.1；多个用分号隔开</span>
        <input type="text" value={text} onChange={(e) => setText(e.target.value)} disabled={saved === null || busy} aria-label="图形要素代码" />
      </label>
      <button type="button" onClick={() => void save()} disabled={!changed || busy}>保存图形要素</button>
      {message ? <div className={message.tone === 'error' ? 'form-banner' : 'muted small'} role={message.tone === 'error' ? 'alert' : 'status'}>{message.text}</div> : null}
    </section>
  );
}
