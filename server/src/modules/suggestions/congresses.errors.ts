import { badRequest, conflict, notFound } from '../../platform/errors.js';

export const congressNotFound = () => notFound('人大', 'Congress');
export const termNotFound = () => notFound('届次', 'Term');
export const sessionNotFound = () => notFound('会议', 'Session');

export const congressExists = (name: string) =>
  conflict('CONGRESS_EXISTS', { zh: `该行政区划已设有${name}`, en: `This region already has a congress: ${name}` });

export const termExists = (n: number) => conflict('TERM_EXISTS', { zh: `第${n}届已存在`, en: `Term ${n} already exists` });

export const sessionExists = (term: number, n: number) =>
  conflict('SESSION_EXISTS', { zh: `第${term}届第${n}次会议已存在`, en: `Session ${n} of term ${term} already exists` });

export const termsOverlap = (other: number) =>
  badRequest('TERMS_OVERLAP', { zh: `与第${other}届的任期重叠`, en: `It overlaps term ${other}` });

export const sessionsOverlap = (term: number, n: number) =>
  badRequest('SESSIONS_OVERLAP', {
    zh: `会议日期与第${term}届第${n}次会议重叠`,
    en: `The dates overlap session ${n} of term ${term}`,
  });
