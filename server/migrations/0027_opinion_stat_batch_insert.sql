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

-- New facts added to their cells: opinion_stat_apply(NULL, f) for every row, summed per cell first.
-- For a new fact every figure changes, so every cell of it is written, as there. The column lists
-- are opinion_stat_apply's: a figure added to the cube is added to both.
CREATE FUNCTION opinion_stat_facts_added() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF current_setting('lianluo.statistics_rebuild', true) = 'on' THEN
      RETURN NULL;
    END IF;
    -- The counters' one writer at a time, as in opinion_stat_apply.
    PERFORM pg_advisory_xact_lock(7270002);
    INSERT INTO opinion_stat_cube AS c (unit_id, dim, scope, month, member,
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
    FROM added a
      CROSS JOIN LATERAL opinion_stat_cells(a::opinion_stat_facts) k
      CROSS JOIN LATERAL opinion_stat_metrics(a::opinion_stat_facts, 1) m
    GROUP BY k.unit_id, k.dim, k.scope, k.month, k.member
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
