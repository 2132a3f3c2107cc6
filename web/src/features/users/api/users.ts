import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../../lib/api';
import type { Role } from '../../../lib/policies';

/** server/src/modules/users/users.schema.ts UserDetail */
export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string | null;
  organizationId: string | null;
  organizationName: string | null;
  stationId: string | null;
  stationName: string | null;
  personId: string | null;
  personName: string | null;
  phone: string | null;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  locked: boolean;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AccountScope {
  role: Role;
  regionCode: string;
  organizationId?: string | null;
  stationId?: string | null;
  personId?: string | null;
}

export interface CreateUserInput extends AccountScope {
  username: string;
  displayName: string;
  phone?: string | null;
}

export interface UserWithPassword {
  user: User;
  password: string;
}

export interface RoleInfo {
  role: Role;
  administrator: boolean;
  boundTo: 'region' | 'organization' | 'station' | 'person';
  name: { zh: string; en: string };
  description: { zh: string; en: string };
  abilities: { zh: string[]; en: string[] };
  grantedBy: Role[];
}

export type UserQuery = Partial<{ q: string; role: string; regionCode: string; status: string }> & {
  page: number;
  pageSize: number;
};

const keys = {
  list: (q: UserQuery) => ['users', 'list', q] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
  roles: ['roles'] as const,
};

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => api<Page<User>>('/users', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: ({ signal }) => api<User>(`/users/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useRoleCatalog() {
  return useQuery({
    queryKey: keys.roles,
    queryFn: ({ signal }) => api<Page<RoleInfo>>('/roles', { signal }).then((r) => r.items),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A role's name in the current language, from the server's catalog, with the console's own as fallback. */
export function useRoleName() {
  const { t, i18n } = useTranslation();
  const catalog = useRoleCatalog();
  return (role: string) => {
    const info = catalog.data?.find((r) => r.role === role);
    if (info) return i18n.language === 'en' ? info.name.en : info.name.zh;
    return t(`common:roles.${role}`, { defaultValue: role });
  };
}

function useUserMutation<I, O extends User | UserWithPassword>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (out) => {
      const user: User = 'password' in out ? (out as UserWithPassword).user : (out as User);
      qc.setQueryData(keys.detail(user.id), user);
      return qc.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}

export const useCreateUser = () =>
  useUserMutation((body: CreateUserInput) => api<UserWithPassword>('/users', { method: 'POST', body }));

export const useUpdateUser = (id: string) =>
  useUserMutation((body: { displayName?: string; phone?: string | null; status?: 'active' | 'disabled' }) =>
    api<User>(`/users/${id}`, { method: 'PATCH', body }),
  );

export const useResetPassword = (id: string) =>
  useUserMutation(() => api<UserWithPassword>(`/users/${id}/reset-password`, { method: 'POST' }));

export const useChangeRole = (id: string) =>
  useUserMutation((body: AccountScope) => api<User>(`/users/${id}/role`, { method: 'PUT', body }));

export const useUnlockUser = (id: string) => useUserMutation(() => api<User>(`/users/${id}/unlock`, { method: 'POST' }));

/** Organizations and stations to attach an account to (the sysadmin may list both, names only). */
export function useScopeOptions(kind: 'organizations' | 'stations', query: Record<string, string | undefined>, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'scope-options', kind, query],
    queryFn: ({ signal }) =>
      api<Page<{ id: string; name: string; code?: string; regionName: string | null }>>(`/${kind}`, {
        query: { ...query, status: 'active', page: 1, pageSize: 20 },
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export type DeputyLevel = 'national' | 'provincial' | 'municipal' | 'county' | 'township';

/** server/src/modules/deputies/personLookup.schema.ts PersonLookupItem: names and mandates, nothing personal. */
export interface PersonOption {
  id: string;
  name: string;
  hasAccount: boolean;
  mandates: { level: DeputyLevel; regionCode: string; regionName: string | null }[];
}

/** Deputies in person an account of `regionCode` may be linked to, by name, pinyin or initials. */
export function usePersonLookup(query: { q?: string; regionCode?: string }, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'person-lookup', query],
    queryFn: ({ signal }) => api<Page<PersonOption>>('/persons/lookup', { query: { ...query, page: 1, pageSize: 20 }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
