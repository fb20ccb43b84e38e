import { CameraOutlined, CloseOutlined, LoadingOutlined, PictureOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { ApiError, uploadPhoto, type PhotoUpload } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { messages } from '../messages.ts';

export const MAX_PHOTOS = 6;

/** A photo on its way up (preview from the phone) or stored (the server's id). */
export interface DraftPhoto {
  key: string;
  preview: string;
  uploaded?: PhotoUpload;
  error?: string;
}

let counter = 0;

/** Step 1: take photos or pick them from the album; each is uploaded at once and shown as a thumbnail. */
export function PhotoStep({ photos, setPhotos }: { photos: DraftPhoto[]; setPhotos: (update: (p: DraftPhoto[]) => DraftPhoto[]) => void }) {
  const t = useT(messages);
  const [tooMany, setTooMany] = useState(false);

  const add = (files: FileList | null) => {
    if (!files?.length) return;
    const room = MAX_PHOTOS - photos.length;
    const chosen = Array.from(files).slice(0, Math.max(0, room));
    setTooMany(files.length > room);
    for (const file of chosen) {
      const key = `p${++counter}`;
      const preview = URL.createObjectURL(file);
      setPhotos((list) => [...list, { key, preview }]);
      uploadPhoto(file)
        .then((uploaded) => setPhotos((list) => list.map((p) => (p.key === key ? { ...p, uploaded } : p))))
        .catch((e) => setPhotos((list) => list.map((p) => (p.key === key ? { ...p, error: e instanceof ApiError ? e.message : String(e) } : p))));
    }
  };

  const remove = (key: string) => {
    setPhotos((list) => {
      const gone = list.find((p) => p.key === key);
      if (gone) URL.revokeObjectURL(gone.preview);
      return list.filter((p) => p.key !== key);
    });
    setTooMany(false);
  };

  const full = photos.length >= MAX_PHOTOS;
  return (
    <section aria-labelledby="photo-step-title">
      <h2 id="photo-step-title" className="lx-step-title">
        {t('photoStepTitle')}
      </h2>
      <p className="lx-muted">{t('photoStepHint', { max: MAX_PHOTOS })}</p>
      <div className="lx-photo-actions">
        <label className={`lx-file-button lx-file-primary${full ? ' lx-file-disabled' : ''}`}>
          <input type="file" accept="image/*" capture="environment" aria-label={t('takePhoto')} disabled={full} onChange={(e) => { add(e.target.files); e.target.value = ''; }} />
          <CameraOutlined aria-hidden /> {t('takePhoto')}
        </label>
        <label className={`lx-file-button${full ? ' lx-file-disabled' : ''}`}>
          <input type="file" accept="image/*" multiple aria-label={t('addPhotos')} disabled={full} onChange={(e) => { add(e.target.files); e.target.value = ''; }} />
          <PictureOutlined aria-hidden /> {t('addPhotos')}
        </label>
      </div>
      {tooMany && <Alert type="warning" showIcon title={t('photoLimit', { max: MAX_PHOTOS })} style={{ marginTop: 12 }} />}
      {photos.length > 0 && (
        <ul className="lx-thumbs" aria-label={t('photosChosen', { n: photos.length })}>
          {photos.map((p, i) => (
            <li key={p.key} className={p.error ? 'lx-thumb lx-thumb-error' : 'lx-thumb'}>
              <img src={p.uploaded?.thumbnailUrl ?? p.preview} alt={t('photoN', { n: i + 1 })} />
              {!p.uploaded && !p.error && (
                <span className="lx-thumb-state" role="status" aria-label={t('uploading')}>
                  <LoadingOutlined />
                </span>
              )}
              {p.error && (
                <span className="lx-thumb-state lx-thumb-failed" role="alert">
                  {p.error}
                </span>
              )}
              <Button className="lx-thumb-remove" shape="circle" size="small" icon={<CloseOutlined />} aria-label={t('removePhotoN', { n: i + 1 })} onClick={() => remove(p.key)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
