import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../../platform/auth/plugin.js';
import { contextOf } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { type AppInstance, ErrorResponse, IdParams } from '../../platform/http.js';
import { correctCoordinationMeeting, deleteCoordinationMeeting } from './commands/changeCoordinationMeeting.js';
import { createSupervisionTopic } from './commands/createSupervisionTopic.js';
import { markKeySuggestion, unmarkKeySuggestion } from './commands/markKeySuggestion.js';
import { recordCoordinationMeeting } from './commands/recordCoordinationMeeting.js';
import { reportProgress } from './commands/reportProgress.js';
import { updateSupervisionTopic } from './commands/updateSupervisionTopic.js';
import { urgeAssignment } from './commands/urgeAssignment.js';
import { nowOf } from './suggestions.deps.js';
import { findMeeting, meetingParts, meetingsFor } from './suggestions.meetings.repo.js';
import { assertSupervises, isSupervisor, supervisionAccess } from './suggestions.supervision.policy.js';
import {
  keyItemOf,
  keyItemsFor,
  reportViews,
  supervisorsFor,
  topicDetail,
  topicItems,
  topicsFor,
  urgingsFor,
  visibleSuggestion,
} from './suggestions.supervision.read.js';
import { findKeyItem, findTopic, listProgressReports } from './suggestions.supervision.repo.js';
import {
  Deleted,
  KeyItemList,
  KeyItemQuery,
  KeyMarkBody,
  MeetingBody,
  MeetingList,
  MeetingQuery,
  MeetingView,
  ProgressBody,
  ProgressReportList,
  ProgressReportView,
  SupervisionView,
  SupervisorList,
  SupervisorQuery,
  TopicBody,
  TopicEditBody,
  TopicItem,
  TopicList,
  TopicQuery,
  TopicView,
  UrgeBody,
  UrgingList,
  UrgingQuery,
  UrgingView,
} from './suggestions.supervision.schema.js';
import { registerSupervisionSubscribers } from './suggestions.supervision.subscribers.js';

