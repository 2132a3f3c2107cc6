import { useQuery } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../lib/api';
import { useAuth } from '../lib/auth';

export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'community';
const LEVELS: RegionLevel[] = ['province', 'city', 'county', 'township', 'community'];

/** The parts of the server's RegionItem the picker needs (server/src/modules/regions/regions.schema.ts). */
interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  isGrouping: boolean;
  hasChildren: boolean;
  path: { code: string; name: string; isGrouping: boolean }[];
}

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
  /** In search mode: this option is one of the search hits (its ancestors are only there to give the path). */
  hit?: boolean;
}

export interface RegionPickerProps {
  value?: string;
  onChange?: (code?: string) => void;
  /** The deepest level that can be chosen (default community). */
  maxLevel?: 'county' | 'township' | 'community';
  placeholder?: string;
  /** The region to browse from; defaults to the signed-in account's region ('' = the whole country). */
  rootCode?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

const PAGE = 200;

async function childrenOf(parent: string | undefined): Promise<Region[]> {
  const all: Region[] = [];
  // Some townships have more villages than one page holds.
  for (let page = 1; page <= 20; page++) {
    const query = parent ? { parent, page, pageSize: PAGE } : { level: 'province', page, pageSize: PAGE };
    const res = await api<Page<Region>>('/regions', { query });
    all.push(...res.items);
    if (all.length >= res.total || res.items.length < PAGE) break;
  }
  return all;
}

const depth = (level: RegionLevel) => LEVELS.indexOf(level);

/**
 * Picks a region from the national tree: browse level by level (children load on demand) or type a
 * name, its pinyin or its initials (哈尔滨 ← haerbin, hrb). Any level may be chosen down to maxLevel.
 */
export function RegionPicker({
  value,
  onChange,
  maxLevel = 'community',
  placeholder,
  rootCode,
  disabled,
  allowClear = true,
  style,
  id,
}: RegionPickerProps) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const root = rootCode ?? me?.regionCode ?? '';
  const [options, setOptions] = useState<Option[]>([]);
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');

  const toOption = useCallback(
    (r: Region): Option => ({
      value: r.code,
      label: r.name,
      isLeaf: !r.hasChildren || depth(r.level) >= depth(maxLevel),
    }),
    [maxLevel],
  );

  // The top of the tree: the account's own region, or the provinces for a nationwide account.
  useEffect(() => {
    let cancelled = false;
    const load = root ? api<Region>(`/regions/${root}`).then((r) => [r]) : childrenOf(undefined);
    load
      .then((rs) => {
        if (!cancelled) setOptions(rs.map(toOption));
      })
      .catch(() => {
        if (!cancelled) setOptions([]);
      });
    return () => {
      cancelled = true;
    };
  }, [root, toOption]);

  const loadData = useCallback(
    async (selected: Option[]) => {
      const target = selected[selected.length - 1];
      if (!target || target.children) return;
      const kids = (await childrenOf(target.value)).map(toOption);
      // Replace the node in a fresh tree so React sees the change.
      const attach = (list: Option[]): Option[] =>
        list.map((o) =>
          o.value === target.value
            ? { ...o, children: kids, isLeaf: kids.length === 0 }
            : o.children
              ? { ...o, children: attach(o.children) }
              : o,
        );
      setOptions((prev) => attach(prev));
    },
    [toOption],
  );

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const hits = useQuery({
    queryKey: ['regions', 'picker-search', root, debounced],
    queryFn: ({ signal }) =>
      api<Page<Region>>('/regions', { query: { q: debounced, parent: root || undefined, pageSize: 30 }, signal }),
    enabled: debounced.length > 0,
    staleTime: 5 * 60_000,
  });

  // Search hits become a small tree of their paths, so the Cascader shows "黑龙江省 / 哈尔滨市 / …".
  const searchTree = useMemo<Option[]>(() => {
    const top: Option[] = [];
    const rootDepth = root ? root.length : 0;
    for (const r of hits.data?.items ?? []) {
      if (depth(r.level) > depth(maxLevel)) continue;
      const chain = [...r.path.filter((p) => p.code.length >= rootDepth && p.code !== r.code), { code: r.code, name: r.name }];
      let level = top;
      chain.forEach((p, i) => {
        let node = level.find((o) => o.value === p.code);
        if (!node) {
          node = { value: p.code, label: p.name, isLeaf: i === chain.length - 1, children: [] };
          level.push(node);
        }
        if (i === chain.length - 1) node.hit = true;
        node.children ??= [];
        level = node.children;
      });
    }
    const prune = (list: Option[]) => {
      for (const o of list) {
        if (o.children?.length) prune(o.children);
        else delete o.children;
      }
    };
    prune(top);
    return top;
  }, [hits.data, root, maxLevel]);

  const detail = useQuery({
    queryKey: ['regions', 'detail', value],
    queryFn: ({ signal }) => api<Region>(`/regions/${value}`, { signal }),
    enabled: !!value,
    staleTime: 10 * 60_000,
  });

  const rootDepth = root ? root.length : 0;
  const pathCodes = useMemo(() => {
    if (!value) return undefined;
    const ancestors = detail.data?.path.map((p) => p.code).filter((c) => c.length >= rootDepth && c !== value) ?? [];
    return [...ancestors, value];
  }, [value, detail.data, rootDepth]);

  // Opening the picker on a chosen value shows the columns along its path, not just the top level.
  const expandPath = useCallback(async () => {
    if (!pathCodes || pathCodes.length < 2) return;
    const loadedAlready = (list: Option[], code: string): boolean =>
      list.some((o) => (o.value === code ? !!o.children : !!o.children && loadedAlready(o.children, code)));
    const fetched = new Map<string, Option[]>();
    for (const code of pathCodes.slice(0, -1)) {
      if (!loadedAlready(options, code)) fetched.set(code, (await childrenOf(code)).map(toOption));
    }
    if (fetched.size === 0) return;
    const attach = (list: Option[]): Option[] =>
      list.map((o) => {
        const children = o.children ?? fetched.get(o.value);
        return children ? { ...o, children: attach(children), isLeaf: children.length === 0 } : o;
      });
    setOptions((prev) => attach(prev));
  }, [pathCodes, options, toOption]);

  const fullName = useMemo(() => {
    if (!value) return '';
    if (!detail.data) return value;
    const names = detail.data.path.filter((p) => !p.isGrouping && p.code !== value).map((p) => p.name);
    return [...names, detail.data.name].join(' / ');
  }, [value, detail.data]);

  return (
    <Cascader<Option>
      id={id}
      style={{ width: '100%', ...style }}
      options={debounced ? searchTree : options}
      loadData={debounced ? undefined : loadData}
      value={pathCodes}
      onChange={(codes) => {
        const last = Array.isArray(codes) ? codes[codes.length - 1] : undefined;
        setSearch('');
        setDebounced('');
        onChange?.(last === undefined ? undefined : String(last));
      }}
      changeOnSelect
      displayRender={() => fullName}
      placeholder={placeholder ?? t('regionPicker.placeholder')}
      disabled={disabled}
      allowClear={allowClear}
      showSearch={{
        searchValue: search,
        onSearch: setSearch,
        filter: (_input, path) => !!path[path.length - 1]?.hit,
        limit: 50,
      }}
      notFoundContent={debounced && !hits.isFetching ? t('regionPicker.noMatch') : undefined}
      popupMatchSelectWidth={false}
      onOpenChange={(open) => {
        if (open) void expandPath().catch(() => undefined);
      }}
    />
  );
}
