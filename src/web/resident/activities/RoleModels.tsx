import { Button, Spin } from 'antd';
import { useState } from 'react';
import type { RoleModel, RoleModelList } from '../../shared/activities/types.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { useApi } from '../useApi.ts';
import { activityMessages } from './messages.ts';

function Story({ story }: { story: RoleModel }) {
  const t = useT(activityMessages);
  const [open, setOpen] = useState(false);
  const long = story.story.length > 80;
  return (
    <li className="lx-story">
      <p className="lx-story-title">{story.title}</p>
      <p className="lx-muted lx-story-name">{story.shownName}</p>
      <p className="lx-pre lx-story-text">{open || !long ? story.story : `${story.story.slice(0, 80)}…`}</p>
      {long && (
        <Button type="link" size="small" style={{ padding: 0 }} aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('readLess') : t('readMore')}
        </Button>
      )}
    </li>
  );
}

/** 身边榜样: the stories the community office published about its people. */
export function RoleModels({ community }: { community: string }) {
  const t = useT(activityMessages);
  const list = useApi<RoleModelList>('/api/v1/role-models', { query: { community, pageSize: 10 } });
  return (
    <section className="lx-section" aria-labelledby="role-models-title">
      <h2 id="role-models-title" className="lx-section-title">
        {t('roleModelsTitle')}
      </h2>
      {list.error ? (
        <p className="lx-error">{list.error}</p>
      ) : !list.data ? (
        <Spin />
      ) : list.data.items.length === 0 ? (
        <p className="lx-muted">{t('noRoleModels')}</p>
      ) : (
        <ul className="lx-stories">
          {list.data.items.map((s) => (
            <Story key={s.id} story={s} />
          ))}
        </ul>
      )}
    </section>
  );
}
