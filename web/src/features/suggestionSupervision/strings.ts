import i18n from '../../lib/i18n';
import '../suggestions/strings';
import en from './i18n.en';
import zh from './i18n.zh';

// Imported for its effect by every page and card of the feature (they are loaded lazily). The
// suggestions' strings come along because the key items show the suggestions' states and roles.
i18n.addResourceBundle('zh-CN', 'suggestionSupervision', zh, true, true);
i18n.addResourceBundle('en', 'suggestionSupervision', en, true, true);
