import { FontSizeOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, type ThemeConfig } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import i18n, { setLanguage } from '../../../lib/i18n';
import strings from '../i18n';
import { setLargeText, useLargeText } from '../lib/prefs';
import './portal.css';

// The portal's strings load with the portal, not with the console's first page.
i18n.addResourceBundle('zh-CN', 'portal', strings.zh, true, true);
i18n.addResourceBundle('en', 'portal', strings.en, true, true);

/**
 * Sizes for phones held by older hands: 16 px text and 44 px controls by default, 21 px text and
 * 52 px controls in 大字模式. Secondary text darker than Ant Design's default for contrast in sunlight.
 */
function themeOf(large: boolean): ThemeConfig {
  return {
    token: {
      fontSize: large ? 21 : 16,
      controlHeight: large ? 52 : 44,
      controlHeightLG: large ? 60 : 52,
      controlHeightSM: large ? 40 : 32,
      controlInteractiveSize: large ? 24 : 20,
      // Ant Design's blue links fall short of 4.5:1 on the grey page; the primary red does not.
      colorLink: '#b71c1c',
      // Ant Design's default error red is too light for small text (3.3:1); red-7 reads at 5.6:1.
      colorError: '#cf1322',
      colorTextSecondary: 'rgba(0, 0, 0, 0.72)',
      colorTextDescription: 'rgba(0, 0, 0, 0.68)',
      colorTextPlaceholder: 'rgba(0, 0, 0, 0.5)',
      borderRadius: 8,
    },
    components: {
      Radio: { radioSize: large ? 24 : 20, dotSize: large ? 12 : 10 },
      Steps: { iconSize: large ? 36 : 30 },
    },
  };
}

/** Sets the browser tab's title for the page shown. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}

/** The frame of every public page: a plain header with the large-text and language switches, one narrow column. */
export function PortalShell({ children }: { children: ReactNode }) {
  const { t, i18n: current } = useTranslation('portal');
  const large = useLargeText();
  const english = current.language === 'en';

  return (
    <div className={large ? 'lp-root lp-large' : 'lp-root'}>
      {/* No space inserted between two Chinese characters: "教育" on a chip must read as the word it is. */}
      <ConfigProvider theme={themeOf(large)} button={{ autoInsertSpace: false }}>
        <header className="lp-bar">
          <div className="lp-bar-inner">
            <span className="lp-brand">{t('brand')}</span>
            <span className="lp-tools">
              <Button
                className="lp-tool"
                ghost
                icon={<FontSizeOutlined />}
                aria-pressed={large}
                title={large ? t('largeTextOn') : t('largeTextOff')}
                onClick={() => setLargeText(!large)}
              >
                {t('largeText')}
              </Button>
              <Button
                className="lp-tool"
                ghost
                icon={<GlobalOutlined />}
                title={t('language')}
                lang={english ? 'zh-CN' : 'en'}
                onClick={() => setLanguage(english ? 'zh-CN' : 'en')}
              >
                {english ? '中文' : 'EN'}
              </Button>
            </span>
          </div>
        </header>
        <main className="lp-main">{children}</main>
      </ConfigProvider>
    </div>
  );
}
