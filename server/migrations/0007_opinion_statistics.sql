-- Statistics of the constituent-opinion loop (DESIGN §5), kept as counters by the database itself.
--
-- Every figure is about the opinions RECEIVED in the period (a cohort by the month of received_at,
-- China time), counting what has become of them so far: of the opinions received in March, how many
-- were rejected, replied to, fed back, rated satisfied… So a figure for a period, region, station…
-- is the total of the case list (GET /api/opinions) with the same received-date and other filters,
-- and it never moves a case between periods when the case moves on.
--
-- The counters stay right whichever code path writes a case (the commands, the public portal, a
-- seeder's direct inserts): triggers on opinions, opinion_units and opinion_events keep one row of
-- facts per case (opinion_stat_facts), and a trigger on the facts adds the difference between a
-- case's old and new contribution to the aggregate (opinion_stat_cube): when a case changes
-- category, region, station, deputy or units, it is taken out of the old cells and put into the new
-- ones. opinion_statistics_rebuild() recomputes everything from scratch and must give the same rows.
-- A bulk loader may skip the triggers' work — SELECT set_config('lianluo.statistics_rebuild', 'on',
-- true) in its transaction — if it calls opinion_statistics_rebuild() before it commits.

-- --- working days -----------------------------------------------------------------------------

