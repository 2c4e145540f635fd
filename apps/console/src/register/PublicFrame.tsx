import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { useLinkLanguage } from './useLinkLanguage';
import './register.css';

/** The frame of the pages a guest opens without signing in: the product's name, the language switch, the page. */
export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  useLinkLanguage();
  return (
    <div className="public-page">
      <header className="public-header">
        <Typography.Text strong className="public-title">
          {t('app.name')}
        </Typography.Text>
        <LanguageSwitch />
      </header>
      <main className="public-main">{children}</main>
    </div>
  );
}
