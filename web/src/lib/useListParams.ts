import type { TablePaginationConfig } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

export interface ListParams<F extends string> {
  page: number;
  pageSize: number;
  q: string | undefined;
  filters: Partial<Record<F, string>>;
  /** page, pageSize, q and the filters, ready for api(..., { query }). */
  query: { page: number; pageSize: number; q?: string } & Partial<Record<F, string>>;
  /** Changes some parameters; any change other than the page itself goes back to page 1. */
  set(patch: Partial<Record<F | 'q', string | undefined | null>> & { page?: number; pageSize?: number }): void;
  reset(): void;
  /** Props for an antd Table's pagination, bound to these parameters. */
  pagination(total: number | undefined): TablePaginationConfig;
}

const toInt = (v: string | null, fallback: number, max: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
};

/**
 * Keeps a list page's paging, search text and filters in the URL, so a list can be shared,
 * bookmarked and returned to with the browser's back button.
 */
export function useListParams<F extends string = never>(
  filterNames: readonly F[] = [],
  opts: { pageSize?: number } = {},
): ListParams<F> {
  const [params, setParams] = useSearchParams();
  const { t } = useTranslation();
  const defaultSize = opts.pageSize ?? 20;
  const page = toInt(params.get('page'), 1, 100_000);
  const pageSize = toInt(params.get('pageSize'), defaultSize, 200);
  const q = params.get('q') || undefined;
  const key = params.toString();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `params`, whose identity changes each render
  const filters = useMemo(() => {
    const out: Partial<Record<F, string>> = {};
    for (const name of filterNames) {
      const v = params.get(name);
      if (v) out[name] = v;
    }
    return out;
  }, [key, filterNames.join()]);

  const set = useCallback<ListParams<F>['set']>(
    (patch) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (!('page' in patch)) next.delete('page');
          if (next.get('page') === '1') next.delete('page');
          if (next.get('pageSize') === String(defaultSize)) next.delete('pageSize');
          return next;
        },
        { replace: true },
      );
    },
    [setParams, defaultSize],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  const query = useMemo(() => ({ ...filters, page, pageSize, q }), [page, pageSize, q, filters]);

  const pagination = useCallback(
    (total: number | undefined): TablePaginationConfig => ({
      current: page,
      pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (n) => t('common:list.total', { total: n }),
      onChange: (p, size) => set((size !== pageSize ? { pageSize: size } : { page: p }) as Parameters<typeof set>[0]),
    }),
    [page, pageSize, set, t],
  );

  return { page, pageSize, q, filters, query, set, reset, pagination };
}
