-- Deputies' suggestions and motions (代表建议、议案): the loop of DESIGN §3.2, with the congresses,
-- terms and sessions they belong to, and the tables of their assignment, handling and evaluation.

-- A people's congress: one per region that has one (a province, a city, a county, a township).
-- The rules of §4 and the motion threshold are configurable per congress.
CREATE TABLE congresses (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code             varchar(12) NOT NULL UNIQUE REFERENCES regions(code),
  level                   text NOT NULL CHECK (level IN ('provincial', 'municipal', 'county', 'township')),
  name                    text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  -- Deputies who must sign a motion (the lead deputy included) unless a delegation raises it.
  motion_min_signers      integer NOT NULL CHECK (motion_min_signers BETWEEN 2 AND 100),
  assign_working_days     integer NOT NULL DEFAULT 5 CHECK (assign_working_days BETWEEN 1 AND 60),
  return_working_days     integer NOT NULL DEFAULT 7 CHECK (return_working_days BETWEEN 1 AND 60),
  co_opinion_months       integer NOT NULL DEFAULT 1 CHECK (co_opinion_months BETWEEN 1 AND 12),
  reply_months            integer NOT NULL DEFAULT 3 CHECK (reply_months BETWEEN 1 AND 12),
  extension_max_months    integer NOT NULL DEFAULT 6 CHECK (extension_max_months BETWEEN 1 AND 24),
  evaluation_working_days integer NOT NULL DEFAULT 20 CHECK (evaluation_working_days BETWEEN 1 AND 90),
  rehandle_months         integer NOT NULL DEFAULT 1 CHECK (rehandle_months BETWEEN 1 AND 12),
  -- The wording of the reply classes A–D on a reply's first page; local rules vary.
  reply_class_labels      jsonb NOT NULL DEFAULT '{"A": "所提问题已经解决或者基本解决", "B": "正在解决或者列入规划逐步解决", "C": "因目前条件限制或者其他原因需待以后解决", "D": "留作参考"}'::jsonb,
  version                 integer NOT NULL DEFAULT 1,
  created_by              uuid REFERENCES users(id),
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  CHECK (extension_max_months >= reply_months)
);
CREATE INDEX congresses_region_idx ON congresses (region_code text_pattern_ops);

-- 届: numbered as the deputies' mandates are (deputies.term).
CREATE TABLE congress_terms (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  congress_id  uuid NOT NULL REFERENCES congresses(id),
  region_code  varchar(12) NOT NULL,
  number       integer NOT NULL CHECK (number BETWEEN 1 AND 99),
  starts_on    date NOT NULL,
  -- Unknown until the next term is elected.
  ends_on      date,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (congress_id, number),
  CHECK (ends_on IS NULL OR ends_on > starts_on)
);

-- 次会议 of a term.
CREATE TABLE congress_sessions (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  congress_id  uuid NOT NULL REFERENCES congresses(id),
  term_id      uuid NOT NULL REFERENCES congress_terms(id),
  region_code  varchar(12) NOT NULL,
  number       integer NOT NULL CHECK (number BETWEEN 1 AND 99),
  opens_on     date NOT NULL,
  closes_on    date NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (term_id, number),
  CHECK (closes_on >= opens_on)
);
CREATE INDEX congress_sessions_congress_idx ON congress_sessions (congress_id, opens_on DESC);

