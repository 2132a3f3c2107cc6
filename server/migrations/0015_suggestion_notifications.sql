-- Messages of the suggestion loop (issue 4): the templates of the events suggestions.subscribers.ts
-- turns into messages. In the app for all; by SMS where a quick action is asked (a co-signing
-- invitation, a new assignment, a reply to rate, a return or an extension decided). The variables
-- are those the catalogue declares for each key (suggestions.subscribers.ts).

INSERT INTO notification_templates (key, channel, locale, subject, body) VALUES
  ('suggestion.cosign_invited', 'in_app', 'zh', '联名邀请：{{title}}', '{{lead}}代表邀请您联名提出{{noun}}“{{title}}”，请在平台上确认是否同意联名。'),
  ('suggestion.cosign_invited', 'in_app', 'en', 'Invitation to co-sign: {{title}}', 'Deputy {{lead}} invites you to co-sign the {{noun}} "{{title}}". Please confirm or decline on the platform.'),
  ('suggestion.cosign_invited', 'sms', 'zh', NULL, '{{lead}}代表邀请您联名提出{{noun}}“{{title}}”，请登录联络平台确认。'),
  ('suggestion.cosign_invited', 'sms', 'en', NULL, 'Deputy {{lead}} invites you to co-sign "{{title}}"; please confirm on Lianluo.'),

  ('suggestion.accepted', 'in_app', 'zh', '{{noun}}已受理：{{title}}', '您领衔提出的{{noun}}“{{title}}”已受理，编号{{number}}，将交有关单位办理。'),
  ('suggestion.accepted', 'in_app', 'en', 'Accepted: {{title}}', 'Your {{noun}} "{{title}}" was accepted as number {{number}} and will be assigned to the units concerned.'),

  ('suggestion.returned_for_revision', 'in_app', 'zh', '{{noun}}退回修改：{{title}}', '您领衔提出的{{noun}}“{{title}}”被退回修改，请修改后重新提交。理由：{{reason}}'),
  ('suggestion.returned_for_revision', 'in_app', 'en', 'Returned for revision: {{title}}', 'Your {{noun}} "{{title}}" was returned for revision; please revise and submit it again. Reason: {{reason}}'),

  ('suggestion.rejected', 'in_app', 'zh', '{{noun}}不予立案：{{title}}', '您领衔提出的{{noun}}“{{title}}”不予立案。理由：{{reason}}'),
  ('suggestion.rejected', 'in_app', 'en', 'Not accepted: {{title}}', 'Your {{noun}} "{{title}}" was not accepted. Reason: {{reason}}'),

  ('suggestion.assigned', 'in_app', 'zh', '{{noun}}已交办：{{title}}', '您领衔提出的{{noun}}“{{title}}”已交{{units}}办理，答复期限为{{dueDate}}。'),
  ('suggestion.assigned', 'in_app', 'en', 'Assigned: {{title}}', 'Your {{noun}} "{{title}}" was assigned to {{units}}; the reply is due on {{dueDate}}.'),

  ('suggestion.assigned_to_unit', 'in_app', 'zh', '新交办{{noun}}：{{title}}', '{{unit}}：代表{{noun}}“{{title}}”交由贵单位{{role}}，请及时签收，办理期限为{{dueDate}}。'),
  ('suggestion.assigned_to_unit', 'in_app', 'en', 'New assignment: {{title}}', '{{unit}}: the deputy {{noun}} "{{title}}" was assigned to you ({{role}}). Please sign for it; it is due on {{dueDate}}.'),
  ('suggestion.assigned_to_unit', 'sms', 'zh', NULL, '{{unit}}：代表{{noun}}“{{title}}”交由贵单位{{role}}，期限{{dueDate}}，请登录联络平台签收。'),
  ('suggestion.assigned_to_unit', 'sms', 'en', NULL, '{{unit}}: the deputy {{noun}} "{{title}}" was assigned to you ({{role}}), due {{dueDate}}; please sign for it on Lianluo.'),

  ('suggestion.return_requested', 'in_app', 'zh', '单位申请退回：{{title}}', '{{unit}}申请退回代表{{noun}}“{{title}}”，请审核。理由：{{reason}}'),
  ('suggestion.return_requested', 'in_app', 'en', 'Return requested: {{title}}', '{{unit}} asks to return the deputy {{noun}} "{{title}}"; please decide. Reason: {{reason}}'),

  ('suggestion.return_decided', 'in_app', 'zh', '退回申请审批：{{title}}', '{{unit}}：贵单位关于代表{{noun}}“{{title}}”的退回申请审批结果：{{decision}}。{{reason}}'),
  ('suggestion.return_decided', 'in_app', 'en', 'Return request decided: {{title}}', '{{unit}}: your request to return the deputy {{noun}} "{{title}}" was decided: {{decision}}. {{reason}}'),
  ('suggestion.return_decided', 'sms', 'zh', NULL, '{{unit}}：代表{{noun}}“{{title}}”退回申请审批结果：{{decision}}。'),
  ('suggestion.return_decided', 'sms', 'en', NULL, '{{unit}}: your request to return "{{title}}" was decided: {{decision}}.'),

  ('suggestion.extension_requested', 'in_app', 'zh', '单位申请延期：{{title}}', '{{unit}}申请将代表{{noun}}“{{title}}”的办理期限延至{{dueDate}}，请审批。理由：{{reason}}'),
  ('suggestion.extension_requested', 'in_app', 'en', 'Extension requested: {{title}}', '{{unit}} asks to extend the deputy {{noun}} "{{title}}" to {{dueDate}}; please decide. Reason: {{reason}}'),

  ('suggestion.extension_decided', 'in_app', 'zh', '延期申请审批：{{title}}', '{{unit}}：贵单位关于代表{{noun}}“{{title}}”的延期申请审批结果：{{decision}}，办理期限为{{dueDate}}。{{reason}}'),
  ('suggestion.extension_decided', 'in_app', 'en', 'Extension decided: {{title}}', '{{unit}}: your extension request on the deputy {{noun}} "{{title}}" was decided: {{decision}}; it is due on {{dueDate}}. {{reason}}'),
  ('suggestion.extension_decided', 'sms', 'zh', NULL, '{{unit}}：代表{{noun}}“{{title}}”延期申请{{decision}}，办理期限{{dueDate}}。'),
  ('suggestion.extension_decided', 'sms', 'en', NULL, '{{unit}}: extension on "{{title}}": {{decision}}; due {{dueDate}}.'),

  ('suggestion.replied', 'in_app', 'zh', '请评价办理答复：{{title}}', '您领衔提出的{{noun}}“{{title}}”的办理答复已齐全，请在{{days}}个工作日内（{{dueDate}}前）对办理情况作出评价。'),
  ('suggestion.replied', 'in_app', 'en', 'Please rate the replies: {{title}}', 'All replies to your {{noun}} "{{title}}" are in. Please rate the handling within {{days}} working days (by {{dueDate}}).'),
  ('suggestion.replied', 'sms', 'zh', NULL, '您领衔的{{noun}}“{{title}}”已答复，请在{{days}}个工作日内（{{dueDate}}前）登录联络平台评价。'),
  ('suggestion.replied', 'sms', 'en', NULL, 'Replies to "{{title}}" are in; please rate them on Lianluo within {{days}} working days (by {{dueDate}}).'),

  ('suggestion.rehandle', 'in_app', 'zh', '代表不满意，请重新办理：{{title}}', '{{unit}}：代表对{{noun}}“{{title}}”的办理结果不满意，请重新办理并于{{dueDate}}前再次答复。'),
  ('suggestion.rehandle', 'in_app', 'en', 'Handle again: {{title}}', '{{unit}}: the deputy is not satisfied with the handling of the {{noun}} "{{title}}". Please handle it again and reply by {{dueDate}}.')
ON CONFLICT DO NOTHING;