const tags = ['suggestion supervision'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** The single view a just-written row gives; its absence is a bug, not a client error. */
const one = <T>(xs: readonly T[]): T => {
  const [x] = xs;
  if (x === undefined) throw new Error('the row just written is missing');
  return x;
};

const userOf = (req: FastifyRequest) => {
  if (!req.user) throw unauthenticated();
  return req.user;
};

/**
 * Key supervision of suggestions (issue 4, item 7): topics, key items and the leader's list of them,
 * progress reports, urging notices to units, and the coordination meetings of "为代表办实事".
 */
export async function suggestionSupervisionRoutes(app: AppInstance): Promise<void> {
  const deps = app.deps;
  const { db } = deps;
  const now = () => nowOf(deps);
  registerSupervisionSubscribers();

  /** The suggestion's supervision as the supervising side sees it. */
  const supervisionOf = async (suggestionId: string) => {
    const [key, reports] = await Promise.all([keyItemOf(db, suggestionId, now()), listProgressReports(db, suggestionId, null)]);
    return { suggestionId, key, reports: await reportViews(db, reports) };
  };

  app.get(
    '/suggestion-supervision-topics',
    {
      config: { access: supervisionAccess.supervise },
      schema: {
        tags,
        summary: '督办专题 Supervision topics of a year',
        querystring: TopicQuery,
        response: { 200: TopicList, ...errors },
      },
    },
    async (req) => ({ items: await topicsFor(db, userOf(req), req.query) }),
  );

  app.post(
    '/suggestion-supervision-topics',
    {
      config: { access: supervisionAccess.supervise },
      schema: { tags, summary: '新建督办专题 Create a topic', body: TopicBody, response: { 201: TopicItem, ...errors } },
    },
    async (req, reply) => {
      const topic = await createSupervisionTopic(deps, contextOf(req), req.body);
      return reply.status(201).send(one(await topicItems(db, [{ ...topic, itemCount: 0 }])));
    },
  );

  app.get(
    '/suggestion-supervision-topics/:id',
    {
      config: { access: supervisionAccess.supervise },
      schema: {
        tags,
        summary: '督办专题及其建议 A topic with its key items',
        params: IdParams,
        response: { 200: TopicView, ...errors },
      },
    },
    async (req) => {
      const user = userOf(req);
      const topic = await findTopic(db, req.params.id);
      if (!topic) throw notFound('督办专题', 'Supervision topic');
      assertSupervises(user, topic.regionCode);
      return topicDetail(db, user, topic, now());
    },
  );

  app.patch(
    '/suggestion-supervision-topics/:id',
    {
      config: { access: supervisionAccess.supervise },
      schema: {
        tags,
        summary: '修改督办专题 Edit a topic',
        params: IdParams,
        body: TopicEditBody,
        response: { 200: TopicItem, ...errors },
      },
    },
    async (req) => {
      const topic = await updateSupervisionTopic(deps, contextOf(req), req.params.id, req.body);
      const detail = await topicDetail(db, userOf(req), topic, now());
      const { items: _items, ...item } = detail;
      return item;
    },
  );

  app.get(
    '/suggestion-supervisors',
    {
      config: { access: supervisionAccess.supervise },
      schema: {
        tags,
        summary: '可选的督办领导和专门委员会 Leaders and special committees who may supervise a topic',
        querystring: SupervisorQuery,
        response: { 200: SupervisorList, ...errors },
      },
    },
    async (req) => supervisorsFor(db, userOf(req), req.query),
  );

  app.get(
    '/suggestion-key-items',
    {
      config: { access: supervisionAccess.supervise },
      schema: {
        tags,
        summary: '重点督办建议及进展 Key items with their progress (the leader workbench: mine=true)',
        querystring: KeyItemQuery,
        response: { 200: KeyItemList, ...errors },
      },
    },
    async (req) => {
      const items = await keyItemsFor(db, userOf(req), req.query, now());
      return { items, total: items.length };
    },
  );

  app.get(
    '/suggestions/:id/supervision',
    {
      config: { access: supervisionAccess.supervise },
      schema: {
        tags,
        summary: '建议的督办情况 Key item, progress reports',
        params: IdParams,
        response: { 200: SupervisionView, ...errors },
      },
    },
    async (req) => {
      const row = await visibleSuggestion(db, userOf(req), req.params.id);
      return supervisionOf(row.id);
    },
  );

  app.put(
    '/suggestions/:id/key-supervision',
    {
      config: { access: supervisionAccess.supervise },
      schema: {
        tags,
        summary: '列为重点督办（或修改专题） Mark as a key item, or change its topic',
        params: IdParams,
        body: KeyMarkBody,
        response: { 200: SupervisionView, ...errors },
      },
    },
    async (req) => {
      await markKeySuggestion(deps, contextOf(req), req.params.id, req.body);
      return supervisionOf(req.params.id);
    },
  );

  app.delete(
    '/suggestions/:id/key-supervision',
    {
      config: { access: supervisionAccess.supervise },
      schema: {
        tags,
        summary: '取消重点督办 Take off the key items',
        params: IdParams,
        response: { 200: SupervisionView, ...errors },
      },
    },
    async (req) => {
      await unmarkKeySuggestion(deps, contextOf(req), req.params.id);
      return supervisionOf(req.params.id);
    },
  );

  app.get(
    '/suggestions/:id/progress-reports',
    {
      config: { access: supervisionAccess.unitFacing },
      schema: {
        tags,
        summary: '督办进展 Progress reports (a unit sees its own)',
        params: IdParams,
        response: { 200: ProgressReportList, ...errors },
      },
    },
    async (req) => {
      const user = userOf(req);
      const row = await visibleSuggestion(db, user, req.params.id);
      const unitId = isSupervisor(user) ? null : (user.organizationId ?? '00000000-0000-0000-0000-000000000000');
      const [reports, key] = await Promise.all([listProgressReports(db, row.id, unitId), findKeyItem(db, row.id)]);
      return { items: await reportViews(db, reports), keyItem: key !== undefined };
    },
  );

  app.post(
    '/suggestions/:id/progress-reports',
    {
      config: { access: supervisionAccess.unitFacing },
      schema: {
        tags,
        summary: '报送督办进展 Report progress on a key item',
        params: IdParams,
        body: ProgressBody,
        response: { 201: ProgressReportView, ...errors },
      },
    },
    async (req, reply) => {
      const report = await reportProgress(deps, contextOf(req), req.params.id, req.body);
      return reply.status(201).send(one(await reportViews(db, [report])));
    },
  );

  app.post(
    '/suggestions/:id/urgings',
    {
      config: { access: supervisionAccess.supervise },
      schema: {
        tags,
        summary: '催办承办单位 Urge a unit on its assignment (in-app and SMS)',
        params: IdParams,
        body: UrgeBody,
        response: { 201: UrgingView, ...errors },
      },
    },
    async (req, reply) => {
      const { urging } = await urgeAssignment(deps, contextOf(req), req.params.id, req.body);
      const { items } = await urgingsFor(db, userOf(req), { urgingId: urging.id, page: 1, pageSize: 1 });
      return reply.status(201).send(one(items));
    },
  );

  app.get(
    '/suggestion-urgings',
    {
      config: { access: supervisionAccess.unitFacing },
      schema: {
        tags,
        summary: '催办记录 Urgings (a unit sees those addressed to it)',
        querystring: UrgingQuery,
        response: { 200: UrgingList, ...errors },
      },
    },
    async (req) => urgingsFor(db, userOf(req), req.query),
  );

  const meetingView = async (id: string) => {
    const meeting = await findMeeting(db, id);
    if (!meeting) throw notFound('协调会', 'Coordination meeting');
    return { meeting, view: { ...meeting, createdAt: meeting.createdAt.toISOString(), ...(await meetingParts(db, id)) } };
  };

  app.post(
    '/suggestion-coordination-meetings',
    {
      config: { access: supervisionAccess.supervise },
      schema: {
        tags,
        summary: '记录“为代表办实事”协调会 Record a coordination meeting',
        body: MeetingBody,
        response: { 201: MeetingView, ...errors },
      },
    },
    async (req, reply) => {
      const meeting = await recordCoordinationMeeting(deps, contextOf(req), req.body);
      return reply.status(201).send((await meetingView(meeting.id)).view);
    },
  );

  app.put(
    '/suggestion-coordination-meetings/:id',
    {
      config: { access: supervisionAccess.supervise },
      schema: {
        tags,
        summary: '更正协调会记录 Correct a coordination meeting',
        description: 'The whole meeting as it should stand: the same body as recording it, of the same congress.',
        params: IdParams,
        body: MeetingBody,
        response: { 200: MeetingView, ...errors },
      },
    },
    async (req) => {
      const meeting = await correctCoordinationMeeting(deps, contextOf(req), req.params.id, req.body);
      return (await meetingView(meeting.id)).view;
    },
  );

  app.delete(
    '/suggestion-coordination-meetings/:id',
    {
      config: { access: supervisionAccess.supervise },
      schema: {
        tags,
        summary: '删除协调会记录 Delete a coordination meeting recorded by mistake',
        params: IdParams,
        response: { 200: Deleted, ...errors },
      },
    },
    async (req) => {
      await deleteCoordinationMeeting(deps, contextOf(req), req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  );

  app.get(
    '/suggestion-coordination-meetings',
    {
      config: { access: supervisionAccess.supervise },
      schema: {
        tags,
        summary: '协调会 Coordination meetings',
        querystring: MeetingQuery,
        response: { 200: MeetingList, ...errors },
      },
    },
    async (req) => {
      const rows = await meetingsFor(db, userOf(req).regionCode, req.query);
      return {
        items: rows.map((r) => ({
          ...r.meeting,
          createdAt: r.meeting.createdAt.toISOString(),
          problemCount: r.problemCount,
          suggestionCount: r.suggestionCount,
        })),
      };
    },
  );

  app.get(
    '/suggestion-coordination-meetings/:id',
    {
      config: { access: supervisionAccess.supervise },
      schema: { tags, summary: '协调会详情 A coordination meeting', params: IdParams, response: { 200: MeetingView, ...errors } },
    },
    async (req) => {
      const { meeting, view } = await meetingView(req.params.id);
      assertSupervises(userOf(req), meeting.regionCode);
      return view;
    },
  );
}