-- The calendar date in China of an instant (as chinaDate() of platform/calendar).
CREATE FUNCTION lianluo_china_date(at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ((at AT TIME ZONE 'UTC') + interval '8 hours')::date $$;

-- Working days after d1 up to and including d2, on the calendar of calendar_days (weekends and the
-- listed holidays and make-up working days), as WorkingCalendar.workingDaysBetween() counts them.
-- Whole weeks are counted without enumerating them, so a long case costs no more than a short one.
CREATE FUNCTION lianluo_working_days(d1 date, d2 date) RETURNS integer
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN d2 IS NULL OR d1 IS NULL OR d2 <= d1 THEN 0 ELSE
      ((d2 - d1) / 7) * 5
      + (SELECT count(*)::int FROM generate_series(0, (d2 - d1) % 7 - 1) AS i
          WHERE extract(isodow FROM d1 + 1 + i) < 6)
      + (SELECT coalesce(sum(CASE WHEN c.kind = 'workday' AND extract(isodow FROM c.day) >= 6 THEN 1
                                  WHEN c.kind = 'holiday' AND extract(isodow FROM c.day) < 6 THEN -1
                                  ELSE 0 END), 0)::int
           FROM calendar_days c WHERE c.day > d1 AND c.day <= d2)
    END
  $$;

-- --- one row of facts per case -------------------------------------------------------------------

CREATE TABLE opinion_stat_facts (
  opinion_id      uuid PRIMARY KEY REFERENCES opinions(id) ON DELETE CASCADE,
  -- The cell keys.
  month           date NOT NULL,
  region_code     varchar(12) NOT NULL,
  station_id      uuid,
  category_id     uuid,
  channel         text NOT NULL,
  deputy_id       uuid,
  -- Every unit the case was ever transferred to, lead or co, any round (the list's unitId filter).
  unit_ids        uuid[] NOT NULL DEFAULT '{}',
  -- Merged duplicates are not counted (DESIGN §5: received excludes them).
  counted         boolean NOT NULL,
  -- What the figures are made of: the case's latest state, reply and evaluation.
  state           text NOT NULL,
  overdue         boolean NOT NULL,
  supervised      boolean NOT NULL,
  replied         boolean NOT NULL,
  resolved        boolean NOT NULL,
  replied_on_time boolean NOT NULL,
  fed_back        boolean NOT NULL,
  evaluation      text,
  -- Working days from receipt to closing, for closed cases.
  days_total      integer,
  -- Working days the case spent in each state, summed over rounds; null until it first left it.
  days_submitted  integer,
  days_accepted   integer,
  days_in_review  integer,
  days_transferred integer,
  days_handling   integer,
  days_replied    integer,
  days_awaiting_evaluation integer
);

-- The facts a case row gives (unit_ids and the stage days come from the other two tables).
CREATE FUNCTION opinion_stat_facts_of(o opinions) RETURNS opinion_stat_facts
  LANGUAGE sql STABLE
  AS $$
    SELECT o.id,
           date_trunc('month', lianluo_china_date(o.received_at))::date,
           o.region_code, o.station_id, o.category_id, o.channel, o.responsible_deputy_id,
           '{}'::uuid[],
           o.state <> 'merged',
           o.state, o.overdue, o.supervised,
           o.replied_at IS NOT NULL,
           o.replied_at IS NOT NULL AND coalesce(o.reply_result IN ('resolved', 'basically_resolved'), false),
           o.replied_at IS NOT NULL AND coalesce(o.replied_on_time, false),
           o.fed_back_at IS NOT NULL,
           o.evaluation,
           CASE WHEN o.state = 'closed' AND o.closed_at IS NOT NULL
                THEN lianluo_working_days(lianluo_china_date(o.received_at), lianluo_china_date(o.closed_at)) END,
           NULL::integer, NULL::integer, NULL::integer, NULL::integer, NULL::integer, NULL::integer, NULL::integer
  $$;

-- --- the aggregate ----------------------------------------------------------------------------------

-- unit_id: the nil uuid for every case; a unit's id for the cases of that unit (what a unit account sees).
-- dim 'total', 'region', 'category', 'channel' (every case) are rolled up: one row per ancestor region
--   of the case (scope '' = everywhere, then 2, 4, 6, 9, 12 digits), so a region's figures are a few
--   rows whatever its size. 'region' cells name the child region (member) the case lies in below
--   the scope, or the scope itself for cases raised at that level.
-- dim 'station', 'deputy', 'unit' (every case) are kept at the case's own region (scope = region_code)
--   and summed over a prefix range: a station's or deputy's cases lie in a region or two anyway.
-- A unit's slice holds 'total', 'category' and 'channel' at scope '' only: a unit account sees its
--   unit's cases wherever they came from, and a finer key would make a cell of nearly every case.
-- member '' stands for "none" (no station, no deputy, no category).
CREATE TABLE opinion_stat_cube (
  unit_id    uuid NOT NULL,
  dim        text NOT NULL CHECK (dim IN ('total', 'region', 'category', 'channel', 'station', 'deputy', 'unit')),
  scope      varchar(12) COLLATE "C" NOT NULL,
  month      date NOT NULL,
  member     text COLLATE "C" NOT NULL,
  received   integer NOT NULL DEFAULT 0,
  pending    integer NOT NULL DEFAULT 0,
  rejected   integer NOT NULL DEFAULT 0,
  in_progress integer NOT NULL DEFAULT 0,
  converted  integer NOT NULL DEFAULT 0,
  closed     integer NOT NULL DEFAULT 0,
  overdue    integer NOT NULL DEFAULT 0,
  supervised integer NOT NULL DEFAULT 0,
  replied    integer NOT NULL DEFAULT 0,
  resolved   integer NOT NULL DEFAULT 0,
  replied_on_time integer NOT NULL DEFAULT 0,
  fed_back   integer NOT NULL DEFAULT 0,
  satisfied  integer NOT NULL DEFAULT 0,
  basically_satisfied integer NOT NULL DEFAULT 0,
  unsatisfied integer NOT NULL DEFAULT 0,
  days_total integer NOT NULL DEFAULT 0,
  n_total    integer NOT NULL DEFAULT 0,
  days_submitted integer NOT NULL DEFAULT 0,
  n_submitted integer NOT NULL DEFAULT 0,
  days_accepted integer NOT NULL DEFAULT 0,
  n_accepted integer NOT NULL DEFAULT 0,
  days_in_review integer NOT NULL DEFAULT 0,
  n_in_review integer NOT NULL DEFAULT 0,
  days_transferred integer NOT NULL DEFAULT 0,
  n_transferred integer NOT NULL DEFAULT 0,
  days_handling integer NOT NULL DEFAULT 0,
  n_handling integer NOT NULL DEFAULT 0,
  days_replied integer NOT NULL DEFAULT 0,
  n_replied integer NOT NULL DEFAULT 0,
  days_awaiting_evaluation integer NOT NULL DEFAULT 0,
  n_awaiting_evaluation integer NOT NULL DEFAULT 0,
  -- received rides in the key's index: a breakdown ranks thousands of stations by it from the index
  -- alone, and reads the other figures for one page of them.
  PRIMARY KEY (unit_id, dim, scope, month, member) INCLUDE (received)
);

-- The cells a case counts in.
CREATE FUNCTION opinion_stat_cells(f opinion_stat_facts)
  RETURNS TABLE (unit_id uuid, dim text, scope varchar(12), month date, member text)
  LANGUAGE sql IMMUTABLE
  AS $$
    WITH anc AS (
      SELECT left(f.region_code, l.len) AS scope,
             left(f.region_code, CASE l.len WHEN 0 THEN 2 WHEN 2 THEN 4 WHEN 4 THEN 6 WHEN 6 THEN 9 ELSE 12 END) AS child
        FROM unnest(ARRAY[0, 2, 4, 6, 9, 12]) AS l(len)
       WHERE f.counted AND l.len <= length(f.region_code)
    ), units AS (
      SELECT u FROM unnest(f.unit_ids) AS u WHERE f.counted
    ), leaf(dim, member) AS (
      VALUES ('station', coalesce(f.station_id::text, '')),
             ('deputy', coalesce(f.deputy_id::text, '')),
             ('category', coalesce(f.category_id::text, '')),
             ('channel', f.channel)
    )
    SELECT '00000000-0000-0000-0000-000000000000'::uuid, d.dim, a.scope::varchar(12), f.month, d.member
      FROM anc a
     CROSS JOIN LATERAL (VALUES ('total', ''), ('region', a.child),
                                ('category', coalesce(f.category_id::text, '')), ('channel', f.channel)) AS d(dim, member)
    UNION ALL
    SELECT '00000000-0000-0000-0000-000000000000'::uuid, l.dim, f.region_code, f.month, l.member
      FROM leaf l WHERE f.counted AND l.dim IN ('station', 'deputy')
    UNION ALL
    SELECT '00000000-0000-0000-0000-000000000000'::uuid, 'unit', f.region_code, f.month, u.u::text FROM units u
    UNION ALL
    SELECT u.u, 'total', '', f.month, '' FROM units u
    UNION ALL
    SELECT u.u, l.dim, '', f.month, l.member FROM units u CROSS JOIN leaf l WHERE l.dim IN ('category', 'channel')
  $$;

-- What a case adds to each of its cells (sign -1 takes it out).
CREATE FUNCTION opinion_stat_metrics(f opinion_stat_facts, sign integer)
  RETURNS TABLE (
    received integer, pending integer, rejected integer, in_progress integer, converted integer, closed integer,
    overdue integer, supervised integer, replied integer, resolved integer, replied_on_time integer, fed_back integer,
    satisfied integer, basically_satisfied integer, unsatisfied integer,
    days_total integer, n_total integer, days_submitted integer, n_submitted integer, days_accepted integer,
    n_accepted integer, days_in_review integer, n_in_review integer, days_transferred integer, n_transferred integer,
    days_handling integer, n_handling integer, days_replied integer, n_replied integer,
    days_awaiting_evaluation integer, n_awaiting_evaluation integer)
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT sign,
           sign * (f.state = 'submitted')::int,
           sign * (f.state = 'rejected')::int,
           sign * (f.state IN ('accepted', 'in_review', 'transferred', 'handling', 'replied', 'awaiting_evaluation'))::int,
           sign * (f.state = 'converted')::int,
           sign * (f.state = 'closed')::int,
           -- As the lists count it: a stage past its deadline, not the constituent's evaluation window.
           sign * (f.overdue AND f.state IN ('submitted', 'accepted', 'in_review', 'transferred', 'handling', 'replied'))::int,
           sign * f.supervised::int,
           sign * f.replied::int,
           sign * f.resolved::int,
           sign * f.replied_on_time::int,
           sign * f.fed_back::int,
           sign * coalesce(f.evaluation = 'satisfied', false)::int,
           sign * coalesce(f.evaluation = 'basically_satisfied', false)::int,
           sign * coalesce(f.evaluation = 'unsatisfied', false)::int,
           sign * coalesce(f.days_total, 0), sign * (f.days_total IS NOT NULL)::int,
           sign * coalesce(f.days_submitted, 0), sign * (f.days_submitted IS NOT NULL)::int,
           sign * coalesce(f.days_accepted, 0), sign * (f.days_accepted IS NOT NULL)::int,
           sign * coalesce(f.days_in_review, 0), sign * (f.days_in_review IS NOT NULL)::int,
           sign * coalesce(f.days_transferred, 0), sign * (f.days_transferred IS NOT NULL)::int,
           sign * coalesce(f.days_handling, 0), sign * (f.days_handling IS NOT NULL)::int,
           sign * coalesce(f.days_replied, 0), sign * (f.days_replied IS NOT NULL)::int,
           sign * coalesce(f.days_awaiting_evaluation, 0), sign * (f.days_awaiting_evaluation IS NOT NULL)::int
  $$;

-- Moves a case's contribution from its old facts to its new ones (either may be null).
CREATE FUNCTION opinion_stat_apply(old_f opinion_stat_facts, new_f opinion_stat_facts) RETURNS void
  LANGUAGE plpgsql
  AS $$
  DECLARE
    changed boolean;
    rekeyed boolean;
  BEGIN
    -- One writer of the counters at a time: every case shares the cells of its whole province, and
    -- row locks taken in different orders by two transactions would deadlock. This is the audit
    -- chain's lock (platform/audit.ts), which every case-writing transaction takes anyway, so two
    -- global locks can never be taken in opposite orders.
    PERFORM pg_advisory_xact_lock(7270002);
    changed := (SELECT m FROM opinion_stat_metrics(old_f, 1) m) IS DISTINCT FROM (SELECT m FROM opinion_stat_metrics(new_f, 1) m);
    rekeyed := (old_f.counted, old_f.month, old_f.region_code, old_f.station_id, old_f.category_id, old_f.channel,
                old_f.deputy_id, old_f.unit_ids)
               IS DISTINCT FROM
               (new_f.counted, new_f.month, new_f.region_code, new_f.station_id, new_f.category_id, new_f.channel,
                new_f.deputy_id, new_f.unit_ids);
    IF NOT changed AND NOT rekeyed THEN
      RETURN;
    END IF;
    INSERT INTO opinion_stat_cube AS c (unit_id, dim, scope, month, member,
      received, pending, rejected, in_progress, converted, closed, overdue, supervised, replied, resolved,
      replied_on_time, fed_back, satisfied, basically_satisfied, unsatisfied, days_total, n_total,
      days_submitted, n_submitted, days_accepted, n_accepted, days_in_review, n_in_review, days_transferred,
      n_transferred, days_handling, n_handling, days_replied, n_replied, days_awaiting_evaluation,
      n_awaiting_evaluation)
    SELECT d.unit_id, d.dim, d.scope, d.month, d.member,
      sum(d.received), sum(d.pending), sum(d.rejected), sum(d.in_progress), sum(d.converted), sum(d.closed),
      sum(d.overdue), sum(d.supervised), sum(d.replied), sum(d.resolved), sum(d.replied_on_time),
      sum(d.fed_back), sum(d.satisfied), sum(d.basically_satisfied), sum(d.unsatisfied), sum(d.days_total),
      sum(d.n_total), sum(d.days_submitted), sum(d.n_submitted), sum(d.days_accepted), sum(d.n_accepted),
      sum(d.days_in_review), sum(d.n_in_review), sum(d.days_transferred), sum(d.n_transferred),
      sum(d.days_handling), sum(d.n_handling), sum(d.days_replied), sum(d.n_replied),
      sum(d.days_awaiting_evaluation), sum(d.n_awaiting_evaluation)
    FROM (
      SELECT k.*, m.* FROM opinion_stat_cells(old_f) k CROSS JOIN opinion_stat_metrics(old_f, -1) m
      UNION ALL
      SELECT k.*, m.* FROM opinion_stat_cells(new_f) k CROSS JOIN opinion_stat_metrics(new_f, 1) m
    ) d
    GROUP BY d.unit_id, d.dim, d.scope, d.month, d.member
    -- A cell the case stays in gets the difference only when a figure changed.
    HAVING changed OR sum(d.received) <> 0
    ON CONFLICT (unit_id, dim, scope, month, member) DO UPDATE SET
      received = c.received + excluded.received,
      pending = c.pending + excluded.pending,
      rejected = c.rejected + excluded.rejected,
      in_progress = c.in_progress + excluded.in_progress,
      converted = c.converted + excluded.converted,
      closed = c.closed + excluded.closed,
      overdue = c.overdue + excluded.overdue,
      supervised = c.supervised + excluded.supervised,
      replied = c.replied + excluded.replied,
      resolved = c.resolved + excluded.resolved,
      replied_on_time = c.replied_on_time + excluded.replied_on_time,
      fed_back = c.fed_back + excluded.fed_back,
      satisfied = c.satisfied + excluded.satisfied,
      basically_satisfied = c.basically_satisfied + excluded.basically_satisfied,
      unsatisfied = c.unsatisfied + excluded.unsatisfied,
      days_total = c.days_total + excluded.days_total,
      n_total = c.n_total + excluded.n_total,
      days_submitted = c.days_submitted + excluded.days_submitted,
      n_submitted = c.n_submitted + excluded.n_submitted,
      days_accepted = c.days_accepted + excluded.days_accepted,
      n_accepted = c.n_accepted + excluded.n_accepted,
      days_in_review = c.days_in_review + excluded.days_in_review,
      n_in_review = c.n_in_review + excluded.n_in_review,
      days_transferred = c.days_transferred + excluded.days_transferred,
      n_transferred = c.n_transferred + excluded.n_transferred,
      days_handling = c.days_handling + excluded.days_handling,
      n_handling = c.n_handling + excluded.n_handling,
      days_replied = c.days_replied + excluded.days_replied,
      n_replied = c.n_replied + excluded.n_replied,
      days_awaiting_evaluation = c.days_awaiting_evaluation + excluded.days_awaiting_evaluation,
      n_awaiting_evaluation = c.n_awaiting_evaluation + excluded.n_awaiting_evaluation;
    -- Cells the case left may now count nothing: drop them, so the table holds what a rebuild holds.
    IF rekeyed AND old_f.counted THEN
      DELETE FROM opinion_stat_cube c
       USING opinion_stat_cells(old_f) k
       WHERE c.unit_id = k.unit_id AND c.dim = k.dim AND c.scope = k.scope AND c.month = k.month
         AND c.member = k.member AND c.received = 0;
    END IF;
  END
  $$;

-- --- triggers ----------------------------------------------------------------------------------------

CREATE FUNCTION opinion_stat_facts_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF current_setting('lianluo.statistics_rebuild', true) = 'on' THEN
      RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
      PERFORM opinion_stat_apply(NULL, NEW);
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM opinion_stat_apply(OLD, NULL);
    ELSIF OLD IS DISTINCT FROM NEW THEN
      PERFORM opinion_stat_apply(OLD, NEW);
    END IF;
    RETURN NULL;
  END
  $$;
CREATE TRIGGER opinion_stat_facts_changed AFTER INSERT OR UPDATE OR DELETE ON opinion_stat_facts
  FOR EACH ROW EXECUTE FUNCTION opinion_stat_facts_changed();

-- A case written or changed: its facts follow (the unit and stage columns are left as they are).
CREATE FUNCTION opinion_stat_opinion_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    f opinion_stat_facts;
  BEGIN
    IF current_setting('lianluo.statistics_rebuild', true) = 'on' THEN
      RETURN NULL;
    END IF;
    f := opinion_stat_facts_of(NEW);
    INSERT INTO opinion_stat_facts AS s SELECT (f).*
    ON CONFLICT (opinion_id) DO UPDATE SET
      month = excluded.month, region_code = excluded.region_code, station_id = excluded.station_id,
      category_id = excluded.category_id, channel = excluded.channel, deputy_id = excluded.deputy_id,
      counted = excluded.counted, state = excluded.state, overdue = excluded.overdue,
      supervised = excluded.supervised, replied = excluded.replied, resolved = excluded.resolved,
      replied_on_time = excluded.replied_on_time, fed_back = excluded.fed_back,
      evaluation = excluded.evaluation, days_total = excluded.days_total
    WHERE (s.month, s.region_code, s.station_id, s.category_id, s.channel, s.deputy_id, s.counted, s.state,
           s.overdue, s.supervised, s.replied, s.resolved, s.replied_on_time, s.fed_back, s.evaluation, s.days_total)
          IS DISTINCT FROM
          (excluded.month, excluded.region_code, excluded.station_id, excluded.category_id, excluded.channel,
           excluded.deputy_id, excluded.counted, excluded.state, excluded.overdue, excluded.supervised,
           excluded.replied, excluded.resolved, excluded.replied_on_time, excluded.fed_back, excluded.evaluation,
           excluded.days_total);
    RETURN NULL;
  END
  $$;
CREATE TRIGGER opinions_statistics_insert AFTER INSERT ON opinions
  FOR EACH ROW EXECUTE FUNCTION opinion_stat_opinion_changed();
-- Urging, reminders, search tokens and versions do not change a figure: those updates cost nothing here.
CREATE TRIGGER opinions_statistics_update AFTER UPDATE ON opinions
  FOR EACH ROW
  WHEN ((OLD.received_at, OLD.region_code, OLD.station_id, OLD.category_id, OLD.channel, OLD.responsible_deputy_id,
         OLD.state, OLD.overdue, OLD.supervised, OLD.replied_at, OLD.reply_result, OLD.replied_on_time,
         OLD.fed_back_at, OLD.evaluation, OLD.closed_at)
        IS DISTINCT FROM
        (NEW.received_at, NEW.region_code, NEW.station_id, NEW.category_id, NEW.channel, NEW.responsible_deputy_id,
         NEW.state, NEW.overdue, NEW.supervised, NEW.replied_at, NEW.reply_result, NEW.replied_on_time,
         NEW.fed_back_at, NEW.evaluation, NEW.closed_at))
  EXECUTE FUNCTION opinion_stat_opinion_changed();

-- A unit added to (or, by hand, removed from) a case.
CREATE FUNCTION opinion_stat_units_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    cases uuid[] := '{}';
  BEGIN
    IF current_setting('lianluo.statistics_rebuild', true) = 'on' THEN
      RETURN NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN
      cases := cases || NEW.opinion_id;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      cases := cases || OLD.opinion_id;
    END IF;
    UPDATE opinion_stat_facts s
       SET unit_ids = coalesce((SELECT array_agg(DISTINCT u.unit_id ORDER BY u.unit_id)
                                  FROM opinion_units u WHERE u.opinion_id = s.opinion_id), '{}')
     WHERE s.opinion_id = ANY (cases);
    RETURN NULL;
  END
  $$;
CREATE TRIGGER opinion_units_statistics AFTER INSERT OR DELETE ON opinion_units
  FOR EACH ROW EXECUTE FUNCTION opinion_stat_units_changed();
CREATE TRIGGER opinion_units_statistics_update AFTER UPDATE ON opinion_units
  FOR EACH ROW WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.opinion_id IS DISTINCT FROM NEW.opinion_id)
  EXECUTE FUNCTION opinion_stat_units_changed();

-- A transition on the timeline ends the stage of its from_state: the working days since the stage
-- began (the previous transition, or the receipt for the first stage) are added to that stage.
CREATE FUNCTION opinion_stat_event_added() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    started timestamptz;
    d integer;
  BEGIN
    IF current_setting('lianluo.statistics_rebuild', true) = 'on' THEN
      RETURN NULL;
    END IF;
    IF NEW.from_state <> 'submitted' THEN
      SELECT e.at INTO started FROM opinion_events e
       WHERE e.opinion_id = NEW.opinion_id AND e.id < NEW.id AND e.to_state IS NOT NULL
       ORDER BY e.id DESC LIMIT 1;
    END IF;
    IF started IS NULL THEN
      SELECT o.received_at INTO started FROM opinions o WHERE o.id = NEW.opinion_id;
    END IF;
    d := lianluo_working_days(lianluo_china_date(started), lianluo_china_date(NEW.at));
    UPDATE opinion_stat_facts SET
      days_submitted = CASE WHEN NEW.from_state = 'submitted' THEN coalesce(days_submitted, 0) + d ELSE days_submitted END,
      days_accepted = CASE WHEN NEW.from_state = 'accepted' THEN coalesce(days_accepted, 0) + d ELSE days_accepted END,
      days_in_review = CASE WHEN NEW.from_state = 'in_review' THEN coalesce(days_in_review, 0) + d ELSE days_in_review END,
      days_transferred = CASE WHEN NEW.from_state = 'transferred' THEN coalesce(days_transferred, 0) + d ELSE days_transferred END,
      days_handling = CASE WHEN NEW.from_state = 'handling' THEN coalesce(days_handling, 0) + d ELSE days_handling END,
      days_replied = CASE WHEN NEW.from_state = 'replied' THEN coalesce(days_replied, 0) + d ELSE days_replied END,
      days_awaiting_evaluation = CASE WHEN NEW.from_state = 'awaiting_evaluation'
                                      THEN coalesce(days_awaiting_evaluation, 0) + d ELSE days_awaiting_evaluation END
     WHERE opinion_id = NEW.opinion_id;
    RETURN NULL;
  END
  $$;
CREATE TRIGGER opinion_events_statistics AFTER INSERT ON opinion_events
  FOR EACH ROW WHEN (NEW.from_state IS NOT NULL AND NEW.to_state IS NOT NULL)
  EXECUTE FUNCTION opinion_stat_event_added();

-- --- rebuild ------------------------------------------------------------------------------------------

-- Recomputes the facts and the aggregate from the cases, their units and their timelines. Run it
-- after the calendar of a past year changed (the stage days were counted on the old one) or to check
-- the counters: it must give the same rows the triggers keep.
CREATE FUNCTION opinion_statistics_rebuild() RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock(7270002);
    PERFORM set_config('lianluo.statistics_rebuild', 'on', true);
    DELETE FROM opinion_stat_cube;
    DELETE FROM opinion_stat_facts;
    INSERT INTO opinion_stat_facts SELECT f.* FROM opinions o CROSS JOIN LATERAL opinion_stat_facts_of(o) f;
    UPDATE opinion_stat_facts s SET unit_ids = u.ids
      FROM (SELECT opinion_id, array_agg(DISTINCT unit_id ORDER BY unit_id) AS ids FROM opinion_units GROUP BY opinion_id) u
     WHERE s.opinion_id = u.opinion_id;
    UPDATE opinion_stat_facts s SET
      days_submitted = t.d_submitted, days_accepted = t.d_accepted, days_in_review = t.d_in_review,
      days_transferred = t.d_transferred, days_handling = t.d_handling, days_replied = t.d_replied,
      days_awaiting_evaluation = t.d_awaiting_evaluation
      FROM (
        SELECT x.opinion_id,
               sum(x.d) FILTER (WHERE x.from_state = 'submitted')::int AS d_submitted,
               sum(x.d) FILTER (WHERE x.from_state = 'accepted')::int AS d_accepted,
               sum(x.d) FILTER (WHERE x.from_state = 'in_review')::int AS d_in_review,
               sum(x.d) FILTER (WHERE x.from_state = 'transferred')::int AS d_transferred,
               sum(x.d) FILTER (WHERE x.from_state = 'handling')::int AS d_handling,
               sum(x.d) FILTER (WHERE x.from_state = 'replied')::int AS d_replied,
               sum(x.d) FILTER (WHERE x.from_state = 'awaiting_evaluation')::int AS d_awaiting_evaluation
          FROM (
            SELECT e.opinion_id, e.from_state,
                   lianluo_working_days(
                     lianluo_china_date(CASE WHEN e.from_state = 'submitted' OR e.prev_at IS NULL THEN o.received_at ELSE e.prev_at END),
                     lianluo_china_date(e.at)) AS d
              FROM (SELECT ev.opinion_id, ev.from_state, ev.at,
                           lag(ev.at) OVER (PARTITION BY ev.opinion_id ORDER BY ev.id) AS prev_at
                      FROM opinion_events ev WHERE ev.to_state IS NOT NULL) e
              JOIN opinions o ON o.id = e.opinion_id
             WHERE e.from_state IS NOT NULL
          ) x
         GROUP BY x.opinion_id
      ) t
     WHERE s.opinion_id = t.opinion_id;
    INSERT INTO opinion_stat_cube (unit_id, dim, scope, month, member,
      received, pending, rejected, in_progress, converted, closed, overdue, supervised, replied, resolved,
      replied_on_time, fed_back, satisfied, basically_satisfied, unsatisfied, days_total, n_total,
      days_submitted, n_submitted, days_accepted, n_accepted, days_in_review, n_in_review, days_transferred,
      n_transferred, days_handling, n_handling, days_replied, n_replied, days_awaiting_evaluation,
      n_awaiting_evaluation)
    SELECT k.unit_id, k.dim, k.scope, k.month, k.member,
      sum(m.received), sum(m.pending), sum(m.rejected), sum(m.in_progress), sum(m.converted), sum(m.closed),
      sum(m.overdue), sum(m.supervised), sum(m.replied), sum(m.resolved), sum(m.replied_on_time),
      sum(m.fed_back), sum(m.satisfied), sum(m.basically_satisfied), sum(m.unsatisfied), sum(m.days_total),
      sum(m.n_total), sum(m.days_submitted), sum(m.n_submitted), sum(m.days_accepted), sum(m.n_accepted),
      sum(m.days_in_review), sum(m.n_in_review), sum(m.days_transferred), sum(m.n_transferred),
      sum(m.days_handling), sum(m.n_handling), sum(m.days_replied), sum(m.n_replied),
      sum(m.days_awaiting_evaluation), sum(m.n_awaiting_evaluation)
      FROM opinion_stat_facts f
     CROSS JOIN LATERAL opinion_stat_cells(f) k
     CROSS JOIN LATERAL opinion_stat_metrics(f, 1) m
     WHERE f.counted
     GROUP BY k.unit_id, k.dim, k.scope, k.month, k.member;
    PERFORM set_config('lianluo.statistics_rebuild', 'off', true);
  END
  $$;

-- Cases written before this migration.
SELECT opinion_statistics_rebuild();
