import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { switchLanguage } from '../i18n/i18n';
import { isLanguage } from '../i18n/languages';

/**
 * A link the product mails (the welcome, an invitation) says in which language it was written (`?lang=ru`): the
 * page opens in it, whatever the browser prefers; the reader can still switch. Without the parameter the reader's
 * own choice (remembered, else the browser's) stands.
 */
export function useLinkLanguage(): void {
  const [params] = useSearchParams();
  const language = params.get('lang');
  useEffect(() => {
    if (isLanguage(language)) void switchLanguage(language);
  }, [language]);
}
