-- Constituent opinions (群众意见建议): the loop of DESIGN §3.1.

-- A configurable category tree (also the Open311 services).
CREATE TABLE opinion_categories (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        varchar(32) NOT NULL UNIQUE,
  parent_id   uuid REFERENCES opinion_categories(id),
  name        text NOT NULL,
  name_en     text,
  description text,
  sort_order  integer NOT NULL DEFAULT 0,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO opinion_categories (code, name, name_en, sort_order) VALUES
  ('urban', '城市建设与管理', 'Urban construction and management', 10),
  ('traffic', '交通出行', 'Transport', 20),
  ('environment', '生态环境', 'Environment', 30),
  ('utilities', '供水供热供电燃气', 'Water, heating, power and gas', 40),
  ('housing', '住房与物业', 'Housing and property management', 50),
  ('education', '教育', 'Education', 60),
  ('health', '医疗卫生', 'Health care', 70),
  ('social_security', '社会保障与就业', 'Social security and employment', 80),
  ('elderly', '养老服务', 'Elderly care', 90),
  ('market', '市场监管与消费', 'Markets and consumers', 100),
  ('rural', '农业农村', 'Agriculture and rural affairs', 110),
  ('safety', '社会治安与安全', 'Public safety', 120),
  ('culture', '文化体育', 'Culture and sport', 130),
  ('other', '其他', 'Other', 1000);
INSERT INTO opinion_categories (code, parent_id, name, name_en, sort_order)
SELECT v.code, c.id, v.name, v.name_en, v.sort_order
FROM (VALUES
  ('urban.roads', 'urban', '道路与路灯', 'Roads and street lights', 11),
  ('urban.sanitation', 'urban', '环境卫生', 'Sanitation', 12),
  ('urban.greening', 'urban', '园林绿化', 'Parks and greening', 13),
  ('traffic.bus', 'traffic', '公交线路', 'Bus routes', 21),
  ('traffic.parking', 'traffic', '停车', 'Parking', 22),
  ('utilities.heating', 'utilities', '供热', 'Heating', 41),
  ('utilities.water', 'utilities', '供水排水', 'Water and drainage', 42),
  ('housing.property', 'housing', '物业管理', 'Property management', 51),
  ('housing.old_estates', 'housing', '老旧小区改造', 'Renovation of old estates', 52)
) AS v(code, parent, name, name_en, sort_order)
JOIN opinion_categories c ON c.code = v.parent;

-- Category × region → default handling unit, with its history (valid_to IS NULL is the current rule).
CREATE TABLE routing_rules (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  category_id uuid NOT NULL REFERENCES opinion_categories(id),
  region_code varchar(12) NOT NULL REFERENCES regions(code),
  unit_id     uuid NOT NULL REFERENCES organizations(id),
  valid_from  timestamptz NOT NULL DEFAULT now(),
  valid_to    timestamptz,
  created_by  uuid REFERENCES users(id),
  ended_by    uuid REFERENCES users(id)
);
CREATE UNIQUE INDEX routing_rules_current_idx ON routing_rules (category_id, region_code) WHERE valid_to IS NULL;

-- Deadlines in working days per step, configurable per congress: the rule with the longest region
-- prefix of the case's region wins; region_code '' holds the national defaults of DESIGN §4.
CREATE TABLE deadline_rules (
  region_code  varchar(12) NOT NULL DEFAULT '',
  step         text NOT NULL CHECK (step IN ('opinion.accept', 'opinion.unit_accept', 'opinion.reply', 'opinion.reply_complex', 'opinion.evaluation', 'opinion.reminder_before')),
  working_days integer NOT NULL CHECK (working_days BETWEEN 0 AND 365),
  updated_by   uuid,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, step)
);
INSERT INTO deadline_rules (region_code, step, working_days) VALUES
  ('', 'opinion.accept', 2),
  ('', 'opinion.unit_accept', 3),
  ('', 'opinion.reply', 15),
  ('', 'opinion.reply_complex', 30),
  ('', 'opinion.evaluation', 15),
  ('', 'opinion.reminder_before', 2);

-- Reception days at a station (接待日) and their record.
CREATE TABLE receptions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  station_id     uuid NOT NULL REFERENCES stations(id),
  region_code    varchar(12) NOT NULL,
  received_on    date NOT NULL,
  deputy_ids     uuid[] NOT NULL DEFAULT '{}',
  staff_names    text,
  visitor_count  integer NOT NULL DEFAULT 0 CHECK (visitor_count BETWEEN 0 AND 100000),
  summary        text,
  created_by     uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX receptions_station_idx ON receptions (station_id, received_on DESC);
CREATE INDEX receptions_region_idx ON receptions (region_code text_pattern_ops, received_on DESC);

