import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError, type PhotoUpload, uploadPhoto } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { work } from '../messages.ts';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Called with each photo once stored, e.g. to take the place it was taken. */
  onUploaded?: (p: PhotoUpload) => void;
}

const MAX_PHOTOS = 6;

/** Photos taken or chosen on the phone, uploaded at once; the form's value is their ids. */
export function PhotoField({ id, onChange, onUploaded }: Props) {
  const t = useT(work);
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile<PhotoUpload>[]>([]);
  return (
    <Upload<PhotoUpload>
      id={id}
      accept="image/*"
      listType="picture-card"
      maxCount={MAX_PHOTOS}
      fileList={files}
      customRequest={({ file, onSuccess, onError }) => {
        uploadPhoto(file as Blob)
          .then((p) => {
            onSuccess?.(p);
            onUploaded?.(p);
          })
          .catch((e: Error) => {
            message.error(t('photoUploadFailed', { message: e instanceof ApiError ? e.message : String(e) }));
            onError?.(e);
          });
      }}
      onChange={({ fileList }) => {
        const kept = fileList.filter((f) => f.status !== 'error');
        setFiles(kept);
        onChange?.(kept.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id));
      }}
    >
      {files.length < MAX_PHOTOS && (
        <span className="lx-upload-trigger">
          <PlusOutlined aria-hidden />
          <span>{t('addPhoto')}</span>
        </span>
      )}
    </Upload>
  );
}
