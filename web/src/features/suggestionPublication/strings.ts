import i18n from '../../lib/i18n';
import '../suggestions/strings';
import en from './i18n.en';
import zh from './i18n.zh';

// Imported for its effect by the page and its parts (they are loaded lazily). The suggestions'
// strings come along for the suggestion picker's state labels.
i18n.addResourceBundle('zh-CN', 'suggestionPublication', zh, true, true);
i18n.addResourceBundle('en', 'suggestionPublication', en, true, true);
