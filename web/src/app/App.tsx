import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { ApiError } from '../lib/api';
import { AuthProvider, FullPageSpin, RequireAuth, useAuth } from '../lib/auth';
import { hasRole } from '../lib/policies';
import { ConsoleLayout } from './Layout';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { type AppRoute, ROUTES } from './routes';
import { ForbiddenPage, NotFoundPage } from './StatusPages';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Asking again will not turn a 4xx into a success; network trouble may pass.
      retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
    },
  },
});

function RoleGate({ route, children }: { route: AppRoute; children: ReactNode }) {
  const { me } = useAuth();
  return hasRole(me, route.roles ?? route.menu?.roles) ? children : <ForbiddenPage />;
}

function PageBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return <RouteErrorBoundary resetKey={location.pathname}>{children}</RouteErrorBoundary>;
}

function page(route: AppRoute) {
  const Page = route.element;
  const body = (
    <PageBoundary>
      <Suspense fallback={<FullPageSpin />}>
        <Page />
      </Suspense>
    </PageBoundary>
  );
  if (route.public) return body;
  return (
    <RequireAuth>
      <RoleGate route={route}>{body}</RoleGate>
    </RequireAuth>
  );
}

function Localized({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 6 } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Localized>
        <BrowserRouter>
          <AuthProvider>
            <Routes>
              {ROUTES.filter((r) => r.bare).map((r) => (
                <Route key={r.path} path={r.path} element={page(r)} />
              ))}
              <Route
                element={
                  <RequireAuth>
                    <ConsoleLayout />
                  </RequireAuth>
                }
              >
                {ROUTES.filter((r) => !r.bare).map((r) => (
                  <Route key={r.path} path={r.path} element={page(r)} />
                ))}
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </AuthProvider>
        </BrowserRouter>
      </Localized>
    </QueryClientProvider>
  );
}
