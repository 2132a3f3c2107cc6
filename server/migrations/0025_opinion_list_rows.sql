-- The rows of a case list as the list shows them (opinions.list.ts, presentListRow): without the
-- content, the place, the reply and the phone, which only the export and the person lookup show
-- (opinion_case_rows). A case's content may be 2,000 characters; a page of twenty read it all to
-- send eighty of each.
CREATE FUNCTION opinion_list_rows(ids uuid[]) RETURNS TABLE (
  ord bigint, id uuid, "trackingCode" text, title text, summary text, state text, channel text,
  "categoryId" uuid, "regionCode" text, "stationId" uuid, "responsibleDeputyId" uuid, "leadUnitId" uuid,
  "dueAt" timestamptz, supervised boolean, "urgeCount" integer, evaluation text, "receivedAt" timestamptz,
  "submitterNameMasked" text
) LANGUAGE sql STABLE AS $$
  SELECT k.n, o.id, o.tracking_code::text, o.title, left(o.content, 80), o.state, o.channel,
    o.category_id, o.region_code::text, o.station_id, o.responsible_deputy_id, o.lead_unit_id,
    o.due_at, o.supervised, o.urge_count, o.evaluation, o.received_at, o.submitter_name_masked::text
  FROM unnest(ids) WITH ORDINALITY AS k(id, n) JOIN opinions o ON o.id = k.id
  ORDER BY k.n
$$;
