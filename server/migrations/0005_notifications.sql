-- Notifications (DESIGN §3, §6.1): the transactional outbox, the deliveries it fans out to, and the
-- templates they are rendered from.

-- Written in the same transaction as the change it announces, so a rolled-back change announces
-- nothing; a dispatcher turns committed rows into notifications after the commit.
CREATE TABLE outbox (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic           text NOT NULL,             -- e.g. 'opinion.transferred'
  aggregate_type  text NOT NULL,             -- e.g. 'opinion'
  aggregate_id    text NOT NULL,
  region_code     varchar(12),
  payload         jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  dispatched_at   timestamptz,
  -- Failed dispatches (a subscriber that throws) are retried with a growing delay, never dropped.
  attempts        integer NOT NULL DEFAULT 0,
  last_error      text,
  next_attempt_at timestamptz NOT NULL DEFAULT now()
);
-- The dispatcher claims by topic (only those its process knows), oldest first.
CREATE INDEX outbox_pending_idx ON outbox (topic, id) WHERE dispatched_at IS NULL;
CREATE INDEX outbox_aggregate_idx ON outbox (aggregate_type, aggregate_id, id);

-- One row per recipient per channel. In-app rows are the users' messages; SMS and email rows are
-- deliveries that the sender job works through with retries until they are sent or dead.
CREATE TABLE notifications (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  outbox_id              bigint NOT NULL REFERENCES outbox(id),
  topic                  text NOT NULL,
  channel                text NOT NULL CHECK (channel IN ('in_app', 'sms', 'email')),
  -- Who, as one comparable value ('user:<id>', 'phone:<blind index>', 'email:<address>'): the
  -- uniqueness below makes a second dispatch of the same outbox row create nothing.
  recipient_key          text NOT NULL,
  recipient_user_id      uuid REFERENCES users(id) ON DELETE SET NULL,
  recipient_phone_enc    text,
  recipient_phone_masked text,
  recipient_email        text,
  template_key           text NOT NULL,
  locale                 text NOT NULL CHECK (locale IN ('zh', 'en')),
  -- The values the template was rendered with: SMS providers take them as template parameters,
  -- and a retry re-renders from them.
  vars                   jsonb NOT NULL DEFAULT '{}'::jsonb,
  link                   text,
  subject                text,
  body                   text NOT NULL,
  status                 text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'dead', 'skipped')),
  attempts               integer NOT NULL DEFAULT 0,
  last_error             text,
  next_attempt_at        timestamptz,
  sent_at                timestamptz,
  provider               text,
  provider_message_id    text,
  read_at                timestamptz,
  region_code            varchar(12),
  created_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (outbox_id, channel, recipient_key)
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status IN ('queued', 'failed');
CREATE INDEX notifications_inbox_idx ON notifications (recipient_user_id, created_at DESC) WHERE channel = 'in_app';
CREATE INDEX notifications_unread_idx ON notifications (recipient_user_id) WHERE channel = 'in_app' AND read_at IS NULL;
CREATE INDEX notifications_status_idx ON notifications (status, created_at DESC);
CREATE INDEX notifications_region_idx ON notifications (region_code text_pattern_ops);

-- Per event, channel and language; {{name}} placeholders must be among the variables the event
-- declares (server/src/platform/notify/catalog.ts), which the edit route checks.
CREATE TABLE notification_templates (
  key         text NOT NULL,
  channel     text NOT NULL CHECK (channel IN ('in_app', 'sms', 'email')),
  locale      text NOT NULL CHECK (locale IN ('zh', 'en')),
  subject     text,
  body        text NOT NULL,
  updated_by  uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key, channel, locale)
);

