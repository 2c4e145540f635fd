import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/i18n';
import { isLanguage, LANGUAGES } from '../i18n/languages';

/** Each language is named in itself, so a reader who cannot read the current one still finds theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={i18n.language}
      onChange={(value: string) => isLanguage(value) && void switchLanguage(value)}
      options={LANGUAGES.map((language) => ({ value: language, label: <span lang={language}>{t(`language.${language}`)}</span> }))}
      style={{ width: 120 }}
    />
  );
}
