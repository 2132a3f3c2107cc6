import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../../app.js';
import { recordAudit } from '../../../platform/audit.js';
import { type RequestContext, systemContext } from '../../../platform/context.js';
import { pgErrorCode } from '../../../platform/errors.js';
import { pinyinKeys } from '../../../platform/text.js';
import { toSessionUser } from '../../auth/commands/login.js';
import {
  findFile,
  insertMandates,
  insertPersons,
  mandateKeysOfPersons,
  type NewMandate,
  type NewPerson,
  personsByIdHashes,
  regionsByCodes,
  regionsUnder,
  updatePerson,
} from '../deputies.repo.js';
import { idNumberHash, sealIdNumber, sealPhone } from '../deputies.rules.js';
import type { ImportError, persons } from '../deputies.tables.js';
import {
  claimImport,
  type DeputyImportRow,
  failImport,
  findUser,
  finishImport,
  setImportProgress,
  setImportTotal,
} from '../deputyImports.repo.js';
import { RosterFileError, readRoster } from '../roster/readRoster.js';
import { ancestorCodes, RegionResolver } from '../roster/regionResolver.js';
import { type RosterRecord, validateRow } from '../roster/validateRow.js';
import { blanksToFill } from './createDeputy.js';

type PersonRow = typeof persons.$inferSelect;

/** Rows checked between two progress updates, and rows per INSERT statement. */
const CHUNK = 500;

interface Checked {
  good: (RosterRecord & { hash: string })[];
  errors: ImportError[];
  /** Persons already registered, by ID-number blind index. */
  existing: Map<string, PersonRow>;
}

/**
 * Runs a roster import: reads the file, checks every row (fields, region within the importer's
 * subtree, duplicates inside the file and against the registry), then stores all good rows in one
 * transaction — all of them or none — and records each bad row with its number, column and reason.
 */
export async function runDeputyImport(deps: Pick<AppDeps, 'db' | 'crypto'>, importId: string): Promise<void> {
  const { db } = deps;
  const imp = await claimImport(db, importId);
  if (!imp) return;
  try {
    const file = imp.fileId ? await findFile(db, imp.fileId) : undefined;
    if (!file) throw new RosterFileError({ zh: '导入文件已不存在', en: 'The uploaded file no longer exists' });
    const roster = await readRoster(file.content);
    if (roster.rows.length === 0) throw new RosterFileError({ zh: '名册中没有数据行', en: 'The roster has no data rows' });
    await setImportTotal(db, imp.id, roster.rows.length);
    const checked = await checkRows(deps, imp, roster.rows);
    await store(deps, imp, roster.rows.length, checked);
  } catch (err) {
    if (err instanceof RosterFileError) return failImport(db, imp.id, err.text);
    if (pgErrorCode(err) === '23505') {
      return failImport(db, imp.id, {
        zh: '导入期间有人同时登记了名册中的人员，请重新导入',
        en: 'Someone registered persons of this roster while it was importing; import it again',
      });
    }
    await failImport(db, imp.id, {
      zh: '导入时发生系统错误，请稍后重试',
      en: 'A system error stopped the import; try again later',
    });
    throw err;
  }
}

async function checkRows(
  deps: Pick<AppDeps, 'db' | 'crypto'>,
  imp: DeputyImportRow,
  rows: Awaited<ReturnType<typeof readRoster>>['rows'],
): Promise<Checked> {
  const { db, crypto } = deps;
  const scope = imp.regionCode;
  const ancestors = await regionsByCodes(db, ancestorCodes(scope));
  const resolver = new RegionResolver(await regionsUnder(db, scope), [...ancestors.values()]);
  const errors: ImportError[] = [];
  const good: Checked['good'] = [];
  const existing = new Map<string, PersonRow>();
  const existingMandates = new Set<string>();
  const firstRowOfPerson = new Map<string, RosterRecord>();
  const firstRowOfMandate = new Map<string, number>();
  const rowError = (row: number, zh: string, en: string) => errors.push({ row, column: '身份证号', message: zh, messageEn: en });

  for (let start = 0; start < rows.length; start += CHUNK) {
    const valid: (RosterRecord & { hash: string })[] = [];
    for (const raw of rows.slice(start, start + CHUNK)) {
      const { record, errors: rowErrors } = validateRow(raw, resolver);
      errors.push(...rowErrors);
      if (record) valid.push({ ...record, hash: idNumberHash(crypto, record.idNumber) });
    }
    const unseen = [...new Set(valid.map((r) => r.hash))].filter((h) => !firstRowOfPerson.has(h) && !existing.has(h));
    const found = await personsByIdHashes(db, unseen);
    for (const p of found) existing.set(p.idNumberHash!, p);
    for (const m of await mandateKeysOfPersons(
      db,
      found.map((p) => p.id),
    )) {
      existingMandates.add(`${m.personId}|${m.level}|${m.congressRegionCode}|${m.term}`);
    }
    for (const r of valid) {
      const registered = existing.get(r.hash);
      const first = firstRowOfPerson.get(r.hash);
      const mandateKey = `${r.hash}|${r.level}|${r.congressRegionCode}|${r.term}`;
      const sameMandateRow = firstRowOfMandate.get(mandateKey);
      if (sameMandateRow !== undefined) {
        rowError(
          r.row,
          `与第 ${sameMandateRow} 行重复（同一人、同级同届代表）`,
          `Duplicate of row ${sameMandateRow} (same person, level and term)`,
        );
      } else if (first && first.name !== r.name) {
        rowError(
          r.row,
          `身份证号与第 ${first.row} 行相同，但姓名不同`,
          `Same ID number as row ${first.row} but a different name`,
        );
      } else if (registered && registered.name !== r.name) {
        rowError(
          r.row,
          `该身份证号已登记为「${registered.name}」，与姓名不一致`,
          `This ID number is registered under another name (${registered.name})`,
        );
      } else if (registered && existingMandates.has(`${registered.id}|${r.level}|${r.congressRegionCode}|${r.term}`)) {
        rowError(
          r.row,
          '此人在该级人大的本届代表资格已登记',
          'This person already holds this mandate (level, congress and term)',
        );
      } else {
        good.push(r);
        if (!first) firstRowOfPerson.set(r.hash, r);
        firstRowOfMandate.set(mandateKey, r.row);
      }
    }
    await setImportProgress(db, imp.id, Math.min(start + CHUNK, rows.length));
  }
  errors.sort((a, b) => a.row - b.row);
  return { good, errors, existing };
}