-- A reference table, like the opinion categories: the classes offices count suggestions by.
CREATE TABLE suggestion_categories (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        varchar(32) NOT NULL UNIQUE,
  name        text NOT NULL,
  name_en     text,
  sort_order  integer NOT NULL DEFAULT 0,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO suggestion_categories (code, name, name_en, sort_order) VALUES
  ('economy', '经济建设', 'Economic development', 10),
  ('urban', '城乡建设与管理', 'Urban and rural construction', 20),
  ('transport', '交通运输', 'Transport', 30),
  ('environment', '生态环境', 'Environment', 40),
  ('agriculture', '农业农村', 'Agriculture and rural affairs', 50),
  ('education', '教育科技', 'Education, science and technology', 60),
  ('culture', '文化旅游体育', 'Culture, tourism and sport', 70),
  ('health', '医疗卫生', 'Health care', 80),
  ('social', '社会保障与民政', 'Social security and civil affairs', 90),
  ('law', '政法与社会治理', 'Law and social governance', 100),
  ('government', '政府自身建设', 'Government', 110),
  ('other', '其他', 'Other', 1000);

CREATE TABLE suggestions (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The congress's region: scopes access and will distribute the table (DESIGN §6.4).
  region_code           varchar(12) NOT NULL REFERENCES regions(code),
  congress_id           uuid NOT NULL REFERENCES congresses(id),
  term_id               uuid NOT NULL REFERENCES congress_terms(id),
  session_id            uuid REFERENCES congress_sessions(id),
  phase                 text NOT NULL CHECK (phase IN ('session', 'recess')),
  kind                  text NOT NULL CHECK (kind IN ('suggestion', 'motion')),
  -- A motion the special committee converted to a suggestion keeps 'motion' here.
  original_kind         text NOT NULL CHECK (original_kind IN ('suggestion', 'motion')),
  -- Registered on acceptance (or referral, for a motion), counted per term, session and kind.
  number                integer CHECK (number > 0),
  title                 text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
  grounds               text NOT NULL DEFAULT '' CHECK (char_length(grounds) <= 5000),
  proposal              text NOT NULL DEFAULT '' CHECK (char_length(proposal) <= 5000),
  category_id           uuid REFERENCES suggestion_categories(id),
  lead_deputy_id        uuid NOT NULL REFERENCES deputies(id),
  -- A motion raised by a delegation needs no co-signers; the lead deputy's delegation is named.
  by_delegation         boolean NOT NULL DEFAULT false,
  delegation            text,
  state                 text NOT NULL DEFAULT 'draft' CHECK (state IN (
                          'draft', 'cosigning', 'submitted', 'accepted', 'rejected', 'merged', 'withdrawn',
                          'committee_review', 'listed', 'not_listed',
                          'assigned', 'awaiting_evaluation', 'rehandling', 'closed', 'fulfilled')),
  -- The current stage's deadline; overdue_stages keeps each stage that ended late (frozen at the transition).
  due_at                timestamptz,
  overdue               boolean NOT NULL DEFAULT false,
  overdue_stages        text[] NOT NULL DEFAULT '{}',
  cosigning_started_at  timestamptz,
  -- First submission: from then on the office sees it, even when it is returned for revision.
  submitted_at          timestamptz,
  last_submitted_at     timestamptz,
  reviewed_by           uuid REFERENCES users(id),
  accepted_at           timestamptz,
  return_reason         text,
  return_count          integer NOT NULL DEFAULT 0,
  reject_reason         text CHECK (reject_reason IN ('personal_matter', 'no_content', 'out_of_jurisdiction', 'forwarded_letter', 'promotion', 'other')),
  reject_note           text,
  merged_into_id        uuid REFERENCES suggestions(id),
  committee_id          uuid REFERENCES organizations(id),
  committee_decision    text CHECK (committee_decision IN ('listed', 'converted', 'not_listed')),
  committee_reason      text,
  committee_decided_at  timestamptz,
  source_opinion_id     uuid REFERENCES opinions(id),
  assigned_at           timestamptz,
  reply_class           text CHECK (reply_class IN ('A', 'B', 'C', 'D')),
  replied_at            timestamptz,
  evaluation_round      integer NOT NULL DEFAULT 0 CHECK (evaluation_round BETWEEN 0 AND 2),
  rehandle_count        integer NOT NULL DEFAULT 0,
  closed_at             timestamptz,
  fulfilled_at          timestamptz,
  search_tokens         tsvector,
  version               integer NOT NULL DEFAULT 1,
  created_by            uuid REFERENCES users(id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK ((phase = 'session') = (session_id IS NOT NULL)),
  CHECK (NOT by_delegation OR delegation IS NOT NULL)
);
CREATE INDEX suggestions_region_state_idx ON suggestions (region_code text_pattern_ops, state, submitted_at DESC);
CREATE INDEX suggestions_congress_idx ON suggestions (congress_id, term_id, session_id);
CREATE INDEX suggestions_lead_idx ON suggestions (lead_deputy_id, state);
CREATE INDEX suggestions_due_idx ON suggestions (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX suggestions_merged_into_idx ON suggestions (merged_into_id) WHERE merged_into_id IS NOT NULL;
CREATE INDEX suggestions_committee_idx ON suggestions (committee_id, state) WHERE committee_id IS NOT NULL;
CREATE INDEX suggestions_search_idx ON suggestions USING gin (search_tokens);
CREATE INDEX suggestions_title_trgm_idx ON suggestions USING gin (title gin_trgm_ops);
CREATE UNIQUE INDEX suggestions_number_idx ON suggestions (term_id, session_id, kind, number) NULLS NOT DISTINCT
  WHERE number IS NOT NULL;

-- 联名: the deputies the lead deputy invited, and their answer.
CREATE TABLE suggestion_cosigners (
  suggestion_id  uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  deputy_id      uuid NOT NULL REFERENCES deputies(id),
  region_code    varchar(12) NOT NULL,
  status         text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'confirmed', 'declined')),
  invited_by     uuid REFERENCES users(id),
  invited_at     timestamptz NOT NULL DEFAULT now(),
  responded_by   uuid REFERENCES users(id),
  responded_at   timestamptz,
  decline_reason text CHECK (char_length(decline_reason) <= 500),
  PRIMARY KEY (suggestion_id, deputy_id)
);
CREATE INDEX suggestion_cosigners_deputy_idx ON suggestion_cosigners (deputy_id, status);

CREATE TABLE suggestion_files (
  suggestion_id  uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  file_id        uuid NOT NULL REFERENCES files(id),
  region_code    varchar(12) NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('attachment', 'reply_letter', 'co_opinion', 'consultation', 'commitment')),
  created_by     uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (suggestion_id, file_id)
);

