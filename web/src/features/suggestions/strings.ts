import i18n from '../../lib/i18n';
import en from './i18n.en';
import zh from './i18n.zh';

// Imported for its effect by every page and card of the feature (they are loaded lazily): adds the
// feature's full strings to the `suggestions` namespace before any of them renders.
i18n.addResourceBundle('zh-CN', 'suggestions', zh, true, true);
i18n.addResourceBundle('en', 'suggestions', en, true, true);