CREATE TABLE opinions (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tracking_code           varchar(16) NOT NULL UNIQUE,
  region_code             varchar(12) NOT NULL REFERENCES regions(code),
  station_id              uuid REFERENCES stations(id),
  reception_id            uuid REFERENCES receptions(id),
  channel                 text NOT NULL CHECK (channel IN ('station_visit', 'online', 'qr', 'hotline', 'card', 'home_visit', 'mobile_station', 'letter', 'hotline_12345')),
  category_id             uuid REFERENCES opinion_categories(id),
  title                   text NOT NULL,
  content                 text NOT NULL,
  place_text              text,
  latitude                double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude               double precision CHECK (longitude BETWEEN -180 AND 180),
  -- The constituent: encrypted, with masked copies for lists and a blind index of the phone.
  submitter_name_enc      text,
  submitter_name_masked   text,
  name_hidden             boolean NOT NULL DEFAULT true,
  submitter_phone_enc     text,
  submitter_phone_hash    text,
  submitter_phone_masked  text,
  submitter_address_enc   text,
  consent_share           boolean NOT NULL DEFAULT false,
  consent_publish         boolean NOT NULL DEFAULT false,
  consent_at              timestamptz,
  state                   text NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'accepted', 'in_review', 'transferred', 'handling', 'replied', 'awaiting_evaluation', 'closed', 'rejected', 'merged', 'converted')),
  responsible_deputy_id   uuid REFERENCES deputies(id),
  lead_unit_id            uuid REFERENCES organizations(id),
  complex                 boolean NOT NULL DEFAULT false,
  -- The current stage's deadline; overdue_stages keeps the flag of every stage as it was when the
  -- stage ended (frozen at the transition).
  due_at                  timestamptz,
  overdue                 boolean NOT NULL DEFAULT false,
  overdue_stages          text[] NOT NULL DEFAULT '{}',
  reminded_at             timestamptz,
  urge_count              integer NOT NULL DEFAULT 0,
  supervised              boolean NOT NULL DEFAULT false,
  supervised_by           uuid REFERENCES users(id),
  supervision_instruction text,
  reject_reason           text,
  reject_guidance         text,
  reply_result            text CHECK (reply_result IN ('resolved', 'basically_resolved', 'being_resolved', 'cannot_resolve_now')),
  reply_text              text,
  replied_at              timestamptz,
  reply_due_at            timestamptz,
  replied_on_time         boolean,
  fed_back_at             timestamptz,
  evaluation              text CHECK (evaluation IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
  evaluation_comment      text,
  evaluated_at            timestamptz,
  rehandle_count          integer NOT NULL DEFAULT 0,
  closed_at               timestamptz,
  merged_into_id          uuid REFERENCES opinions(id),
  converted_suggestion_id uuid,
  published               boolean NOT NULL DEFAULT false,
  published_text          text,
  idempotency_key         varchar(64) UNIQUE,
  search_tokens           tsvector,
  version                 integer NOT NULL DEFAULT 1,
  created_by              uuid REFERENCES users(id),
  received_at             timestamptz NOT NULL DEFAULT now(),
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  anonymized_at           timestamptz
);
CREATE INDEX opinions_region_state_idx ON opinions (region_code text_pattern_ops, state, received_at DESC);
CREATE INDEX opinions_received_idx ON opinions (received_at DESC);
CREATE INDEX opinions_station_idx ON opinions (station_id, received_at DESC);
CREATE INDEX opinions_deputy_idx ON opinions (responsible_deputy_id, state);
CREATE INDEX opinions_unit_idx ON opinions (lead_unit_id, state);
CREATE INDEX opinions_due_idx ON opinions (due_at) WHERE state NOT IN ('closed', 'rejected', 'merged', 'converted');
CREATE INDEX opinions_phone_idx ON opinions (submitter_phone_hash);
-- The duplicates merged into a case hear its answer too.
CREATE INDEX opinions_merged_into_idx ON opinions (merged_into_id) WHERE merged_into_id IS NOT NULL;
CREATE INDEX opinions_search_idx ON opinions USING gin (search_tokens);
CREATE INDEX opinions_content_trgm_idx ON opinions USING gin (content gin_trgm_ops);

-- Units a case is transferred to: one lead, any co units; each round of re-handling adds rows.
CREATE TABLE opinion_units (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  opinion_id    uuid NOT NULL REFERENCES opinions(id) ON DELETE CASCADE,
  region_code   varchar(12) NOT NULL,
  unit_id       uuid NOT NULL REFERENCES organizations(id),
  role          text NOT NULL CHECK (role IN ('lead', 'co')),
  round         integer NOT NULL DEFAULT 1,
  status        text NOT NULL DEFAULT 'transferred' CHECK (status IN ('transferred', 'handling', 'returned', 'replied')),
  due_at        timestamptz,
  note          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX opinion_units_unit_idx ON opinion_units (unit_id, status);
CREATE INDEX opinion_units_opinion_idx ON opinion_units (opinion_id);

-- The timeline: append-only; the current state can be recomputed from it.
CREATE TABLE opinion_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  opinion_id   uuid NOT NULL REFERENCES opinions(id) ON DELETE CASCADE,
  region_code  varchar(12) NOT NULL,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     uuid,
  actor_role   text,
  actor_name   text,
  action       text NOT NULL,
  from_state   text,
  to_state     text,
  note         text,
  data         jsonb,
  -- Whether the stage that this event ended was past its deadline, frozen when it ended.
  stage_overdue boolean
);
CREATE INDEX opinion_events_opinion_idx ON opinion_events (opinion_id, id);
CREATE INDEX opinion_events_region_at_idx ON opinion_events (region_code text_pattern_ops, at);

CREATE TABLE opinion_files (
  opinion_id  uuid NOT NULL REFERENCES opinions(id) ON DELETE CASCADE,
  file_id     uuid NOT NULL REFERENCES files(id),
  kind        text NOT NULL CHECK (kind IN ('photo', 'reply')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (opinion_id, file_id)
);

CREATE TABLE opinion_extensions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  opinion_id     uuid NOT NULL REFERENCES opinions(id) ON DELETE CASCADE,
  region_code    varchar(12) NOT NULL,
  requested_by   uuid NOT NULL REFERENCES users(id),
  reason         text NOT NULL,
  requested_days integer NOT NULL CHECK (requested_days BETWEEN 1 AND 60),
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by     uuid REFERENCES users(id),
  decided_at     timestamptz,
  decision_note  text,
  new_due_at     timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX opinion_extensions_pending_idx ON opinion_extensions (opinion_id) WHERE status = 'pending';
