import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { unauthenticated } from '../../platform/auth/plugin.js';
import { contextOf } from '../../platform/context.js';
import { ErrorResponse, IdParams } from '../../platform/http.js';
import { localeOf } from '../../platform/i18n.js';
import { templateKeys } from '../../platform/notify/catalog.js';
import { afterCommitSend } from '../../platform/notify/workers.js';
import type { ModuleManifest } from '../index.js';
import { readAllMessages, readMessage } from './commands/readMessages.js';
import { retryNotification } from './commands/retryNotification.js';
import { updateTemplate } from './commands/updateTemplate.js';
import { notificationsAccess } from './notifications.policy.js';
import { presentDelivery, presentMessage, presentTemplate, presentTemplateKey } from './notifications.present.js';
import { listDeliveries, listMessages, listTemplates, unreadCount } from './notifications.repo.js';
import {
  DeliveryList,
  DeliveryQuery,
  MessageList,
  MessagesQuery,
  PutTemplateBody,
  ReadAllResult,
  ReadResult,
  Template,
  TemplateList,
  TemplateParams,
  TemplatesQuery,
} from './notifications.schema.js';

const userOf = (req: FastifyRequest) => {
  if (!req.user) throw unauthenticated();
  return req.user;
};

export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  routes: async (app) => {
    const { db } = app.deps;

    app.get(
      '/messages',
      {
        config: { access: notificationsAccess.messages },
        schema: {
          tags: ['messages'],
          summary: '我的消息 My in-app messages',
          querystring: MessagesQuery,
          response: { 200: MessageList, 400: ErrorResponse },
        },
      },
      async (req) => {
        const user = userOf(req);
        const [{ items, total }, unread] = await Promise.all([listMessages(db, user.id, req.query), unreadCount(db, user.id)]);
        return { items: items.map(presentMessage), total, unread };
      },
    );

    app.post(
      '/messages/read-all',
      {
        config: { access: notificationsAccess.messages },
        schema: { tags: ['messages'], summary: '全部标为已读 Mark all my messages read', response: { 200: ReadAllResult } },
      },
      async (req) => readAllMessages(db, userOf(req).id),
    );

    app.post(
      '/messages/:id/read',
      {
        config: { access: notificationsAccess.messages },
        schema: {
          tags: ['messages'],
          summary: '标为已读 Mark a message read',
          params: IdParams,
          response: { 200: ReadResult, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => readMessage(db, userOf(req).id, req.params.id),
    );

    app.get(
      '/notifications',
      {
        config: { access: notificationsAccess.deliveries },
        schema: {
          tags: ['notifications'],
          summary: '通知发送记录 Deliveries (SMS, email, in-app) with their status',
          querystring: DeliveryQuery,
          response: { 200: DeliveryList, 400: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (req) => {
        const { items, total } = await listDeliveries(db, userOf(req), req.query);
        return { items: items.map(presentDelivery), total };
      },
    );

    app.post(
      '/notifications/:id/retry',
      {
        config: { access: notificationsAccess.retry },
        schema: {
          tags: ['notifications'],
          summary: '重新发送 Requeue a dead or skipped delivery',
          params: IdParams,
          response: {
            200: z.object({ id: z.string(), status: z.string() }),
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (req) => {
        const done = await retryNotification(app.deps, contextOf(req), req.params.id);
        if (done.status === 'queued') await afterCommitSend(app.deps);
        return { id: done.id, status: done.status };
      },
    );

    app.get(
      '/notification-templates',
      {
        config: { access: notificationsAccess.templates },
        schema: {
          tags: ['notifications'],
          summary: '通知模板 Notification templates and the variables each event offers',
          querystring: TemplatesQuery,
          response: { 200: TemplateList, 400: ErrorResponse },
        },
      },
      async (req) => {
        const locale = localeOf(req);
        const rows = await listTemplates(db, req.query);
        return {
          items: rows.map((t) => presentTemplate(t, locale)),
          total: rows.length,
          keys: templateKeys().map((d) => presentTemplateKey(d, locale)),
        };
      },
    );

    app.put(
      '/notification-templates/:key/:channel/:locale',
      {
        config: { access: notificationsAccess.editTemplate },
        schema: {
          tags: ['notifications'],
          summary: '修改通知模板 Edit a template (placeholders are checked against the event’s variables)',
          params: TemplateParams,
          body: PutTemplateBody,
          response: { 200: Template, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => {
        const saved = await updateTemplate(db, contextOf(req), { ...req.params, ...req.body });
        return presentTemplate(saved, localeOf(req));
      },
    );
  },
};
