import { Image } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { messages } from '../messages.ts';
import type { CasePhoto } from '../types.ts';

/** The reporter's photos and the handler's proof photos, as thumbnails that open full size. */
export function CasePhotos({ photos }: { photos: CasePhoto[] }) {
  const t = useT(messages);
  const groups = [
    { role: 'report', title: t('photosReported') },
    { role: 'proof', title: t('photosProof') },
  ];
  return (
    <Image.PreviewGroup>
      {groups.map((g) => {
        const list = photos.filter((p) => p.role === g.role);
        if (list.length === 0) return null;
        return (
          <div key={g.role} className="lx-photo-group">
            <h3 className="lx-subtitle">{g.title}</h3>
            <div className="lx-photo-grid">
              {list.map((p, i) => (
                <Image key={p.id} src={p.thumbnailUrl} preview={{ src: p.url }} alt={`${g.title} ${i + 1}`} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 8 }} />
              ))}
            </div>
          </div>
        );
      })}
    </Image.PreviewGroup>
  );
}