-- The opinion loop's events (DESIGN §3.1). SMS texts stay short; email bodies are HTML in which the
-- variables are escaped when rendered.
INSERT INTO notification_templates (key, channel, locale, subject, body) VALUES
  ('opinion.submitted', 'in_app', 'zh', '新的群众意见待受理：{{code}}', '{{station}}收到一件群众意见（编号{{code}}，类别：{{category}}）：{{summary}}。请于{{dueDate}}前受理，或说明不予受理的理由。'),
  ('opinion.submitted', 'sms', 'zh', NULL, '{{station}}收到群众意见{{code}}：{{summary}}。请于{{dueDate}}前受理或说明不予受理理由。'),
  ('opinion.submitted', 'email', 'zh', '新的群众意见待受理：{{code}}', '<p>{{station}}收到一件群众意见（编号{{code}}，类别：{{category}}）：{{summary}}。请于{{dueDate}}前受理，或说明不予受理的理由。</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.submitted', 'in_app', 'en', 'New opinion to accept: {{code}}', '{{station}} received an opinion ({{code}}, category: {{category}}): {{summary}}. Accept it by {{dueDate}}, or give the reason for not accepting it.'),
  ('opinion.submitted', 'sms', 'en', NULL, '{{station}} received opinion {{code}}: {{summary}}. Accept it or give a reason by {{dueDate}}.'),
  ('opinion.submitted', 'email', 'en', 'New opinion to accept: {{code}}', '<p>{{station}} received an opinion ({{code}}, category: {{category}}): {{summary}}. Accept it by {{dueDate}}, or give the reason for not accepting it.</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.accepted', 'in_app', 'zh', '群众意见已受理：{{code}}', '群众意见{{code}}（{{summary}}）已由{{station}}受理，第一责任人：{{deputy}}代表。'),
  ('opinion.accepted', 'sms', 'zh', NULL, '您反映的问题（编号{{code}}）已由{{station}}受理，责任代表：{{deputy}}。可凭编号和手机号后四位查询办理进度。'),
  ('opinion.accepted', 'email', 'zh', '群众意见已受理：{{code}}', '<p>群众意见{{code}}（{{summary}}）已由{{station}}受理，第一责任人：{{deputy}}代表。</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.accepted', 'in_app', 'en', 'Opinion accepted: {{code}}', 'Opinion {{code}} ({{summary}}) was accepted by {{station}}; responsible deputy: {{deputy}}.'),
  ('opinion.accepted', 'sms', 'en', NULL, 'Your opinion {{code}} was accepted by {{station}}; responsible deputy: {{deputy}}. Follow it with the code and the last four digits of your phone.'),
  ('opinion.accepted', 'email', 'en', 'Opinion accepted: {{code}}', '<p>Opinion {{code}} ({{summary}}) was accepted by {{station}}; responsible deputy: {{deputy}}.</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.rejected', 'in_app', 'zh', '群众意见不予受理：{{code}}', '群众意见{{code}}（{{summary}}）不予受理。理由及指引：{{reason}}'),
  ('opinion.rejected', 'sms', 'zh', NULL, '您反映的问题（编号{{code}}）不予受理。理由及建议：{{reason}}'),
  ('opinion.rejected', 'email', 'zh', '群众意见不予受理：{{code}}', '<p>群众意见{{code}}（{{summary}}）不予受理。理由及指引：{{reason}}</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.rejected', 'in_app', 'en', 'Opinion not accepted: {{code}}', 'Opinion {{code}} ({{summary}}) was not accepted. Reason and guidance: {{reason}}'),
  ('opinion.rejected', 'sms', 'en', NULL, 'Your opinion {{code}} was not accepted. Reason and guidance: {{reason}}'),
  ('opinion.rejected', 'email', 'en', 'Opinion not accepted: {{code}}', '<p>Opinion {{code}} ({{summary}}) was not accepted. Reason and guidance: {{reason}}</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.transferred', 'in_app', 'zh', '请签收转办的群众意见：{{code}}', '群众意见{{code}}已转{{unit}}主办：{{summary}}。请及时签收，并于{{dueDate}}前答复。'),
  ('opinion.transferred', 'sms', 'zh', NULL, '群众意见{{code}}已转{{unit}}主办：{{summary}}。请及时签收，于{{dueDate}}前答复。'),
  ('opinion.transferred', 'email', 'zh', '请签收转办的群众意见：{{code}}', '<p>群众意见{{code}}已转{{unit}}主办：{{summary}}。请及时签收，并于{{dueDate}}前答复。</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.transferred', 'in_app', 'en', 'Opinion transferred to you: {{code}}', 'Opinion {{code}} was transferred to {{unit}} as the lead unit: {{summary}}. Accept it and reply by {{dueDate}}.'),
  ('opinion.transferred', 'sms', 'en', NULL, 'Opinion {{code}} was transferred to {{unit}}: {{summary}}. Accept it and reply by {{dueDate}}.'),
  ('opinion.transferred', 'email', 'en', 'Opinion transferred to you: {{code}}', '<p>Opinion {{code}} was transferred to {{unit}} as the lead unit: {{summary}}. Accept it and reply by {{dueDate}}.</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.returned', 'in_app', 'zh', '群众意见被承办单位退回：{{code}}', '{{unit}}退回了群众意见{{code}}（{{summary}}），退回理由：{{reason}}。请重新审核后转办。'),
  ('opinion.returned', 'sms', 'zh', NULL, '群众意见{{code}}被{{unit}}退回，理由：{{reason}}。请重新审核后转办。'),
  ('opinion.returned', 'email', 'zh', '群众意见被承办单位退回：{{code}}', '<p>{{unit}}退回了群众意见{{code}}（{{summary}}），退回理由：{{reason}}。请重新审核后转办。</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.returned', 'in_app', 'en', 'Opinion returned by the unit: {{code}}', '{{unit}} returned opinion {{code}} ({{summary}}). Reason: {{reason}}. Review it and transfer it again.'),
  ('opinion.returned', 'sms', 'en', NULL, 'Opinion {{code}} was returned by {{unit}}. Reason: {{reason}}.'),
  ('opinion.returned', 'email', 'en', 'Opinion returned by the unit: {{code}}', '<p>{{unit}} returned opinion {{code}} ({{summary}}). Reason: {{reason}}. Review it and transfer it again.</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.replied', 'in_app', 'zh', '群众意见已答复：{{code}}', '{{unit}}已答复群众意见{{code}}（{{summary}}），办理结果：{{result}}。请及时向群众反馈。'),
  ('opinion.replied', 'sms', 'zh', NULL, '群众意见{{code}}已由{{unit}}答复，办理结果：{{result}}。请及时向群众反馈。'),
  ('opinion.replied', 'email', 'zh', '群众意见已答复：{{code}}', '<p>{{unit}}已答复群众意见{{code}}（{{summary}}），办理结果：{{result}}。请及时向群众反馈。</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.replied', 'in_app', 'en', 'Opinion answered: {{code}}', '{{unit}} replied to opinion {{code}} ({{summary}}) with the result: {{result}}. Feed the answer back to the constituent.'),
  ('opinion.replied', 'sms', 'en', NULL, 'Opinion {{code}} was answered by {{unit}}: {{result}}. Please feed it back to the constituent.'),
  ('opinion.replied', 'email', 'en', 'Opinion answered: {{code}}', '<p>{{unit}} replied to opinion {{code}} ({{summary}}) with the result: {{result}}. Feed the answer back to the constituent.</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.feedback', 'in_app', 'zh', '群众意见办理结果：{{code}}', '您反映的问题（编号{{code}}）已办理，结果：{{result}}。请访问{{url}}，凭编号和手机号后四位查看答复并评价。'),
  ('opinion.feedback', 'sms', 'zh', NULL, '您反映的问题（编号{{code}}）已办理，结果：{{result}}。请访问{{url}}凭编号和手机号后四位查看答复并评价。'),
  ('opinion.feedback', 'email', 'zh', '群众意见办理结果：{{code}}', '<p>您反映的问题（编号{{code}}）已办理，结果：{{result}}。请访问{{url}}，凭编号和手机号后四位查看答复并评价。</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.feedback', 'in_app', 'en', 'The answer to your opinion {{code}}', 'Your opinion {{code}} has been handled: {{result}}. Visit {{url}} with the code and the last four digits of your phone to read the answer and rate it.'),
  ('opinion.feedback', 'sms', 'en', NULL, 'Your opinion {{code}} has been handled: {{result}}. Read the answer and rate it at {{url}} with the code.'),
  ('opinion.feedback', 'email', 'en', 'The answer to your opinion {{code}}', '<p>Your opinion {{code}} has been handled: {{result}}. Visit {{url}} with the code and the last four digits of your phone to read the answer and rate it.</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.due_soon', 'in_app', 'zh', '即将到期：{{code}}', '群众意见{{code}}（{{summary}}）的{{stage}}期限为{{dueDate}}，还剩{{days}}个工作日，请抓紧办理。'),
  ('opinion.due_soon', 'sms', 'zh', NULL, '群众意见{{code}}的{{stage}}期限为{{dueDate}}，还剩{{days}}个工作日，请抓紧办理。'),
  ('opinion.due_soon', 'email', 'zh', '即将到期：{{code}}', '<p>群众意见{{code}}（{{summary}}）的{{stage}}期限为{{dueDate}}，还剩{{days}}个工作日，请抓紧办理。</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.due_soon', 'in_app', 'en', 'Due soon: {{code}}', 'The {{stage}} deadline of opinion {{code}} ({{summary}}) is {{dueDate}}: {{days}} working days left.'),
  ('opinion.due_soon', 'sms', 'en', NULL, 'Opinion {{code}}: the {{stage}} deadline is {{dueDate}}, {{days}} working days left.'),
  ('opinion.due_soon', 'email', 'en', 'Due soon: {{code}}', '<p>The {{stage}} deadline of opinion {{code}} ({{summary}}) is {{dueDate}}: {{days}} working days left.</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.overdue', 'in_app', 'zh', '已超期：{{code}}', '群众意见{{code}}（{{summary}}）的{{stage}}期限{{dueDate}}已过，超期{{days}}个工作日，请尽快办理。'),
  ('opinion.overdue', 'sms', 'zh', NULL, '群众意见{{code}}的{{stage}}期限{{dueDate}}已过，超期{{days}}个工作日，请尽快办理。'),
  ('opinion.overdue', 'email', 'zh', '已超期：{{code}}', '<p>群众意见{{code}}（{{summary}}）的{{stage}}期限{{dueDate}}已过，超期{{days}}个工作日，请尽快办理。</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.overdue', 'in_app', 'en', 'Overdue: {{code}}', 'The {{stage}} deadline of opinion {{code}} ({{summary}}) was {{dueDate}}: {{days}} working days overdue.'),
  ('opinion.overdue', 'sms', 'en', NULL, 'Opinion {{code}}: the {{stage}} deadline {{dueDate}} has passed, {{days}} working days overdue.'),
  ('opinion.overdue', 'email', 'en', 'Overdue: {{code}}', '<p>The {{stage}} deadline of opinion {{code}} ({{summary}}) was {{dueDate}}: {{days}} working days overdue.</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.urged', 'in_app', 'zh', '催办：{{code}}', '群众意见{{code}}（{{summary}}）被第{{count}}次催办，办理期限{{dueDate}}。{{note}}'),
  ('opinion.urged', 'sms', 'zh', NULL, '群众意见{{code}}被第{{count}}次催办，办理期限{{dueDate}}。{{note}}'),
  ('opinion.urged', 'email', 'zh', '催办：{{code}}', '<p>群众意见{{code}}（{{summary}}）被第{{count}}次催办，办理期限{{dueDate}}。{{note}}</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.urged', 'in_app', 'en', 'Urged: {{code}}', 'Opinion {{code}} ({{summary}}) was urged (time {{count}}); due {{dueDate}}. {{note}}'),
  ('opinion.urged', 'sms', 'en', NULL, 'Opinion {{code}} was urged (time {{count}}); due {{dueDate}}. {{note}}'),
  ('opinion.urged', 'email', 'en', 'Urged: {{code}}', '<p>Opinion {{code}} ({{summary}}) was urged (time {{count}}); due {{dueDate}}. {{note}}</p><p>Sent by Lianluo; please do not reply to this message.</p>'),
  ('opinion.supervised', 'in_app', 'zh', '领导督办：{{code}}', '群众意见{{code}}（{{summary}}）已列为督办事项，{{leader}}批示：{{instruction}}'),
  ('opinion.supervised', 'sms', 'zh', NULL, '群众意见{{code}}已列为督办事项，{{leader}}批示：{{instruction}}'),
  ('opinion.supervised', 'email', 'zh', '领导督办：{{code}}', '<p>群众意见{{code}}（{{summary}}）已列为督办事项，{{leader}}批示：{{instruction}}</p><p>此邮件由联络平台自动发送，请勿直接回复。</p>'),
  ('opinion.supervised', 'in_app', 'en', 'Under supervision: {{code}}', 'Opinion {{code}} ({{summary}}) is now supervised by {{leader}}, with the instruction: {{instruction}}'),
  ('opinion.supervised', 'sms', 'en', NULL, 'Opinion {{code}} is now supervised by {{leader}}: {{instruction}}'),
  ('opinion.supervised', 'email', 'en', 'Under supervision: {{code}}', '<p>Opinion {{code}} ({{summary}}) is now supervised by {{leader}}, with the instruction: {{instruction}}</p><p>Sent by Lianluo; please do not reply to this message.</p>');
