// The notifications platform: what modules and the server use.
export { declareTemplateKey, type TemplateKeyDefinition, templateKeyDefinition, templateKeys } from './catalog.js';
export { type DispatchResult, runOutboxOnce } from './dispatch.js';
export {
  CHANNELS,
  type Channel,
  NOTIFICATION_STATUSES,
  type NotificationStatus,
  TEMPLATE_LOCALES,
  type TemplateLocale,
} from './notify.tables.js';
export * from './providers/index.js';
export { MAX_SEND_ATTEMPTS, runNotificationsOnce, type SendResult } from './send.js';
export { afterCommitSend, NOTIFY_QUEUE, registerNotificationWorkers } from './workers.js';
