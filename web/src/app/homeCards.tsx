import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { POLICIES, type Role } from '../lib/policies';

export interface HomeCard {
  key: string;
  /** Who sees the card on the home page. */
  roles: readonly Role[];
  /** Loaded with the home page only for the roles that see it; the component is the file's default export. */
  element: LazyExoticComponent<ComponentType>;
}

/**
 * Cards features put on the home page (work queues, dashboards), in this order, under the greeting.
 * Listed here, where features are composed, so that the home page imports no other feature.
 */
export const HOME_CARDS: HomeCard[] = [
  {
    key: 'opinions',
    roles: POLICIES.opinions.workbench,
    element: lazy(() => import('../features/opinions/components/WorkbenchCards')),
  },
  {
    key: 'suggestions',
    roles: POLICIES.suggestions.list,
    element: lazy(() => import('../features/suggestions/components/WorkbenchCards')),
  },
];
