import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import type { Page } from '../shared/usePagedList';

/**
 * A select over a directory too large to list whole (people, organisations): it searches the api as one types, and
 * keeps the labels of what was once seen (or given in `known`), so a chosen value always shows its name.
 */
export function RemoteSelect<T extends { id: string }>({
  value,
  onChange,
  search,
  label,
  known = {},
  onPicked,
  ariaLabel,
  placeholder,
  testId,
  width = 280,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  search: (q: string) => Promise<Page<T>>;
  label: (item: T) => string;
  known?: Record<string, string>;
  /** Told of each item picked, with its label (a party picked becomes a choice for "signs for"). */
  onPicked?: (id: string, label: string) => void;
  ariaLabel: string;
  placeholder?: string;
  testId?: string;
  width?: number;
}) {
  const [found, setFound] = useState<T[]>([]);
  const labels = useRef<Record<string, string>>({});
  const run = (q: string) =>
    void search(q.trim())
      .then((page) => {
        for (const item of page.items) labels.current[item.id] = label(item);
        setFound(page.items);
      })
      .catch(() => undefined);
  useEffect(() => run(''), []);
  const options = found.map((item) => ({ value: item.id, label: label(item) }));
  if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: labels.current[value] ?? known[value] ?? '…' });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: run }}
      aria-label={ariaLabel}
      placeholder={placeholder ?? ariaLabel}
      style={{ width }}
      value={value}
      onChange={(next?: string) => {
        onChange?.(next);
        if (next) onPicked?.(next, labels.current[next] ?? known[next] ?? '');
      }}
      options={options}
      data-testid={testId}
    />
  );
}
