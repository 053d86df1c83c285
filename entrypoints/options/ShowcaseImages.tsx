import { useEffect, useState } from 'react';
import { useSettings } from '@/components/settings-context';
import { send } from '@/lib/messaging/client';

/** Images for 效果展示: stored as assets, shown from our own store, captioned. */
export function ShowcaseImages(props: {
  cardId: string;
  images: { assetId: string; caption: string }[];
  onChange: (images: { assetId: string; caption: string }[]) => void;
  onError: (message: string) => void;
}) {
  const { t } = useSettings();
  const [urls, setUrls] = useState<Record<string, string>>({});
  const ids = props.images.map((i) => i.assetId).join(',');
  useEffect(() => {
    const missing = props.images.map((i) => i.assetId).filter((id) => !urls[id]);
    if (!missing.length) return;
    send('assets.get', { ids: missing })
      .then((got) => setUrls((u) => ({ ...u, ...Object.fromEntries(got.map((g) => [g.id, g.dataUrl])) })))
      .catch((e: Error) => props.onError(e.message));
  }, [ids]); // eslint-disable-line react-hooks/exhaustive-deps

  async function add(file: File) {
    const dataUrl = await new Promise<string>((res, rej) => {
      const r = new FileReader();
      r.onload = () => res(String(r.result));
      r.onerror = () => rej(r.error);
      r.readAsDataURL(file);
    });
    try {
      const { assetId } = await send('assets.add', { cardId: props.cardId, dataUrl, caption: file.name.replace(/\.[^.]+$/, '') });
      setUrls((u) => ({ ...u, [assetId]: dataUrl }));
      props.onChange([...props.images, { assetId, caption: file.name.replace(/\.[^.]+$/, '') }]);
    } catch (e) {
      props.onError(`${file.name}: ${(e as Error).message}`);
    }
  }

  return (
    <div className="images" data-testid="images">
      {props.images.map((img, i) => (
        <figure key={img.assetId} className="thumb">
          {urls[img.assetId] ? <img src={urls[img.assetId]} alt={img.caption} /> : <div className="thumb-empty" />}
          <input
            value={img.caption}
            placeholder={t('caption')}
            onChange={(e) => props.onChange(props.images.map((x, j) => (j === i ? { ...x, caption: e.target.value } : x)))}
            aria-label={t('caption')}
          />
          <button className="link" type="button" onClick={() => props.onChange(props.images.filter((_, j) => j !== i))}>
            {t('removeRow')}
          </button>
        </figure>
      ))}
      <label className="add-image">
        {t('addImage')}
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) add(f);
            e.target.value = '';
          }}
          data-testid="image-input"
        />
      </label>
    </div>
  );
}
