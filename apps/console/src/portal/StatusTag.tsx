import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOURS } from '../registrations/statusColours';
import type { MyRegistration } from './portalApi';

/** A registration's state in the reader's language, coloured as in the organisers' list. */
export function StatusTag({ status }: { status: MyRegistration['status'] }) {
  const { t } = useTranslation('portal');
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="my-registration-status" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
