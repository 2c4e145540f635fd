import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../shared/trilingual';
import type { Session } from '../programmeApi';

/** The day's sessions with no room yet: they have no column on the grid, so they are listed above it. */
export function UnplacedSessions({ sessions, onOpen }: { sessions: Session[]; onOpen: (session: Session) => void }) {
  const { t, i18n } = useTranslation('programme');
  if (sessions.length === 0) return null;
  return (
    <Space wrap style={{ marginBottom: 8 }} data-testid="unplaced-sessions">
      <Typography.Text>{t('grid.unplaced')}</Typography.Text>
      {sessions.map((session) => (
        <Button key={session.id} size="small" onClick={() => onOpen(session)}>
          {pickText(session.title, i18n.language)}
        </Button>
      ))}
    </Space>
  );
}
