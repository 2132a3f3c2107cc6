import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api';

// server/src/modules/organizations/organizations.tables.ts
export const CONGRESS_KINDS = [
  'standing_committee',
  'office',
  'special_committee',
  'township_presidium',
  'street_working_committee',
] as const;
export const UNIT_KINDS = ['government_department', 'court', 'procuratorate', 'public_utility', 'other_unit'] as const;
export type OrganizationKind = (typeof CONGRESS_KINDS)[number] | (typeof UNIT_KINDS)[number];
export type OrganizationCategory = 'congress' | 'unit';
export type OrganizationStatus = 'active' | 'inactive';
export const categoryOf = (kind: OrganizationKind): OrganizationCategory =>
  (CONGRESS_KINDS as readonly string[]).includes(kind) ? 'congress' : 'unit';

/** organizations.schema.ts OrganizationItem */
export interface Organization {
  id: string;
  regionCode: string;
  regionName: string | null;
  parentId: string | null;
  parentName: string | null;
  category: OrganizationCategory;
  kind: OrganizationKind;
  name: string;
  shortName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  status: OrganizationStatus;
  namePinyin: string;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationDetail extends Organization {
  childCount: number;
  accounts: { id: string; username: string; displayName: string; role: string; status: string }[] | null;
}

export interface OrganizationInput {
  regionCode: string;
  parentId: string | null;
  kind: OrganizationKind;
  name: string;
  shortName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  status: OrganizationStatus;
}

export type OrganizationQuery = Partial<{
  q: string;
  regionCode: string;
  category: string;
  kind: string;
  status: string;
  parentId: string;
}> & { page: number; pageSize: number };

export const organizationKeys = {
  all: ['organizations'] as const,
  list: (q: OrganizationQuery) => ['organizations', 'list', q] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
};

export function useOrganizations(query: OrganizationQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: organizationKeys.list(query),
    queryFn: ({ signal }) => api<Page<Organization>>('/organizations', { query, signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<OrganizationDetail>(`/organizations/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useSaveOrganization(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<OrganizationInput>) =>
      id
        ? api<OrganizationDetail>(`/organizations/${id}`, { method: 'PATCH', body })
        : api<OrganizationDetail>('/organizations', { method: 'POST', body }),
    onSuccess: (saved) => {
      qc.setQueryData(organizationKeys.detail(saved.id), saved);
      return qc.invalidateQueries({ queryKey: ['organizations', 'list'] });
    },
  });
}
