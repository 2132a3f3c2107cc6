-- The opinion loop's deadline notices and retention (DESIGN §4, §7).

-- One row per notice the deadline sweep sent: per case, kind, stage and due date. The primary key is
-- what makes a notice go out once, even when two sweeps overlap or the server stops half-way through
-- one: the row and the outbox message commit together, and a second insert finds the row there.
-- A new stage or an extension gives a new due date, and so its own reminder.
CREATE TABLE opinion_reminders (
  opinion_id  uuid NOT NULL REFERENCES opinions(id) ON DELETE CASCADE,
  region_code varchar(12) NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
  stage       text NOT NULL,
  due_at      timestamptz NOT NULL,
  sent_at     timestamptz NOT NULL,
  outbox_id   bigint REFERENCES outbox(id),
  PRIMARY KEY (opinion_id, kind, stage, due_at)
);
CREATE INDEX opinion_reminders_region_idx ON opinion_reminders (region_code text_pattern_ops, sent_at);

-- The retention job looks for closed cases whose constituent's details are still kept.
CREATE INDEX opinions_retention_idx ON opinions (closed_at) WHERE anonymized_at IS NULL;
-- …and for read in-app messages past their retention period.
CREATE INDEX notifications_read_idx ON notifications (created_at) WHERE channel = 'in_app' AND read_at IS NOT NULL;

