-- Two more messages of the suggestion loop (suggestions.subscribers.ts): the lead deputy hears each
-- invited deputy's answer, and a unit whose assignment the office withdraws is told at once (by SMS
-- too: it stops work on it). The variables are those the catalogue declares for each key.

INSERT INTO notification_templates (key, channel, locale, subject, body) VALUES
  ('suggestion.cosign_answered', 'in_app', 'zh', '联名答复：{{title}}', '{{deputy}}代表对您领衔提出的{{noun}}“{{title}}”的联名邀请：{{decision}}。{{reason}}'),
  ('suggestion.cosign_answered', 'in_app', 'en', 'Co-signing answered: {{title}}', 'Deputy {{deputy}} answered your invitation to co-sign the {{noun}} "{{title}}": {{decision}}. {{reason}}'),

  ('suggestion.assignment_withdrawn', 'in_app', 'zh', '交办已撤销：{{title}}', '{{unit}}：代表{{noun}}“{{title}}”对贵单位的交办已由代表工作机构撤销，无需继续办理。理由：{{reason}}'),
  ('suggestion.assignment_withdrawn', 'in_app', 'en', 'Assignment withdrawn: {{title}}', '{{unit}}: the office has withdrawn the deputy {{noun}} "{{title}}" from your unit; no further handling is needed. Reason: {{reason}}'),
  ('suggestion.assignment_withdrawn', 'sms', 'zh', NULL, '{{unit}}：代表{{noun}}“{{title}}”的交办已撤销，无需继续办理。'),
  ('suggestion.assignment_withdrawn', 'sms', 'en', NULL, '{{unit}}: "{{title}}" has been withdrawn from your unit; no further handling is needed.')
ON CONFLICT DO NOTHING;