-- 交办: one row per unit and round (a re-handling round adds rows); a returned row stays as history.
CREATE TABLE suggestion_assignments (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  suggestion_id      uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  region_code        varchar(12) NOT NULL,
  unit_id            uuid NOT NULL REFERENCES organizations(id),
  role               text NOT NULL CHECK (role IN ('lead', 'co', 'separate', 'joint')),
  round              integer NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
  status             text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'handling', 'replied', 'return_requested', 'returned', 'withdrawn')),
  -- The assignment meeting (交办会) a batch was handed over at.
  batch_label        text CHECK (char_length(batch_label) <= 100),
  assigned_by        uuid REFERENCES users(id),
  assigned_at        timestamptz NOT NULL,
  -- Until then the unit may ask to return a misassignment.
  return_due_at      timestamptz,
  -- The reply, or for a co unit its opinion to the lead unit; extensions move due_at, not original_due_at.
  due_at             timestamptz NOT NULL,
  original_due_at    timestamptz NOT NULL,
  accepted_at        timestamptz,
  replied_at         timestamptz,
  replied_on_time    boolean,
  overdue            boolean NOT NULL DEFAULT false,
  reassigned_from_id uuid REFERENCES suggestion_assignments(id),
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX suggestion_assignments_unit_idx ON suggestion_assignments (suggestion_id, round, unit_id)
  WHERE status NOT IN ('returned', 'withdrawn');
CREATE INDEX suggestion_assignments_suggestion_idx ON suggestion_assignments (suggestion_id, round);
CREATE INDEX suggestion_assignments_unit_status_idx ON suggestion_assignments (unit_id, status);
CREATE INDEX suggestion_assignments_region_idx ON suggestion_assignments (region_code text_pattern_ops, status);
CREATE INDEX suggestion_assignments_due_idx ON suggestion_assignments (due_at) WHERE status IN ('pending', 'handling');

-- A co unit's opinion to the lead unit (within a month).
CREATE TABLE suggestion_co_opinions (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  suggestion_id       uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  region_code         varchar(12) NOT NULL,
  assignment_id       uuid NOT NULL UNIQUE REFERENCES suggestion_assignments(id),
  lead_assignment_id  uuid NOT NULL REFERENCES suggestion_assignments(id),
  text                text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 5000),
  file_id             uuid REFERENCES files(id),
  sent_by             uuid REFERENCES users(id),
  sent_at             timestamptz NOT NULL,
  on_time             boolean
);

-- 面商: a unit's contact with the deputy, which the deputy confirms took place.
CREATE TABLE suggestion_consultations (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  suggestion_id      uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  region_code        varchar(12) NOT NULL,
  assignment_id      uuid NOT NULL REFERENCES suggestion_assignments(id),
  unit_id            uuid NOT NULL REFERENCES organizations(id),
  deputy_id          uuid NOT NULL REFERENCES deputies(id),
  kind               text NOT NULL CHECK (kind IN ('face_to_face', 'phone', 'visit', 'meeting')),
  held_at            timestamptz NOT NULL,
  place              text CHECK (char_length(place) <= 200),
  participants       text CHECK (char_length(participants) <= 500),
  summary            text NOT NULL CHECK (char_length(summary) BETWEEN 1 AND 5000),
  confirmation       text NOT NULL DEFAULT 'pending' CHECK (confirmation IN ('pending', 'confirmed', 'disputed')),
  confirmed_at       timestamptz,
  confirmation_note  text CHECK (char_length(confirmation_note) <= 1000),
  created_by         uuid REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suggestion_consultations_suggestion_idx ON suggestion_consultations (suggestion_id, held_at);

-- 答复: drafted by the unit, approved by its head (签发), sent as a letter.
CREATE TABLE suggestion_replies (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  suggestion_id        uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  region_code          varchar(12) NOT NULL,
  assignment_id        uuid NOT NULL UNIQUE REFERENCES suggestion_assignments(id),
  unit_id              uuid NOT NULL REFERENCES organizations(id),
  round                integer NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
  status               text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'awaiting_approval', 'approved', 'sent')),
  reply_class          text CHECK (reply_class IN ('A', 'B', 'C', 'D')),
  text                 text NOT NULL CHECK (char_length(text) <= 20000),
  reference_number     varchar(64),
  signer_name          text CHECK (char_length(signer_name) <= 50),
  contact_name         text CHECK (char_length(contact_name) <= 50),
  contact_phone        text CHECK (char_length(contact_phone) <= 30),
  letter_file_id       uuid REFERENCES files(id),
  drafted_by           uuid REFERENCES users(id),
  approved_by          uuid REFERENCES users(id),
  approved_at          timestamptz,
  sent_at              timestamptz,
  on_time              boolean,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (status IN ('draft', 'awaiting_approval') OR reply_class IS NOT NULL)
);
CREATE INDEX suggestion_replies_suggestion_idx ON suggestion_replies (suggestion_id, round);
CREATE INDEX suggestion_replies_unit_idx ON suggestion_replies (unit_id, status);

