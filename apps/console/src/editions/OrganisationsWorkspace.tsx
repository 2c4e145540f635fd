import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function OrganisationsWorkspace() {
  const { t } = useTranslation('editions');
  return <Typography.Title level={2}>{t('organisations.title')}</Typography.Title>;
}
