import type { FormInstance } from 'antd';
import { ApiError } from './api';

/**
 * Puts the server's validation messages (ApiError.issues, already in the user's language) on the
 * form fields they concern, and a business-rule error on its field when `fieldOfCode` names one.
 * Returns the messages that matched no field, to show above the form.
 */
export function applyServerErrors(
  form: FormInstance,
  err: unknown,
  /** Business-rule errors (no issues) that concern one field, by the server's error code. */
  fieldOfCode: Record<string, string> = {},
): string[] {
  if (!(err instanceof ApiError)) return [err instanceof Error ? err.message : String(err)];
  if (!err.issues?.length) {
    const field = fieldOfCode[err.code];
    if (field && isRegistered(form, [field])) {
      form.setFields([{ name: field, errors: [err.message] }]);
      return [];
    }
    return [err.message];
  }
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: string[] = [];
  for (const issue of err.issues) {
    const name = issue.path
      .split('.')
      .filter(Boolean)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const known = name.length > 0 && isRegistered(form, name);
    if (!known) {
      unmatched.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  return unmatched;
}

function isRegistered(form: FormInstance, name: (string | number)[]): boolean {
  const key = name.join('.');
  // getFieldsError() lists exactly the fields rendered in the form.
  return form.getFieldsError().some((f) => f.name.join('.') === key);
}
