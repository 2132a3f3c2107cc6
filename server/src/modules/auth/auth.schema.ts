import { z } from 'zod';
import { meetsPasswordPolicy, PASSWORD_POLICY_MESSAGE } from '../../platform/auth/password.js';
import { ROLES } from '../../platform/auth/roles.js';
import { tr } from '../../platform/i18n.js';

export const LoginBody = z.object({
  username: z
    .string()
    .trim()
    .min(1, tr('请输入用户名', 'Enter the username'))
    .max(64, tr('用户名过长', 'The username is too long')),
  password: z.string().min(1, tr('请输入密码', 'Enter the password')).max(128, tr('密码过长', 'The password is too long')),
});

export const NewPassword = z.string().refine(meetsPasswordPolicy, PASSWORD_POLICY_MESSAGE);

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, tr('请输入当前密码', 'Enter the current password')).max(128),
  newPassword: NewPassword,
});

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  organizationId: z.string().nullable(),
  stationId: z.string().nullable(),
  personId: z.string().nullable(),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;
