import type { TemplateVars } from './notify.tables.js';

/**
 * Templates are plain text with {{name}} placeholders — deliberately no logic, so an administrator
 * can edit them safely and every placeholder can be checked against the event's declared variables.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The distinct variable names a template text uses, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/**
 * Braces that do not form a valid placeholder ({{ name }, {{1x}}, {{}}, {{name}}}) — a typo the editor
 * should hear about. Single braces stay allowed: an email's CSS needs them.
 */
export function hasMalformedPlaceholder(text: string): boolean {
  if (/\{\{\{|\}\}\}/.test(text)) return true;
  const rest = text.replace(PLACEHOLDER, '');
  return rest.includes('{{') || rest.includes('}}');
}

export class MissingVariableError extends Error {
  constructor(readonly variable: string) {
    super(`The template uses {{${variable}}} but the event gave no value for it`);
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);

/**
 * Replaces each placeholder with its value. Email bodies are HTML written by an administrator, so
 * their values are escaped: what a constituent typed can never become markup in someone's mailbox.
 */
export function render(text: string, vars: TemplateVars, opts: { html?: boolean } = {}): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    if (value === undefined || value === null) throw new MissingVariableError(name);
    const s = String(value);
    return opts.html ? escapeHtml(s) : s;
  });
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The plain-text alternative of an email: mail clients that show no HTML, and spam filters, want one. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => HTML_ENTITIES[e] as string)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
