import { CameraOutlined, CloseOutlined, FileImageOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPhoto, MAX_PHOTOS } from '../lib/rules';

export interface PickedPhoto {
  key: string;
  file: File;
  /** An object URL for the preview; browsers other than Safari cannot show HEIC and get a placeholder. */
  url: string;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif';

function Preview({ photo, index, onRemove }: { photo: PickedPhoto; index: number; onRemove: () => void }) {
  const { t } = useTranslation('portal');
  const [broken, setBroken] = useState(false);
  return (
    <div className="lp-photo">
      {broken ? (
        <span className="lp-photo-none">
          <FileImageOutlined style={{ fontSize: '1.6em' }} />
          <span>{t('report.noPreview')}</span>
          <span className="lp-photo-name">{photo.file.name}</span>
        </span>
      ) : (
        <img src={photo.url} alt={photo.file.name} onError={() => setBroken(true)} />
      )}
      <Button
        className="lp-photo-remove"
        icon={<CloseOutlined />}
        aria-label={t('report.removePhoto', { n: index + 1 })}
        onClick={onRemove}
      />
    </div>
  );
}

/** Up to six photos, checked here as the server will check them: by their first bytes, 5 MB each. */
export function PhotoPicker({ value, onChange }: { value: PickedPhoto[]; onChange: (next: PickedPhoto[]) => void }) {
  const { t } = useTranslation('portal');
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const latest = useRef(value);
  latest.current = value;

  // The previews' memory is freed when the form goes away (sent, or the page left).
  useEffect(
    () => () => {
      for (const p of latest.current) URL.revokeObjectURL(p.url);
    },
    [],
  );

  async function add(files: FileList | null) {
    if (!files?.length) return;
    const found: string[] = [];
    const next = [...latest.current];
    for (const file of Array.from(files)) {
      if (next.length >= MAX_PHOTOS) {
        found.push(t('report.photoTooMany', { max: MAX_PHOTOS }));
        break;
      }
      const check = await checkPhoto(file);
      if ('problem' in check) {
        const key = { tooLarge: 'photoTooLarge', badType: 'photoBadType', empty: 'photoEmpty' }[check.problem];
        found.push(t(`report.${key}`, { name: file.name }));
        continue;
      }
      next.push({ key: `${file.name}-${file.size}-${file.lastModified}-${next.length}`, file, url: URL.createObjectURL(file) });
    }
    setProblems(found);
    onChange(next);
  }

  function remove(key: string) {
    const gone = value.find((p) => p.key === key);
    if (gone) URL.revokeObjectURL(gone.url);
    setProblems([]);
    onChange(value.filter((p) => p.key !== key));
  }

  return (
    <div>
      <div className="lp-photos">
        {value.map((p, i) => (
          <Preview key={p.key} photo={p} index={i} onRemove={() => remove(p.key)} />
        ))}
        {value.length < MAX_PHOTOS && (
          <Button className="lp-photo-add" onClick={() => input.current?.click()}>
            <CameraOutlined style={{ fontSize: '1.6em' }} />
            <span>{t('report.addPhoto')}</span>
          </Button>
        )}
      </div>
      <input
        ref={input}
        // A style, not the hidden attribute: a stylesheet's display rule would win over the attribute.
        style={{ display: 'none' }}
        type="file"
        accept={ACCEPT}
        multiple
        aria-label={t('report.addPhoto')}
        onChange={(e) => {
          const files = e.target.files;
          void add(files).finally(() => {
            // The same photo chosen again after removal must fire a change.
            e.target.value = '';
          });
        }}
      />
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={problems.length === 1 ? problems[0] : undefined}
          description={problems.length > 1 ? problems.map((m) => <div key={m}>{m}</div>) : undefined}
        />
      )}
    </div>
  );
}
