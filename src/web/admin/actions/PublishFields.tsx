import { Checkbox, Form, Image, Space, Switch } from 'antd';
import { useT } from '../../shared/i18n/index.tsx';
import { m } from '../messages.ts';
import type { CasePhoto } from '../types.ts';

/** 公开设置: whether the case shows on the public board, and which photos are released there. */
export function PublishFields({ photos }: { photos: CasePhoto[] }) {
  const t = useT(m);
  return (
    <>
      <Form.Item name="public" label={t('publicOnBoard')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {photos.length > 0 && (
        <Form.Item name="release" label={t('releasePhotos')}>
          <Checkbox.Group>
            <Space wrap>
              {photos.map((p, i) => (
                <Checkbox key={p.id} value={p.id}>
                  <Image src={p.thumbnailUrl} alt={t('photoAlt', { n: i + 1 })} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} preview={false} />
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
      )}
    </>
  );
}

/** Photos are only touched once the ticks were changed: the ones ticked are released, the rest withheld. */
export function publishBody(photos: CasePhoto[]) {
  return (v: { public: boolean; release?: string[] }) => ({
    public: !!v.public,
    ...(v.release !== undefined && photos.length ? { releasePhotoIds: v.release, withholdPhotoIds: photos.map((p) => p.id).filter((id) => !v.release!.includes(id)) } : {}),
  });
}
