import { useCallback, useEffect, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../api/client';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * One paginated api list for an antd Table (every list of the api is paginated: ?page=&pageSize=). `load` fetches
 * a page; it is called again when the page changes, when `dependencies` change, and on `reload()`.
 */
export function usePagedList<T>(load: (page: number, pageSize: number) => Promise<Page<T>>, dependencies: unknown[] = []) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 25 });
  const [data, setData] = useState<Page<T>>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    load(page.page, page.pageSize)
      .then((answer) => current && (setData(answer), setError(undefined)))
      .catch((caught: unknown) => {
        if (!current) return;
        if (caught instanceof ApiError) setError(caught.envelope);
        else throw caught;
      })
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [page.page, page.pageSize, generation, ...dependencies]);

  const pagination: TablePaginationConfig = {
    current: page.page,
    pageSize: page.pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 25, 50, 100],
    showTotal: (total, [from, to]) => t('table.range', { from, to, total }),
    onChange: (next, pageSize) => setPage({ page: pageSize === page.pageSize ? next : 1, pageSize }),
  };
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { items: data?.items ?? [], total: data?.total ?? 0, loading, error, pagination, reload };
}