-- What a class B or C reply promises, by when; followed until done.
CREATE TABLE suggestion_commitments (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  suggestion_id     uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  region_code       varchar(12) NOT NULL,
  reply_id          uuid NOT NULL REFERENCES suggestion_replies(id),
  unit_id           uuid NOT NULL REFERENCES organizations(id),
  content           text NOT NULL CHECK (char_length(content) BETWEEN 1 AND 1000),
  due_on            date NOT NULL,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  done_at           timestamptz,
  done_note         text CHECK (char_length(done_note) <= 2000),
  evidence_file_id  uuid REFERENCES files(id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suggestion_commitments_suggestion_idx ON suggestion_commitments (suggestion_id);
CREATE INDEX suggestion_commitments_due_idx ON suggestion_commitments (due_on) WHERE status = 'open';

-- 满意度测评: result and attitude rated apart, per round; silence within the window is a row too.
CREATE TABLE suggestion_evaluations (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  suggestion_id  uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  region_code    varchar(12) NOT NULL,
  round          integer NOT NULL CHECK (round IN (1, 2)),
  -- The unit rated; null rates the handling as a whole.
  assignment_id  uuid REFERENCES suggestion_assignments(id),
  deputy_id      uuid NOT NULL REFERENCES deputies(id),
  result         text CHECK (result IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
  attitude       text CHECK (attitude IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
  silent         boolean NOT NULL DEFAULT false,
  comment        text CHECK (char_length(comment) <= 1000),
  evaluated_at   timestamptz NOT NULL,
  created_by     uuid REFERENCES users(id),
  UNIQUE NULLS NOT DISTINCT (suggestion_id, round, assignment_id),
  CHECK (silent = (result IS NULL) AND silent = (attitude IS NULL))
);

CREATE TABLE suggestion_extensions (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  suggestion_id     uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  region_code       varchar(12) NOT NULL,
  assignment_id     uuid NOT NULL REFERENCES suggestion_assignments(id),
  requested_by      uuid NOT NULL REFERENCES users(id),
  reason            text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
  requested_due_at  timestamptz NOT NULL,
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by        uuid REFERENCES users(id),
  decided_at        timestamptz,
  decision_note     text CHECK (char_length(decision_note) <= 1000),
  new_due_at        timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX suggestion_extensions_pending_idx ON suggestion_extensions (assignment_id) WHERE status = 'pending';

-- A unit's request to return a misassignment, and the office's decision (reassigning on approval).
CREATE TABLE suggestion_returns (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  suggestion_id             uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  region_code               varchar(12) NOT NULL,
  assignment_id             uuid NOT NULL REFERENCES suggestion_assignments(id),
  unit_id                   uuid NOT NULL REFERENCES organizations(id),
  reason                    text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
  requested_by              uuid NOT NULL REFERENCES users(id),
  requested_at              timestamptz NOT NULL,
  status                    text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
  decided_by                uuid REFERENCES users(id),
  decided_at                timestamptz,
  decision_note             text CHECK (char_length(decision_note) <= 1000),
  reassigned_assignment_id  uuid REFERENCES suggestion_assignments(id)
);
CREATE UNIQUE INDEX suggestion_returns_pending_idx ON suggestion_returns (assignment_id) WHERE status = 'pending';

-- The timeline: append-only; the current state can be recomputed from it.
CREATE TABLE suggestion_events (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  suggestion_id  uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  region_code    varchar(12) NOT NULL,
  at             timestamptz NOT NULL DEFAULT now(),
  actor_id       uuid,
  actor_role     text,
  actor_name     text,
  action         text NOT NULL,
  from_state     text,
  to_state       text,
  note           text,
  data           jsonb,
  stage_overdue  boolean
);
CREATE INDEX suggestion_events_suggestion_idx ON suggestion_events (suggestion_id, id);
CREATE INDEX suggestion_events_region_at_idx ON suggestion_events (region_code text_pattern_ops, at);
