-- New cases counted once per statement, not once per case (docs/decisions.md, "New cases counted
-- per statement"). The registrar writes up to a hundred public submissions in one INSERT; counting
-- each case on its own upserted every cell of its region's whole path (province to township, by
-- station, deputy, category, channel and month, and each cell's year) once per case, the same
-- province cells a hundred times over: 2.2 ms of the 3.3 ms a registered case cost PostgreSQL. The
-- facts of the statement's cases are now written in one statement, and their cells summed and
-- upserted once. Changes to a case (UPDATE, DELETE) are still counted row by row, as before.

-- The facts of the new cases, as opinion_stat_opinion_changed writes one case's.
CREATE FUNCTION opinion_stat_opinions_added() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF current_setting('lianluo.statistics_rebuild', true) = 'on' THEN
      RETURN NULL;
    END IF;
    INSERT INTO opinion_stat_facts AS s SELECT (opinion_stat_facts_of(a::opinions)).* FROM added a
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

-- The one upsert of the cells, for opinion_stat_apply's one case and for a statement's new cases:
-- each fact's cells with its figures, taken away for the old facts and added for the new, summed per
-- cell. A cell the cases stay in gets the difference only when a figure changed.
CREATE FUNCTION opinion_stat_add(old_facts opinion_stat_facts[], new_facts opinion_stat_facts[], changed boolean)
  RETURNS void
  LANGUAGE sql
  AS $$
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
    SELECT k.*, m.* FROM unnest(old_facts) f
      CROSS JOIN LATERAL opinion_stat_cells(f::opinion_stat_facts) k
      CROSS JOIN LATERAL opinion_stat_metrics(f::opinion_stat_facts, -1) m
    UNION ALL
    SELECT k.*, m.* FROM unnest(new_facts) f
      CROSS JOIN LATERAL opinion_stat_cells(f::opinion_stat_facts) k
      CROSS JOIN LATERAL opinion_stat_metrics(f::opinion_stat_facts, 1) m
  ) d
  GROUP BY d.unit_id, d.dim, d.scope, d.month, d.member
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
  $$;

-- One case's change, as migration 0007 made it, with the upsert above.
CREATE OR REPLACE FUNCTION opinion_stat_apply(old_f opinion_stat_facts, new_f opinion_stat_facts) RETURNS void
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
    PERFORM opinion_stat_add(ARRAY[old_f], ARRAY[new_f], changed);
    -- Cells the case left may now count nothing: drop them, so the table holds what a rebuild holds.
    IF rekeyed AND old_f.counted THEN
      DELETE FROM opinion_stat_cube c
       USING opinion_stat_cells(old_f) k
       WHERE c.unit_id = k.unit_id AND c.dim = k.dim AND c.scope = k.scope AND c.month = k.month
         AND c.member = k.member AND c.received = 0;
    END IF;
  END
  $$;

-- New facts added to their cells, as opinion_stat_apply(NULL, f) adds each: for a new fact every
-- figure changes, so every cell of it is written.
CREATE FUNCTION opinion_stat_facts_added() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF current_setting('lianluo.statistics_rebuild', true) = 'on' THEN
      RETURN NULL;
    END IF;
    -- The counters' one writer at a time, as in opinion_stat_apply.
    PERFORM pg_advisory_xact_lock(7270002);
    PERFORM opinion_stat_add('{}', ARRAY(SELECT a::opinion_stat_facts FROM added a), true);
    RETURN NULL;
  END
  $$;

DROP TRIGGER opinions_statistics_insert ON opinions;
CREATE TRIGGER opinions_statistics_insert AFTER INSERT ON opinions
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION opinion_stat_opinions_added();

DROP TRIGGER opinion_stat_facts_changed ON opinion_stat_facts;
CREATE TRIGGER opinion_stat_facts_changed AFTER UPDATE OR DELETE ON opinion_stat_facts
  FOR EACH ROW EXECUTE FUNCTION opinion_stat_facts_changed();
CREATE TRIGGER opinion_stat_facts_added AFTER INSERT ON opinion_stat_facts
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION opinion_stat_facts_added();
