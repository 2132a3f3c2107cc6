-- The rows of a case list page with the names they refer to, in the order of the ids given.
-- A list runs its filtered page and these rows in one statement (one round trip): as PL/pgSQL, the
-- lookups below are planned once per connection and not again with every filter of the page.
CREATE FUNCTION opinion_case_rows(ids uuid[]) RETURNS TABLE (
  ord bigint, id uuid, "trackingCode" text, title text, summary text, content text, state text, channel text,
  "categoryId" uuid, "categoryName" text, "regionCode" text, "regionName" text, "stationId" uuid, "stationName" text,
  "responsibleDeputyId" uuid, "responsibleDeputyName" text, "leadUnitId" uuid, "leadUnitName" text,
  "placeText" text, "dueAt" timestamptz, supervised boolean, "urgeCount" integer, "replyResult" text,
  "repliedAt" timestamptz, evaluation text, "receivedAt" timestamptz, "closedAt" timestamptz,
  "submitterNameMasked" text, "submitterPhoneMasked" text
) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT k.n, o.id, o.tracking_code::text, o.title, left(o.content, 80), o.content, o.state, o.channel,
    o.category_id, (SELECT c.name FROM opinion_categories c WHERE c.id = o.category_id),
    o.region_code::text, (SELECT r.name FROM regions r WHERE r.code = o.region_code),
    o.station_id, (SELECT s.name FROM stations s WHERE s.id = o.station_id),
    o.responsible_deputy_id,
    (SELECT p.name FROM deputies d JOIN persons p ON p.id = d.person_id WHERE d.id = o.responsible_deputy_id),
    o.lead_unit_id, (SELECT u.name FROM organizations u WHERE u.id = o.lead_unit_id),
    o.place_text, o.due_at, o.supervised, o.urge_count, o.reply_result, o.replied_at, o.evaluation,
    o.received_at, o.closed_at, o.submitter_name_masked::text, o.submitter_phone_masked::text
  FROM unnest(ids) WITH ORDINALITY AS k(id, n) JOIN opinions o ON o.id = k.id
  ORDER BY k.n;
END $$;
