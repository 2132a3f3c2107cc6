import type { Query } from '../../../lib/api';
import type { Role } from '../../../lib/policies';

/** A box (a work queue) of the list: the filters it puts on GET /api/suggestions. */
export interface Box {
  key: string;
  query: Query;
  /** Worth a red number when it holds anything: someone is waiting on this account. */
  alarm?: boolean;
}

/** The boxes each role works from, first the one it opens on (DESIGN §3.2, issue 4 item 10). */
export const BOXES: Partial<Record<Role, Box[]>> = {
  deputy: [
    { key: 'lead', query: { box: 'lead' } },
    { key: 'cosigned', query: { box: 'cosigned' } },
    { key: 'invitations', query: { box: 'invitations' }, alarm: true },
    { key: 'rating', query: { box: 'lead', state: 'awaiting_evaluation' }, alarm: true },
  ],
  office_staff: [
    { key: 'review', query: { state: 'submitted' }, alarm: true },
    { key: 'accepted', query: { state: 'accepted' } },
    { key: 'committee', query: { state: 'committee_review' } },
    { key: 'assigned', query: { state: 'assigned' } },
    { key: 'rehandling', query: { state: 'rehandling' } },
    { key: 'all', query: {} },
  ],
  unit_staff: [
    { key: 'received', query: { box: 'received' } },
    { key: 'due', query: { box: 'due' }, alarm: true },
    { key: 'approval', query: { box: 'approval' }, alarm: true },
    { key: 'returned', query: { box: 'returned' } },
    { key: 'all', query: {} },
  ],
  leader: [
    { key: 'assigned', query: { state: 'assigned' } },
    { key: 'closed', query: { state: 'closed' } },
    { key: 'all', query: {} },
  ],
};

export const boxesOf = (role: Role): Box[] => BOXES[role] ?? [{ key: 'all', query: {} }];
