-- Supervision and publication of deputies' suggestions (issue 4, items 7 and 8): key supervision
-- (重点督办) grouped into topics, progress reports, urging notices to units, the coordination
-- meetings of "为代表办实事", replies published after redaction, and the reply templates of urging.

-- 督办专题: a year's group of key suggestions, supervised by a leader or a special committee.
CREATE TABLE suggestion_supervision_topics (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  congress_id   uuid NOT NULL REFERENCES congresses(id),
  region_code   varchar(12) NOT NULL,
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  description   text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
  leader_id     uuid REFERENCES users(id),
  committee_id  uuid REFERENCES organizations(id),
  version       integer NOT NULL DEFAULT 1,
  created_by    uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (congress_id, year, name),
  CHECK (num_nonnulls(leader_id, committee_id) >= 1)
);
CREATE INDEX suggestion_supervision_topics_region_idx ON suggestion_supervision_topics (region_code text_pattern_ops, year);
CREATE INDEX suggestion_supervision_topics_leader_idx ON suggestion_supervision_topics (leader_id) WHERE leader_id IS NOT NULL;

-- 重点督办: a row while the suggestion is a key item; unmarking deletes it (the timeline keeps both).
CREATE TABLE suggestion_key_items (
  suggestion_id  uuid PRIMARY KEY REFERENCES suggestions(id) ON DELETE CASCADE,
  region_code    varchar(12) NOT NULL,
  topic_id       uuid REFERENCES suggestion_supervision_topics(id),
  note           text CHECK (char_length(note) <= 1000),
  marked_by      uuid REFERENCES users(id),
  marked_at      timestamptz NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suggestion_key_items_region_idx ON suggestion_key_items (region_code text_pattern_ops);
CREATE INDEX suggestion_key_items_topic_idx ON suggestion_key_items (topic_id) WHERE topic_id IS NOT NULL;

-- A dated progress note: by the supervising side (office, leader) or by a unit on its assignment.
CREATE TABLE suggestion_progress_reports (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  suggestion_id  uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  region_code    varchar(12) NOT NULL,
  side           text NOT NULL CHECK (side IN ('supervisor', 'unit')),
  assignment_id  uuid REFERENCES suggestion_assignments(id),
  unit_id        uuid REFERENCES organizations(id),
  reported_on    date NOT NULL,
  text           text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
  created_by     uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((side = 'unit') = (assignment_id IS NOT NULL AND unit_id IS NOT NULL))
);
CREATE INDEX suggestion_progress_reports_suggestion_idx ON suggestion_progress_reports (suggestion_id, reported_on DESC, created_at DESC);

-- 催办: one row per urging notice to a unit on its assignment; the count is the number of rows.
CREATE TABLE suggestion_urgings (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  suggestion_id  uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  region_code    varchar(12) NOT NULL,
  assignment_id  uuid NOT NULL REFERENCES suggestion_assignments(id),
  unit_id        uuid NOT NULL REFERENCES organizations(id),
  note           text CHECK (char_length(note) <= 500),
  urged_by       uuid REFERENCES users(id),
  urged_at       timestamptz NOT NULL
);
CREATE INDEX suggestion_urgings_assignment_idx ON suggestion_urgings (assignment_id, urged_at);
CREATE INDEX suggestion_urgings_unit_idx ON suggestion_urgings (unit_id, urged_at DESC);
CREATE INDEX suggestion_urgings_region_idx ON suggestion_urgings (region_code text_pattern_ops, urged_at DESC);

-- 为代表办实事 coordination meetings: who met where, about which suggestions, and what they settled.
CREATE TABLE suggestion_coordination_meetings (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  congress_id  uuid NOT NULL REFERENCES congresses(id),
  region_code  varchar(12) NOT NULL,
  held_on      date NOT NULL,
  place        text NOT NULL CHECK (char_length(place) BETWEEN 1 AND 200),
  attendees    text NOT NULL CHECK (char_length(attendees) BETWEEN 1 AND 2000),
  summary      text NOT NULL DEFAULT '' CHECK (char_length(summary) <= 5000),
  created_by   uuid REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suggestion_coordination_meetings_region_idx ON suggestion_coordination_meetings (region_code text_pattern_ops, held_on DESC);

CREATE TABLE suggestion_meeting_units (
  meeting_id  uuid NOT NULL REFERENCES suggestion_coordination_meetings(id) ON DELETE CASCADE,
  unit_id     uuid NOT NULL REFERENCES organizations(id),
  PRIMARY KEY (meeting_id, unit_id)
);

CREATE TABLE suggestion_meeting_suggestions (
  meeting_id     uuid NOT NULL REFERENCES suggestion_coordination_meetings(id) ON DELETE CASCADE,
  suggestion_id  uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  PRIMARY KEY (meeting_id, suggestion_id)
);
CREATE INDEX suggestion_meeting_suggestions_suggestion_idx ON suggestion_meeting_suggestions (suggestion_id);

CREATE TABLE suggestion_meeting_problems (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id     uuid NOT NULL REFERENCES suggestion_coordination_meetings(id) ON DELETE CASCADE,
  position       integer NOT NULL CHECK (position >= 1),
  suggestion_id  uuid REFERENCES suggestions(id) ON DELETE SET NULL,
  problem        text NOT NULL CHECK (char_length(problem) BETWEEN 1 AND 1000),
  result         text NOT NULL CHECK (char_length(result) BETWEEN 1 AND 2000),
  UNIQUE (meeting_id, position)
);

-- A reply made public (the 2025 revision of the Deputies Law): the redacted title and text are kept
-- apart from the original reply, which the public routes never read.
CREATE TABLE suggestion_reply_publications (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reply_id        uuid NOT NULL UNIQUE REFERENCES suggestion_replies(id) ON DELETE CASCADE,
  suggestion_id   uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  region_code     varchar(12) NOT NULL,
  congress_id     uuid NOT NULL REFERENCES congresses(id),
  -- The year the suggestion was first submitted (China time), as the public list filters by it.
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title           text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  text            text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 20000),
  -- The names the office asked to mask; publishing checks none of them is left unmasked.
  names           text[] NOT NULL DEFAULT '{}' CHECK (cardinality(names) <= 50),
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'unpublished')),
  published_at    timestamptz,
  published_by    uuid REFERENCES users(id),
  unpublished_at  timestamptz,
  unpublish_reason text CHECK (char_length(unpublish_reason) <= 500),
  version         integer NOT NULL DEFAULT 1,
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX suggestion_reply_publications_public_idx ON suggestion_reply_publications (year, published_at DESC)
  WHERE status = 'published';
