// 图样对比: the filing's (or listing's) image and the protected mark's side by side, as thumbnails the main process
// sends as data: URLs (hits.images). Shown whenever either side has an image; an image hit names the two compared.
import { useEffect, useState } from 'react';
import type { HitImages as HitImagesValue } from '../../../../shared/contract/logos';
import { useClient } from '../../api/context';

function Figure({ src, caption }: { src: string | null; caption: string }) {
  return (
    <figure className="hit-image">
      {src ? <img src={src} alt={caption} /> : <div className="hit-image-none muted small">无图样</div>}
      <figcaption className="small muted">{caption}</figcaption>
    </figure>
  );
}

export function HitImages({ hitId, source }: { hitId: number; source: 'filing' | 'listing' }) {
  const client = useClient();
  const [images, setImages] = useState<HitImagesValue | null>(null);
  useEffect(() => {
    let live = true;
    setImages(null);
    void client['hits.images']({ hitId }).then((r) => {
      if (live && r.ok) setImages(r.value);
    });
    return () => {
      live = false;
    };
  }, [client, hitId]);
  if (!images || (images.row === null && images.mark === null)) return null;
  return (
    <div className="hit-images" aria-label="图样对比">
      <Figure src={images.row} caption={source === 'filing' ? '申请商标图样' : '商品图片'} />
      <Figure src={images.mark} caption="名录商标图样" />
    </div>
  );
}
