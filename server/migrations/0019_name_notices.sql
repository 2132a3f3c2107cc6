-- Each process keeps the names a case list shows (of categories, regions, stations, deputies and
-- units) while it listens on this channel (server/src/platform/names.ts): a rename or a deletion is
-- announced at commit, so every process forgets that name at once.
CREATE FUNCTION lianluo_name_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- TG_ARGV: the kind of name, and the column that identifies it.
  PERFORM pg_notify('lianluo_names', TG_ARGV[0] || ':' || (to_jsonb(OLD) ->> TG_ARGV[1]));
  RETURN NULL;
END $$;

CREATE TRIGGER opinion_categories_name_notice AFTER UPDATE OF name OR DELETE ON opinion_categories
  FOR EACH ROW EXECUTE FUNCTION lianluo_name_notice('category', 'id');
CREATE TRIGGER regions_name_notice AFTER UPDATE OF name OR DELETE ON regions
  FOR EACH ROW EXECUTE FUNCTION lianluo_name_notice('region', 'code');
CREATE TRIGGER stations_name_notice AFTER UPDATE OF name OR DELETE ON stations
  FOR EACH ROW EXECUTE FUNCTION lianluo_name_notice('station', 'id');
CREATE TRIGGER organizations_name_notice AFTER UPDATE OF name OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION lianluo_name_notice('unit', 'id');
-- A deputy's name is their person's.
CREATE TRIGGER persons_name_notice AFTER UPDATE OF name OR DELETE ON persons
  FOR EACH ROW EXECUTE FUNCTION lianluo_name_notice('person', 'id');
CREATE TRIGGER deputies_name_notice AFTER UPDATE OF person_id OR DELETE ON deputies
  FOR EACH ROW EXECUTE FUNCTION lianluo_name_notice('deputy', 'id');

-- The rows of a list page without the names: the process adds them from its cache (migration 0018's
-- lookups were half of a list's time in the database).
DROP FUNCTION opinion_case_rows(uuid[]);
CREATE FUNCTION opinion_case_rows(ids uuid[]) RETURNS TABLE (
  ord bigint, id uuid, "trackingCode" text, title text, summary text, content text, state text, channel text,
  "categoryId" uuid, "regionCode" text, "stationId" uuid, "responsibleDeputyId" uuid, "leadUnitId" uuid,
  "placeText" text, "dueAt" timestamptz, supervised boolean, "urgeCount" integer, "replyResult" text,
  "repliedAt" timestamptz, evaluation text, "receivedAt" timestamptz, "closedAt" timestamptz,
  "submitterNameMasked" text, "submitterPhoneMasked" text
) LANGUAGE sql STABLE AS $$
  SELECT k.n, o.id, o.tracking_code::text, o.title, left(o.content, 80), o.content, o.state, o.channel,
    o.category_id, o.region_code::text, o.station_id, o.responsible_deputy_id, o.lead_unit_id,
    o.place_text, o.due_at, o.supervised, o.urge_count, o.reply_result, o.replied_at, o.evaluation,
    o.received_at, o.closed_at, o.submitter_name_masked::text, o.submitter_phone_masked::text
  FROM unnest(ids) WITH ORDINALITY AS k(id, n) JOIN opinions o ON o.id = k.id
  ORDER BY k.n
$$;
