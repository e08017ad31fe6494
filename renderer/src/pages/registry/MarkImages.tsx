// A mark's images (图样) in its editor: thumbnails from main (data: URLs), 添加图样 through main's open dialog, 删除.
// Adding and removing take effect at once, apart from the form's 保存.
import { useCallback, useEffect, useState } from 'react';
import type { MarkImage, StoredMark } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { IMAGE_FORMATS_LABEL } from '../../../../shared/formats/images';

const FORMAT_LABELS: Record<string, string> = { png: 'PNG', jpeg: 'JPEG', svg: 'SVG', tiff: 'TIFF', webp: 'WebP', gif: 'GIF' };

export function MarkImages({ mark, onChanged }: { mark: StoredMark; onChanged: () => void }) {
  const client = useClient();
  const [images, setImages] = useState<MarkImage[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await client['registry.images']({ key: mark.key });
    if (result.ok) setImages(result.value);
    else setMessage(`无法读取图样：${result.error.message}`);
  }, [client, mark.key]);
  useEffect(() => {
    void load();
  }, [load]);

  async function add() {
    setMessage(null);
    const picked = await client['files.open']({ purpose: 'image' });
    if (!picked.ok) return setMessage(picked.error.message);
    if (picked.value.status === 'cancelled') return;
    setBusy(true);
    const added = await client['registry.addImage']({ key: mark.key, fileToken: picked.value.token });
    setBusy(false);
    if (!added.ok) return setMessage(`未能添加「${picked.value.fileName}」：${added.error.message}`);
    await load();
    onChanged();
  }

  async function remove(image: MarkImage) {
    setBusy(true);
    const removed = await client['registry.removeImage']({ key: mark.key, sha256: image.sha256 });
    setBusy(false);
    if (!removed.ok) return setMessage(`删除图样失败：${removed.error.message}`);
    await load();
    onChanged();
  }

  return (
    <section className="mark-images field-wide" aria-label="图样">
      <div className="mark-images-head">
        <strong>图样</strong>
        <span className="muted">添加和删除立即生效，不必点“保存”</span>
        <button type="button" onClick={() => void add()} disabled={busy}>添加图样</button>
      </div>
      {message ? <div className="form-banner" role="alert">{message}</div> : null}
      {images === null ? null : images.length === 0 ? (
        <p className="muted">这条记录还没有图样（支持 {IMAGE_FORMATS_LABEL}）。</p>
      ) : (
        <ul className="mark-images-list">
          {images.map((image, i) => (
            <li key={image.sha256}>
              {image.thumbnail ? (
                <img src={image.thumbnail} alt={`图样 ${i + 1}`} />
              ) : (
                <span className="mark-images-missing">图片文件缺失</span>
              )}
              <span className="muted">{FORMAT_LABELS[image.format] ?? image.format} {image.width}×{image.height}</span>
              <button type="button" className="link link-danger" onClick={() => void remove(image)} disabled={busy} aria-label={`删除图样 ${i + 1}`}>删除</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
