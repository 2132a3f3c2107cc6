import { type AppInstance, ErrorResponse } from '../../platform/http.js';
import { deputyAccess } from './deputies.policy.js';
import { lookupPersons } from './personLookup.repo.js';
import { PersonLookupList, PersonLookupQuery } from './personLookup.schema.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** The person picker of the account forms: names only, for the administrators who link deputy accounts. */
export async function personLookupRoutes(app: AppInstance): Promise<void> {
  const { db, crypto } = app.deps;
  app.get(
    '/persons/lookup',
    {
      config: { access: deputyAccess.lookupPersons },
      schema: {
        tags: ['deputies'],
        summary:
          '查找代表本人（仅姓名与任职，供关联代表账号） Find a deputy in person: names and mandates only, to link an account',
        querystring: PersonLookupQuery,
        response: { 200: PersonLookupList, ...errors },
      },
    },
    async (req) => lookupPersons(db, req.user!, req.query, crypto),
  );
}
