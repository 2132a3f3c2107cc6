import { contextOf } from '../../platform/context.js';
import { ErrorResponse, IdParams } from '../../platform/http.js';
import type { ModuleManifest } from '../index.js';
import { changeRole } from './commands/changeRole.js';
import { createUser } from './commands/createUser.js';
import { resetPassword } from './commands/resetPassword.js';
import { unlockUser } from './commands/unlockUser.js';
import { updateUser } from './commands/updateUser.js';
import { assertManages, ROLE_CATALOG, usersAccess } from './users.policy.js';
import { findUserDetail, listUsers } from './users.repo.js';
import { actorContext, userNotFound } from './users.rules.js';
import {
  ChangeRoleBody,
  CreateUserBody,
  RoleCatalog,
  UpdateUserBody,
  UserDetail,
  UserList,
  UserQuery,
  UserWithPassword,
} from './users.schema.js';

const tags = ['users'];

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const usersModule: ModuleManifest = {
  name: 'users',
  routes: async (app) => {
    const { db } = app.deps;

    const detailOf = async (id: string) => {
      const user = await findUserDetail(db, id);
      if (!user) throw userNotFound();
      return user;
    };

    app.get(
      '/users',
      {
        config: { access: usersAccess.list },
        schema: { tags, summary: '账号列表 Accounts', querystring: UserQuery, response: { 200: UserList, ...errors } },
      },
      async (req) => listUsers(db, actorContext(contextOf(req)).user, req.query),
    );

    app.get(
      '/users/:id',
      {
        config: { access: usersAccess.read },
        schema: { tags, summary: '账号详情 An account', params: IdParams, response: { 200: UserDetail, ...errors } },
      },
      async (req) => {
        const ctx = actorContext(contextOf(req));
        const user = await detailOf(req.params.id);
        assertManages(ctx.user, user);
        return user;
      },
    );

    app.post(
      '/users',
      {
        config: { access: usersAccess.create },
        schema: {
          tags,
          summary: '创建业务账号（返回一次性初始密码） Create a business account; its generated password is shown once',
          body: CreateUserBody,
          response: { 201: UserWithPassword, ...errors },
        },
      },
      async (req, reply) => {
        const { userId, password } = await createUser(db, actorContext(contextOf(req)), req.body);
        reply.header('cache-control', 'no-store').status(201);
        return { user: await detailOf(userId), password };
      },
    );

    app.patch(
      '/users/:id',
      {
        config: { access: usersAccess.update },
        schema: {
          tags,
          summary: '修改账号（姓名、电话、启用/停用） Edit an account: name, phone, status',
          params: IdParams,
          body: UpdateUserBody,
          response: { 200: UserDetail, ...errors },
        },
      },
      async (req) => {
        await updateUser(db, actorContext(contextOf(req)), req.params.id, req.body);
        return detailOf(req.params.id);
      },
    );

    app.post(
      '/users/:id/reset-password',
      {
        config: { access: usersAccess.resetPassword },
        schema: {
          tags,
          summary: '重置密码（返回一次性密码） Reset the password; the new one is shown once',
          params: IdParams,
          response: { 200: UserWithPassword, ...errors },
        },
      },
      async (req, reply) => {
        const { password } = await resetPassword(db, actorContext(contextOf(req)), req.params.id);
        reply.header('cache-control', 'no-store');
        return { user: await detailOf(req.params.id), password };
      },
    );

    app.put(
      '/users/:id/role',
      {
        config: { access: usersAccess.changeRole },
        schema: {
          tags,
          summary: '变更角色与管辖范围 Change the role and scope',
          params: IdParams,
          body: ChangeRoleBody,
          response: { 200: UserDetail, ...errors },
        },
      },
      async (req) => {
        await changeRole(db, actorContext(contextOf(req)), req.params.id, req.body);
        return detailOf(req.params.id);
      },
    );

    app.post(
      '/users/:id/unlock',
      {
        config: { access: usersAccess.unlock },
        schema: { tags, summary: '解除锁定 Unlock an account', params: IdParams, response: { 200: UserDetail, ...errors } },
      },
      async (req) => {
        await unlockUser(db, actorContext(contextOf(req)), req.params.id);
        return detailOf(req.params.id);
      },
    );

    app.get(
      '/roles',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: '角色目录 The roles and what each may do', response: { 200: RoleCatalog, 401: ErrorResponse } },
      },
      async () => ({ items: [...ROLE_CATALOG], total: ROLE_CATALOG.length }),
    );
  },
};
