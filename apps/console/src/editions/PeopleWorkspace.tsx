import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function PeopleWorkspace() {
  const { t } = useTranslation('editions');
  return <Typography.Title level={2}>{t('people.title')}</Typography.Title>;
}
