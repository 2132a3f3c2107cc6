import {
  LockOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, type MenuProps, Segmented, Tag, Typography, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from '../lib/auth';
import { type Language, setLanguage } from '../lib/i18n';
import { hasRole } from '../lib/policies';
import { ROUTES } from './routes';

const { Header, Sider, Content } = Layout;
const COLLAPSE_KEY = 'lianluo.siderCollapsed';

/** The menu entry a path belongs to: the longest menu path that prefixes it ('/' only for '/'). */
function selectedKey(pathname: string): string | undefined {
  let best: { key: string; len: number } | undefined;
  for (const r of ROUTES) {
    if (!r.menu) continue;
    const match = r.path === '/' ? pathname === '/' : pathname === r.path || pathname.startsWith(`${r.path}/`);
    if (match && (!best || r.path.length > best.len)) best = { key: r.menu.key, len: r.path.length };
  }
  return best?.key;
}

function Brand({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      <span
        aria-hidden
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          width: 28,
          height: 28,
          borderRadius: 6,
          background: '#b71c1c',
          color: '#fff',
          fontWeight: 700,
          flex: 'none',
        }}
      >
        联
      </span>
      <Typography.Text strong style={{ fontSize: 18, whiteSpace: 'nowrap' }}>
        {t('app.name')}
      </Typography.Text>
      {!compact && (
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 13 }}>
          {t('app.fullName')}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function ConsoleLayout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const phone = !screens.md;
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === '1');
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items = useMemo<MenuProps['items']>(
    () =>
      ROUTES.filter((r) => r.menu && hasRole(me, r.menu.roles)).map((r) => ({
        key: r.menu!.key,
        icon: r.menu!.icon,
        label: t(r.menu!.labelKey),
        onClick: () => {
          setDrawerOpen(false);
          void navigate(r.path);
        },
      })),
    [me, t, navigate],
  );
  const current = selectedKey(location.pathname);
  const menu = <Menu mode="inline" items={items} selectedKeys={current ? [current] : []} style={{ borderInlineEnd: 0 }} />;

  const toggle = () => {
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSE_KEY, c ? '0' : '1');
      return !c;
    });
  };

  const region = me.regionName ?? (me.regionCode ? me.regionCode : t('app.wholeCountry'));
  const userMenu: MenuProps = {
    items: [
      {
        key: 'who',
        disabled: true,
        label: (
          <Flex vertical style={{ color: token.colorText }}>
            <span>
              {me.displayName} <Typography.Text type="secondary">({me.username})</Typography.Text>
            </span>
            <span>
              <Tag color="red" style={{ marginInlineEnd: 4 }}>
                {t(`roles.${me.role}`)}
              </Tag>
              <Typography.Text type="secondary">{region}</Typography.Text>
            </span>
          </Flex>
        ),
      },
      { type: 'divider' },
      { key: 'password', icon: <LockOutlined />, label: t('app.changePassword'), onClick: () => navigate('/change-password') },
      { key: 'logout', icon: <LogoutOutlined />, label: t('app.logout'), danger: true, onClick: () => void logout() },
    ],
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Sider
          collapsible
          collapsed={collapsed}
          trigger={null}
          width={216}
          theme="light"
          style={{
            borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
          }}
        >
          <Flex align="center" justify="center" style={{ height: 56, paddingInline: 16 }}>
            {collapsed ? (
              <Typography.Text strong style={{ fontSize: 18 }}>
                {t('app.name')}
              </Typography.Text>
            ) : (
              <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
                {t('app.console')}
              </Typography.Text>
            )}
          </Flex>
          {menu}
        </Sider>
      )}
      {phone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={<Brand compact />}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            height: 56,
            paddingInline: phone ? 12 : 20,
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            lineHeight: 'normal',
          }}
        >
          <Button
            type="text"
            aria-label={t('app.toggleMenu')}
            icon={phone ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={phone ? () => setDrawerOpen(true) : toggle}
          />
          <div style={{ flex: 1, minWidth: 0, overflow: 'hidden' }}>
            <Brand compact={!screens.lg} />
          </div>
          <Segmented<Language>
            size="small"
            value={i18n.language === 'en' ? 'en' : 'zh-CN'}
            onChange={setLanguage}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'EN', value: 'en' },
            ]}
            aria-label={t('app.language')}
          />
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button type="text" icon={<UserOutlined />} style={{ maxWidth: phone ? 44 : 320 }}>
              {!phone && (
                <Flex gap={6} align="center" style={{ minWidth: 0 }}>
                  <Typography.Text ellipsis style={{ maxWidth: 120 }}>
                    {me.displayName}
                  </Typography.Text>
                  {screens.lg && (
                    <>
                      <Tag color="red" style={{ marginInlineEnd: 0 }}>
                        {t(`roles.${me.role}`)}
                      </Tag>
                      <Typography.Text type="secondary" ellipsis style={{ maxWidth: 120 }}>
                        {region}
                      </Typography.Text>
                    </>
                  )}
                </Flex>
              )}
            </Button>
          </Dropdown>
        </Header>
        <Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
