import { chinaDate } from '../../../platform/calendar/calendar.js';
import type { RequestContext } from '../../../platform/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors.js';
import type { SuggestionDeps } from '../suggestions.deps.js';
import { announce } from '../suggestions.events.js';
import { changeBeside } from '../suggestions.side.js';
import { assertSupervises, isSupervisor } from '../suggestions.supervision.policy.js';
import { findAssignment, findKeyItem, insertProgressReport, type ProgressReportRow } from '../suggestions.supervision.repo.js';

/**
 * A dated progress note on a key item: the supervising side (office, leader) reports on the whole,
 * a unit on its own assignment. Dates ahead of today are refused: a report says what has happened.
 */
export async function reportProgress(
  deps: SuggestionDeps,
  ctx: RequestContext,
  id: string,
  body: { reportedOn: string; text: string; assignmentId?: string | null },
): Promise<ProgressReportRow> {
  return changeBeside(deps, ctx, id, async ({ tx, row, now }) => {
    const user = ctx.user;
    if (!user) throw forbidden();
    if (body.reportedOn > chinaDate(now) || body.reportedOn < '2000-01-01') {
      throw badRequest('REPORT_DATE_INVALID', {
        zh: '进展日期不能晚于今天',
        en: 'The date of a progress report cannot be later than today',
      });
    }
    if (!(await findKeyItem(tx, row.id))) {
      throw conflict('NOT_KEY_ITEM', {
        zh: '该建议不是重点督办建议，不能报送督办进展',
        en: 'This suggestion is not a key item: there is no supervision progress to report',
      });
    }
    let unit: { assignmentId: string; unitId: string } | null = null;
    if (isSupervisor(user)) {
      assertSupervises(user, row.regionCode);
      if (body.assignmentId) {
        throw badRequest('ASSIGNMENT_NOT_EXPECTED', {
          zh: '督办方报送进展时无需选择交办单位',
          en: 'The supervising side reports on the suggestion as a whole, without an assignment',
        });
      }
    } else {
      if (!body.assignmentId) {
        throw badRequest('ASSIGNMENT_REQUIRED', { zh: '请选择本单位的交办记录', en: "Choose your unit's assignment" });
      }
      const assignment = await findAssignment(tx, body.assignmentId);
      if (!assignment || assignment.suggestionId !== row.id) throw notFound('交办记录', 'Assignment');
      if (assignment.unitId !== user.organizationId || ['returned', 'withdrawn'].includes(assignment.status)) {
        throw forbidden({ zh: '只能报送本单位承办事项的进展', en: 'A unit reports only on its own assignment' });
      }
      unit = { assignmentId: assignment.id, unitId: assignment.unitId };
    }
    const report = await insertProgressReport(tx, {
      suggestionId: row.id,
      regionCode: row.regionCode,
      side: unit ? 'unit' : 'supervisor',
      assignmentId: unit?.assignmentId ?? null,
      unitId: unit?.unitId ?? null,
      reportedOn: body.reportedOn,
      text: body.text,
      createdBy: user.id,
      createdAt: now,
    });
    await announce(tx, ctx, row, null, {
      action: 'progress_reported',
      data: { reportId: report.id, side: report.side, unitId: report.unitId, reportedOn: report.reportedOn },
      audit: { reportId: report.id },
      at: now,
    });
    return report;
  });
}