-- Templates of the events the opinion loop adds to those of 0005 (their keys are declared in
-- server/src/modules/opinions/opinions.templates.ts).
INSERT INTO notification_templates (key, channel, locale, subject, body) VALUES
  ('opinion.escalated', 'in_app', 'zh', '群众意见提交工委审核：{{code}}', '{{station}}的{{deputy}}代表将群众意见{{code}}（{{summary}}）提交代表工委。请审核后转办，或直接办结答复。'),
  ('opinion.escalated', 'sms', 'zh', NULL, '群众意见{{code}}（{{summary}}）已提交代表工委，请审核后转办或办结。'),
  ('opinion.escalated', 'email', 'zh', '群众意见提交工委审核：{{code}}', '<p>{{station}}的{{deputy}}代表将群众意见{{code}}（{{summary}}）提交代表工委。请审核后转办，或直接办结答复。</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.escalated', 'in_app', 'en', 'Opinion escalated to the office: {{code}}', 'Deputy {{deputy}} of {{station}} escalated opinion {{code}} ({{summary}}) to the office. Review it and transfer it to a unit, or resolve it.'),
  ('opinion.escalated', 'sms', 'en', NULL, 'Opinion {{code}} ({{summary}}) was escalated to the office: review and transfer or resolve it.'),
  ('opinion.escalated', 'email', 'en', 'Opinion escalated to the office: {{code}}', '<p>Deputy {{deputy}} of {{station}} escalated opinion {{code}} ({{summary}}) to the office. Review it and transfer it to a unit, or resolve it.</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.extension_requested', 'in_app', 'zh', '延期申请待审批：{{code}}', '{{unit}}申请将群众意见{{code}}（{{summary}}）的办理期限延长{{days}}个工作日，理由：{{reason}}。请审批。'),
  ('opinion.extension_requested', 'sms', 'zh', NULL, '{{unit}}申请将群众意见{{code}}的办理期限延长{{days}}个工作日，请审批。'),
  ('opinion.extension_requested', 'email', 'zh', '延期申请待审批：{{code}}', '<p>{{unit}}申请将群众意见{{code}}（{{summary}}）的办理期限延长{{days}}个工作日，理由：{{reason}}。请审批。</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.extension_requested', 'in_app', 'en', 'Extension to decide: {{code}}', '{{unit}} asks for {{days}} more working days on opinion {{code}} ({{summary}}). Reason: {{reason}}. Approve or refuse it.'),
  ('opinion.extension_requested', 'sms', 'en', NULL, '{{unit}} asks for {{days}} more working days on opinion {{code}}: approve or refuse it.'),
  ('opinion.extension_requested', 'email', 'en', 'Extension to decide: {{code}}', '<p>{{unit}} asks for {{days}} more working days on opinion {{code}} ({{summary}}). Reason: {{reason}}. Approve or refuse it.</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.extension_decided', 'in_app', 'zh', '延期申请{{decision}}：{{code}}', '群众意见{{code}}（{{summary}}）的延期申请{{decision}}，办理期限：{{dueDate}}。'),
  ('opinion.extension_decided', 'sms', 'zh', NULL, '群众意见{{code}}的延期申请{{decision}}，办理期限：{{dueDate}}。'),
  ('opinion.extension_decided', 'email', 'zh', '延期申请{{decision}}：{{code}}', '<p>群众意见{{code}}（{{summary}}）的延期申请{{decision}}，办理期限：{{dueDate}}。</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.extension_decided', 'in_app', 'en', 'Extension {{decision}}: {{code}}', 'The extension requested on opinion {{code}} ({{summary}}) was {{decision}}; it is due {{dueDate}}.'),
  ('opinion.extension_decided', 'sms', 'en', NULL, 'The extension on opinion {{code}} was {{decision}}; due {{dueDate}}.'),
  ('opinion.extension_decided', 'email', 'en', 'Extension {{decision}}: {{code}}', '<p>The extension requested on opinion {{code}} ({{summary}}) was {{decision}}; it is due {{dueDate}}.</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.evaluated', 'in_app', 'zh', '群众评价：{{code}}', '群众对意见{{code}}（{{summary}}）的办理结果评价为“{{evaluation}}”。{{nextStep}}'),
  ('opinion.evaluated', 'sms', 'zh', NULL, '群众对意见{{code}}的办理结果评价为“{{evaluation}}”。{{nextStep}}'),
  ('opinion.evaluated', 'email', 'zh', '群众评价：{{code}}', '<p>群众对意见{{code}}（{{summary}}）的办理结果评价为“{{evaluation}}”。{{nextStep}}</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.evaluated', 'in_app', 'en', 'Constituent''s rating: {{code}}', 'The constituent rated the answer to opinion {{code}} ({{summary}}): {{evaluation}}. {{nextStep}}'),
  ('opinion.evaluated', 'sms', 'en', NULL, 'The constituent rated the answer to opinion {{code}}: {{evaluation}}. {{nextStep}}'),
  ('opinion.evaluated', 'email', 'en', 'Constituent''s rating: {{code}}', '<p>The constituent rated the answer to opinion {{code}} ({{summary}}): {{evaluation}}. {{nextStep}}</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.rehandled', 'in_app', 'zh', '请重新办理：{{code}}', '群众对意见{{code}}（{{summary}}）的办理结果不满意，已交{{unit}}重新办理，请于{{dueDate}}前重新答复。'),
  ('opinion.rehandled', 'sms', 'zh', NULL, '群众对意见{{code}}的办理结果不满意，已交{{unit}}重新办理，请于{{dueDate}}前重新答复。'),
  ('opinion.rehandled', 'email', 'zh', '请重新办理：{{code}}', '<p>群众对意见{{code}}（{{summary}}）的办理结果不满意，已交{{unit}}重新办理，请于{{dueDate}}前重新答复。</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.rehandled', 'in_app', 'en', 'To handle again: {{code}}', 'The constituent was not satisfied with the answer to opinion {{code}} ({{summary}}). It is back with {{unit}}: reply again by {{dueDate}}.'),
  ('opinion.rehandled', 'sms', 'en', NULL, 'Opinion {{code}} is back with {{unit}} after an unsatisfied rating: reply again by {{dueDate}}.'),
  ('opinion.rehandled', 'email', 'en', 'To handle again: {{code}}', '<p>The constituent was not satisfied with the answer to opinion {{code}} ({{summary}}). It is back with {{unit}}: reply again by {{dueDate}}.</p><p>Sent by Lianluo; please do not reply to this message.</p>');
