import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function NotFound({ forbidden = false }: { forbidden?: boolean }) {
  const { t } = useTranslation();
  return <Result status={forbidden ? '403' : '404'} title={t(forbidden ? 'state.forbidden' : 'state.notFound')} />;
}
