import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { countryName } from './countries';

/**
 * An ISO 3166-1 alpha-2 code (as the api stores it), upper-cased as typed, with the country's name in the
 * reader's language beside it so a wrong code shows at once.
 */
export function CountryInput({ value, onChange, id, ...rest }: { value?: string | null; onChange?: (value: string | null) => void; id?: string }) {
  const { i18n } = useTranslation();
  const code = value ?? '';
  return (
    <Input
      id={id}
      {...rest}
      value={code}
      maxLength={2}
      style={{ width: 260 }}
      onChange={(event) => onChange?.(event.target.value.toUpperCase() || null)}
      suffix={code.length === 2 ? <span data-testid="country-name">{countryName(code, i18n.language)}</span> : undefined}
    />
  );
}
