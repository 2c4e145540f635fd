import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickText } from '../shared/trilingual';
import { getOrganisation, listOrganisations, type Organisation } from './directoryApi';

/**
 * Picks an organisation of the directory by searching the api (the directory is too large to list whole); the
 * one already chosen is read once so its name shows.
 */
export function OrganisationSelect({ value, onChange, id }: { value?: string | null; onChange?: (value: string | null) => void; id?: string }) {
  const { t, i18n } = useTranslation('editions');
  const [options, setOptions] = useState<Organisation[]>([]);
  const [chosen, setChosen] = useState<Organisation>();

  const find = (q: string) => void listOrganisations({ q: q.trim() || undefined }, 1, 20).then((page) => setOptions(page.items));
  useEffect(() => find(''), []);
  useEffect(() => {
    if (value && chosen?.id !== value && !options.some((option) => option.id === value)) void getOrganisation(value).then(setChosen);
  }, [value]);

  const all = chosen && !options.some((option) => option.id === chosen.id) ? [chosen, ...options] : options;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: find }}
      allowClear
      placeholder={t('people.organisationSearch')}
      value={value ?? undefined}
      onChange={(next?: string) => {
        setChosen(all.find((option) => option.id === next));
        onChange?.(next ?? null);
      }}
      options={all.map((organisation) => ({ value: organisation.id, label: pickText(organisation.name, i18n.language) }))}
      data-testid="person-organisation"
    />
  );
}