CREATE INDEX suggestion_reply_publications_region_idx ON suggestion_reply_publications (region_code text_pattern_ops, status);

-- The urging notice to a unit (server/src/modules/suggestions/suggestions.supervision.subscribers.ts).
INSERT INTO notification_templates (key, channel, locale, subject, body) VALUES
  ('suggestion.urged', 'in_app', 'zh', '代表建议催办：{{title}}', '{{unit}}：代表建议“{{title}}”的办理期限为{{dueDate}}，请抓紧办理并按时答复（第{{count}}次催办）。{{note}}'),
  ('suggestion.urged', 'sms', 'zh', NULL, '{{unit}}：代表建议“{{title}}”办理期限{{dueDate}}，请抓紧办理（第{{count}}次催办）。'),
  ('suggestion.urged', 'email', 'zh', '代表建议催办：{{title}}', '<p>{{unit}}：代表建议“{{title}}”的办理期限为{{dueDate}}，请抓紧办理并按时答复（第{{count}}次催办）。{{note}}</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('suggestion.urged', 'in_app', 'en', 'Suggestion urged: {{title}}', '{{unit}}: the deputy suggestion "{{title}}" is due on {{dueDate}}. Please handle it and reply in time (urged {{count}} times). {{note}}'),
  ('suggestion.urged', 'sms', 'en', NULL, '{{unit}}: the deputy suggestion "{{title}}" is due on {{dueDate}}; please handle it (urged {{count}} times).'),
  ('suggestion.urged', 'email', 'en', 'Suggestion urged: {{title}}', '<p>{{unit}}: the deputy suggestion "{{title}}" is due on {{dueDate}}. Please handle it and reply in time (urged {{count}} times). {{note}}</p><p>Sent by Lianluo; please do not reply to this message.</p>');