async function store(deps: Pick<AppDeps, 'db' | 'crypto'>, imp: DeputyImportRow, totalRows: number, checked: Checked) {
  const { db, crypto } = deps;
  // Everything is encrypted and laid out before the transaction opens, so it stays short:
  // on the embedded database every other request waits for it.
  const personIdOf = new Map<string, string>();
  const newPersons: NewPerson[] = [];
  const fills: { id: string; values: Partial<NewPerson> }[] = [];
  for (const r of checked.good) {
    if (personIdOf.has(r.hash)) continue;
    const registered = checked.existing.get(r.hash);
    const values: NewPerson = {
      // New persons get their id here, so mandates can point at them without a round trip.
      id: registered?.id ?? randomUUID(),
      regionCode: r.regionCode,
      name: r.name,
      ...pinyinKeys(r.name),
      gender: r.gender,
      birthDate: r.birthDate,
      ethnicity: r.ethnicity,
      party: r.party,
      education: r.education,
      occupationCategory: r.occupationCategory,
      occupation: r.occupation,
      ...sealPhone(crypto, r.phone),
      ...sealIdNumber(crypto, r.idNumber),
    };
    personIdOf.set(r.hash, values.id!);
    if (!registered) newPersons.push(values);
    else {
      const fill = blanksToFill(registered, values);
      if (Object.keys(fill).length) fills.push({ id: registered.id, values: fill });
    }
  }
  const mandates: NewMandate[] = checked.good.map((r) => ({
    personId: personIdOf.get(r.hash)!,
    level: r.level,
    congressRegionCode: r.congressRegionCode,
    regionCode: r.regionCode,
    term: r.term,
    delegation: r.delegation,
    constituency: r.constituency,
    deputyGroup: r.deputyGroup,
    status: r.status,
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    statusChangedOn: r.statusChangedOn,
  }));
  const errorRows = new Set(checked.errors.map((e) => e.row)).size;
  const ctx = await importerContext(deps, imp);

  await db.transaction(async (tx) => {
    for (let i = 0; i < newPersons.length; i += CHUNK) await insertPersons(tx, newPersons.slice(i, i + CHUNK));
    for (const f of fills) await updatePerson(tx, f.id, f.values);
    for (let i = 0; i < mandates.length; i += CHUNK) await insertMandates(tx, mandates.slice(i, i + CHUNK));
    await finishImport(tx, imp.id, { totalRows, importedRows: mandates.length, errorRows, errors: checked.errors });
    await recordAudit(tx, ctx, {
      action: 'deputy.import',
      entityType: 'deputy_import',
      entityId: imp.id,
      regionCode: imp.regionCode || null,
      after: {
        filename: imp.filename,
        totalRows,
        importedRows: mandates.length,
        errorRows,
        newPersons: newPersons.length,
        matchedPersons: personIdOf.size - newPersons.length,
      },
    });
  });
}

/** The import is recorded as the act of the person who uploaded it. */
async function importerContext(deps: Pick<AppDeps, 'db'>, imp: DeputyImportRow): Promise<RequestContext> {
  const user = imp.createdBy ? await findUser(deps.db, imp.createdBy) : undefined;
  return user ? { user: toSessionUser(user), locale: 'zh' } : systemContext('deputy-import');
}
