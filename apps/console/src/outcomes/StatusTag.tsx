import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Outcome } from './outcomesApi';

// Dark enough for white text to pass axe's contrast rule (antd's light preset tags do not), as registrations' statusColours.
const COLOURS: Record<Outcome['status'], string> = { planned: '#595959', ready: '#0958d9', signed: '#237804', done: '#237804', cancelled: '#a8071a' };

/** The state in the reader's language, and whether the public list shows it (approved). */
export function StatusTag({ outcome }: { outcome: Pick<Outcome, 'status' | 'approvedAt'> }) {
  const { t } = useTranslation('outcomes');
  return (
    <Space size={4}>
      <Tag color={COLOURS[outcome.status]} data-testid="outcome-status" data-status={outcome.status}>
        {t(`status.${outcome.status}`)}
      </Tag>
      {outcome.approvedAt && (
        <Tag color="#ad4e00" data-testid="outcome-published">
          {t('published')}
        </Tag>
      )}
    </Space>
  );
}
