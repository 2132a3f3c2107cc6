import type { Access, Role } from '../../platform/auth/roles.js';

/** Everyone who works with deadlines may read the calendar; the system administrator keeps it. */
export const calendarAccess = {
  read: 'authenticated',
  write: ['sysadmin'],
} satisfies Record<string, Access | readonly Role[]>;
