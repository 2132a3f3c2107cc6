// Mirrors of the server's rules (users.schema.ts, platform/ids.ts), for messages before a round trip.
export const USERNAME_RE = /^[a-zA-Z0-9_.-]{3,32}$/;
export const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[0-9]{4,5}|400-?\d{3}-?\d{4})$/;
