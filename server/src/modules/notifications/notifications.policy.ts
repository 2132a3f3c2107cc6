import type { Access } from '../../platform/auth/roles.js';

/**
 * Everyone reads their own in-app messages. The system administrator keeps the delivery machinery
 * running — sees deliveries (masked, without their text), requeues dead ones, edits the templates —
 * but reads no one's messages.
 */
export const notificationsAccess = {
  messages: 'authenticated',
  deliveries: ['sysadmin'],
  retry: ['sysadmin'],
  templates: ['sysadmin'],
  editTemplate: ['sysadmin'],
} satisfies Record<string, Access>;
