import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Edition } from './editionsApi';

// Dark enough for white text to pass axe's contrast rule (antd's light preset tags do not).
const COLOURS = { draft: '#595959', published: '#237804', archived: '#ad4e00' } as const;

export function StatusTag({ status }: { status: Edition['status'] }) {
  const { t } = useTranslation('editions');
  return (
    <Tag color={COLOURS[status]} data-testid="edition-status">
      {t(`status.${status}`)}
    </Tag>
  );
}
