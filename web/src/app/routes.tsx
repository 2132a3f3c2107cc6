import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CommentOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  NotificationOutlined,
  PieChartOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import { POLICIES, type Role } from '../lib/policies';

export interface AppRoute {
  path: string;
  /** The page component, loaded on first visit (route-level code splitting); pages `export default`. */
  element: LazyExoticComponent<ComponentType>;
  /** Who may open the page; defaults to menu.roles; left out, any signed-in account may. */
  roles?: readonly Role[];
  /** Reachable without signing in. */
  public?: boolean;
  /** Rendered on its own, outside the console layout (sign-in, forced password change). */
  bare?: boolean;
  /** Shown in the side menu, in the order of this array, to the roles listed. */
  menu?: { key: string; icon: ReactNode; labelKey: string; roles?: readonly Role[] };
}

/** Every page of the console. Features add their entries here, one object per page. */
export const ROUTES: AppRoute[] = [
  { path: '/login', element: lazy(() => import('../features/auth/pages/LoginPage')), public: true, bare: true },
  { path: '/change-password', element: lazy(() => import('../features/auth/pages/ChangePasswordPage')), bare: true },
  // The public portal: constituents reach it by the station's QR code, with no account.
  { path: '/s/:code', element: lazy(() => import('../features/portal/pages/StationPage')), public: true, bare: true },
  { path: '/s/:code/report', element: lazy(() => import('../features/portal/pages/ReportPage')), public: true, bare: true },
  { path: '/track', element: lazy(() => import('../features/portal/pages/TrackEntryPage')), public: true, bare: true },
  { path: '/track/:code', element: lazy(() => import('../features/portal/pages/TrackPage')), public: true, bare: true },
  // 建议答复公开: the replies the office published, for anyone to read.
  {
    path: '/public/suggestion-replies',
    element: lazy(() => import('../features/portal/pages/ReplyListPage')),
    public: true,
    bare: true,
  },
  {
    path: '/public/suggestion-replies/:id',
    element: lazy(() => import('../features/portal/pages/ReplyDetailPage')),
    public: true,
    bare: true,
  },
  {
    path: '/',
    element: lazy(() => import('../features/auth/pages/HomePage')),
    menu: { key: 'home', icon: <HomeOutlined />, labelKey: 'auth:menu.home' },
  },
  {
    path: '/opinions',
    element: lazy(() => import('../features/opinions/pages/OpinionListPage')),
    menu: { key: 'opinions', icon: <CommentOutlined />, labelKey: 'opinions:menu', roles: POLICIES.opinions.list },
  },
  {
    path: '/opinions/new',
    element: lazy(() => import('../features/opinions/pages/OpinionIntakePage')),
    roles: POLICIES.opinions.intake,
  },
  {
    path: '/opinions/:id',
    element: lazy(() => import('../features/opinions/pages/OpinionDetailPage')),
    roles: POLICIES.opinions.read,
  },
  {
    path: '/suggestions',
    element: lazy(() => import('../features/suggestions/pages/SuggestionListPage')),
    menu: { key: 'suggestions', icon: <FileTextOutlined />, labelKey: 'suggestions:menu', roles: POLICIES.suggestions.list },
  },
  {
    path: '/suggestions/new',
    element: lazy(() => import('../features/suggestions/pages/SuggestionFormPage')),
    roles: POLICIES.suggestions.draft,
  },
  {
    path: '/suggestions/key-items',
    element: lazy(() => import('../features/suggestionSupervision/pages/KeyItemsPage')),
    menu: {
      key: 'suggestionKeyItems',
      icon: <FlagOutlined />,
      labelKey: 'suggestionSupervision:menu',
      roles: POLICIES.suggestionSupervision.supervise,
    },
  },
  {
    path: '/suggestions/coordination-meetings',
    element: lazy(() => import('../features/suggestionSupervision/pages/MeetingsPage')),
    menu: {
      key: 'suggestionMeetings',
      icon: <ScheduleOutlined />,
      labelKey: 'suggestionSupervision:meetingsMenu',
      roles: POLICIES.suggestionSupervision.supervise,
    },
  },
  {
    path: '/suggestions/publications',
    element: lazy(() => import('../features/suggestionPublication/pages/PublicationsPage')),
    menu: {
      key: 'suggestionPublications',
      icon: <NotificationOutlined />,
      labelKey: 'suggestionPublication:menu',
      roles: POLICIES.suggestionSupervision.publish,
    },
  },
  {
    path: '/suggestions/:id',
    element: lazy(() => import('../features/suggestions/pages/SuggestionDetailPage')),
    roles: POLICIES.suggestions.read,
  },
  {
    path: '/suggestions/:id/edit',
    element: lazy(() => import('../features/suggestions/pages/SuggestionFormPage')),
    roles: POLICIES.suggestions.draft,
  },
  {
    path: '/receptions',
    element: lazy(() => import('../features/opinions/pages/ReceptionListPage')),
    menu: {
      key: 'receptions',
      icon: <ReconciliationOutlined />,
      labelKey: 'opinions:receptionsMenu',
      roles: POLICIES.receptions.list,
    },
  },
  {
    path: '/opinions/constituents',
    element: lazy(() => import('../features/opinions/pages/PersonDataPage')),
    menu: { key: 'constituents', icon: <IdcardOutlined />, labelKey: 'opinions:personMenu', roles: POLICIES.opinions.person },
  },
  {
    path: '/statistics/opinions',
    element: lazy(() => import('../features/statistics/pages/OpinionStatisticsPage')),
    roles: POLICIES.statistics.read,
    menu: { key: 'statistics', icon: <BarChartOutlined />, labelKey: 'statistics:menu', roles: POLICIES.statistics.menu },
  },
  {
    path: '/statistics/suggestions',
    element: lazy(() => import('../features/suggestionStatistics/pages/SuggestionStatisticsPage')),
    // The same roles as the opinions' figures (server: suggestionStatistics.policy.ts).
    roles: POLICIES.statistics.read,
    menu: {
      key: 'suggestionStatistics',
      icon: <PieChartOutlined />,
      labelKey: 'suggestionStatistics:menu',
      roles: POLICIES.statistics.menu,
    },
  },
  {
    path: '/deputies',
    element: lazy(() => import('../features/deputies/pages/DeputyListPage')),
    menu: { key: 'deputies', icon: <TeamOutlined />, labelKey: 'deputies:menu', roles: POLICIES.deputies.list },
  },
  {
    path: '/deputies/new',
    element: lazy(() => import('../features/deputies/pages/DeputyFormPage')),
    roles: POLICIES.deputies.create,
  },
  {
    path: '/deputies/import',
    element: lazy(() => import('../features/deputies/pages/DeputyImportPage')),
    roles: POLICIES.deputies.import,
  },
  {
    path: '/deputies/:id',
    element: lazy(() => import('../features/deputies/pages/DeputyDetailPage')),
    roles: POLICIES.deputies.read,
  },
  {
    path: '/deputies/:id/edit',
    element: lazy(() => import('../features/deputies/pages/DeputyFormPage')),
    roles: POLICIES.deputies.update,
  },
  {
    path: '/stations',
    element: lazy(() => import('../features/stations/pages/StationListPage')),
    menu: { key: 'stations', icon: <ShopOutlined />, labelKey: 'stations:menu', roles: POLICIES.stations.read },
  },
  {
    path: '/stations/new',
    element: lazy(() => import('../features/stations/pages/StationFormPage')),
    roles: POLICIES.stations.write,
  },
  {
    path: '/stations/:id',
    element: lazy(() => import('../features/stations/pages/StationDetailPage')),
    roles: POLICIES.stations.read,
  },
  {
    path: '/stations/:id/edit',
    element: lazy(() => import('../features/stations/pages/StationFormPage')),
    roles: POLICIES.stations.write,
  },
  // The printable contact card: outside the console layout, so only the card prints.
  {
    path: '/stations/:id/card',
    element: lazy(() => import('../features/stations/pages/StationCardPage')),
    roles: POLICIES.stations.read,
    bare: true,
  },
  {
    path: '/regions',
    element: lazy(() => import('../features/regions/pages/RegionBrowserPage')),
    menu: { key: 'regions', icon: <EnvironmentOutlined />, labelKey: 'regions:menu', roles: POLICIES.regions.read },
  },
  {
    path: '/organizations',
    element: lazy(() => import('../features/organizations/pages/OrganizationListPage')),
    menu: {
      key: 'organizations',
      icon: <ApartmentOutlined />,
      labelKey: 'organizations:menu',
      roles: POLICIES.organizations.read,
    },
  },
  {
    path: '/organizations/new',
    element: lazy(() => import('../features/organizations/pages/OrganizationFormPage')),
    roles: POLICIES.organizations.write,
  },
  {
    path: '/organizations/:id',
    element: lazy(() => import('../features/organizations/pages/OrganizationDetailPage')),
    roles: POLICIES.organizations.read,
  },
  {
    path: '/organizations/:id/edit',
    element: lazy(() => import('../features/organizations/pages/OrganizationFormPage')),
    roles: POLICIES.organizations.write,
  },
  {
    path: '/users',
    element: lazy(() => import('../features/users/pages/UserListPage')),
    menu: { key: 'users', icon: <UserOutlined />, labelKey: 'users:menu.users', roles: POLICIES.users.list },
  },
  {
    path: '/users/:id',
    element: lazy(() => import('../features/users/pages/UserDetailPage')),
    roles: POLICIES.users.read,
  },
  {
    path: '/roles',
    element: lazy(() => import('../features/users/pages/RoleCatalogPage')),
    menu: { key: 'roles', icon: <SafetyCertificateOutlined />, labelKey: 'users:menu.roles', roles: POLICIES.users.list },
  },
  {
    path: '/audit',
    element: lazy(() => import('../features/audit/pages/AuditTrailPage')),
    menu: { key: 'audit', icon: <AuditOutlined />, labelKey: 'audit:menu', roles: POLICIES.audit.list },
  },
];
