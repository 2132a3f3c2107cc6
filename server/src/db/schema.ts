// Every table the app queries through drizzle; the SQL in server/migrations is the source of truth.
export * from '../modules/calendar/calendar.tables.js';
export * from '../modules/deputies/deputies.tables.js';
export * from '../modules/opinions/opinions.inbox.tables.js';
export * from '../modules/opinions/opinions.reminders.tables.js';
export * from '../modules/opinions/opinions.tables.js';
export * from '../modules/organizations/organizations.tables.js';
export * from '../modules/regions/regions.tables.js';
export * from '../modules/stations/stations.tables.js';
export * from '../modules/statistics/statistics.tables.js';
export * from '../modules/suggestions/suggestions.supervision.tables.js';
export * from '../platform/notify/notify.tables.js';
export * from '../platform/platform.tables.js';
