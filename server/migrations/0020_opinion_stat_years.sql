-- Year cells of the statistics (docs/decisions.md, "Year cells"). A breakdown by station, deputy
-- or unit sums the cells of its region's range — every station of a county in each of the regions its
-- cases came from, for each month: about a thousand cells, each on a page of its own, for a county
-- of a province-sized demo. opinion_stat_year holds the same figures summed over each calendar year
-- (month = the first of January), twelve times fewer cells; a period from January to a month after
-- which its year holds no case reads them instead of the months (statistics.repo.ts).
--
-- The year cells follow the month cells by a trigger on opinion_stat_cube, whichever writer changed
-- them; a bulk loader's rebuild recomputes them from the month cells.
CREATE TABLE opinion_stat_year (LIKE opinion_stat_cube INCLUDING ALL);

-- Adds a month cell's change (n - o; either may be null) to its year cell, and drops a year cell
-- that counts no case any more, as a rebuild would not write it.
CREATE FUNCTION opinion_stat_year_add(n opinion_stat_cube, o opinion_stat_cube) RETURNS void
  LANGUAGE plpgsql
  AS $$
  DECLARE
    k opinion_stat_cube := coalesce(n, o);
    left_over integer;
  BEGIN
    INSERT INTO opinion_stat_year AS y (unit_id, dim, scope, month, member,
      received, pending, rejected, in_progress, converted, closed, overdue, supervised, replied,
      resolved, replied_on_time, fed_back, satisfied, basically_satisfied, unsatisfied, days_total,
      n_total, days_submitted, n_submitted, days_accepted, n_accepted, days_in_review, n_in_review,
      days_transferred, n_transferred, days_handling, n_handling, days_replied, n_replied,
      days_awaiting_evaluation, n_awaiting_evaluation)
    VALUES (k.unit_id, k.dim, k.scope, date_trunc('year', k.month)::date, k.member,
      coalesce(n.received, 0) - coalesce(o.received, 0),
      coalesce(n.pending, 0) - coalesce(o.pending, 0),
      coalesce(n.rejected, 0) - coalesce(o.rejected, 0),
      coalesce(n.in_progress, 0) - coalesce(o.in_progress, 0),
      coalesce(n.converted, 0) - coalesce(o.converted, 0),
      coalesce(n.closed, 0) - coalesce(o.closed, 0),
      coalesce(n.overdue, 0) - coalesce(o.overdue, 0),
      coalesce(n.supervised, 0) - coalesce(o.supervised, 0),
      coalesce(n.replied, 0) - coalesce(o.replied, 0),
      coalesce(n.resolved, 0) - coalesce(o.resolved, 0),
      coalesce(n.replied_on_time, 0) - coalesce(o.replied_on_time, 0),
      coalesce(n.fed_back, 0) - coalesce(o.fed_back, 0),
      coalesce(n.satisfied, 0) - coalesce(o.satisfied, 0),
      coalesce(n.basically_satisfied, 0) - coalesce(o.basically_satisfied, 0),
      coalesce(n.unsatisfied, 0) - coalesce(o.unsatisfied, 0),
      coalesce(n.days_total, 0) - coalesce(o.days_total, 0),
      coalesce(n.n_total, 0) - coalesce(o.n_total, 0),
      coalesce(n.days_submitted, 0) - coalesce(o.days_submitted, 0),
      coalesce(n.n_submitted, 0) - coalesce(o.n_submitted, 0),
      coalesce(n.days_accepted, 0) - coalesce(o.days_accepted, 0),
      coalesce(n.n_accepted, 0) - coalesce(o.n_accepted, 0),
      coalesce(n.days_in_review, 0) - coalesce(o.days_in_review, 0),
      coalesce(n.n_in_review, 0) - coalesce(o.n_in_review, 0),
      coalesce(n.days_transferred, 0) - coalesce(o.days_transferred, 0),
      coalesce(n.n_transferred, 0) - coalesce(o.n_transferred, 0),
      coalesce(n.days_handling, 0) - coalesce(o.days_handling, 0),
      coalesce(n.n_handling, 0) - coalesce(o.n_handling, 0),
      coalesce(n.days_replied, 0) - coalesce(o.days_replied, 0),
      coalesce(n.n_replied, 0) - coalesce(o.n_replied, 0),
      coalesce(n.days_awaiting_evaluation, 0) - coalesce(o.days_awaiting_evaluation, 0),
      coalesce(n.n_awaiting_evaluation, 0) - coalesce(o.n_awaiting_evaluation, 0))
    ON CONFLICT (unit_id, dim, scope, month, member) DO UPDATE SET
      received = y.received + excluded.received, pending = y.pending + excluded.pending,
      rejected = y.rejected + excluded.rejected,
      in_progress = y.in_progress + excluded.in_progress,
      converted = y.converted + excluded.converted, closed = y.closed + excluded.closed,
      overdue = y.overdue + excluded.overdue, supervised = y.supervised + excluded.supervised,
      replied = y.replied + excluded.replied, resolved = y.resolved + excluded.resolved,
      replied_on_time = y.replied_on_time + excluded.replied_on_time,
      fed_back = y.fed_back + excluded.fed_back, satisfied = y.satisfied + excluded.satisfied,
      basically_satisfied = y.basically_satisfied + excluded.basically_satisfied,
      unsatisfied = y.unsatisfied + excluded.unsatisfied,
      days_total = y.days_total + excluded.days_total, n_total = y.n_total + excluded.n_total,
      days_submitted = y.days_submitted + excluded.days_submitted,
      n_submitted = y.n_submitted + excluded.n_submitted,
      days_accepted = y.days_accepted + excluded.days_accepted,
      n_accepted = y.n_accepted + excluded.n_accepted,
      days_in_review = y.days_in_review + excluded.days_in_review,
      n_in_review = y.n_in_review + excluded.n_in_review,
      days_transferred = y.days_transferred + excluded.days_transferred,
      n_transferred = y.n_transferred + excluded.n_transferred,
      days_handling = y.days_handling + excluded.days_handling,
      n_handling = y.n_handling + excluded.n_handling,
      days_replied = y.days_replied + excluded.days_replied,
      n_replied = y.n_replied + excluded.n_replied,
      days_awaiting_evaluation = y.days_awaiting_evaluation + excluded.days_awaiting_evaluation,
      n_awaiting_evaluation = y.n_awaiting_evaluation + excluded.n_awaiting_evaluation
    RETURNING y.received INTO left_over;
    IF left_over = 0 THEN
      DELETE FROM opinion_stat_year y
       WHERE y.unit_id = k.unit_id AND y.dim = k.dim AND y.scope = k.scope
         AND y.month = date_trunc('year', k.month)::date AND y.member = k.member AND y.received = 0;
    END IF;
  END
  $$;

CREATE FUNCTION opinion_stat_cube_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF current_setting('lianluo.statistics_rebuild', true) = 'on' THEN
      RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
      PERFORM opinion_stat_year_add(NEW, NULL);
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM opinion_stat_year_add(NULL, OLD);
    ELSE
      PERFORM opinion_stat_year_add(NEW, OLD);
    END IF;
    RETURN NULL;
  END
  $$;
-- Only the dimensions read by region range have year cells: the others are a few cells per region anyway.
CREATE TRIGGER opinion_stat_cube_year AFTER INSERT OR UPDATE ON opinion_stat_cube
  FOR EACH ROW WHEN (NEW.dim IN ('station', 'deputy', 'unit'))
  EXECUTE FUNCTION opinion_stat_cube_changed();
CREATE TRIGGER opinion_stat_cube_year_delete AFTER DELETE ON opinion_stat_cube
  FOR EACH ROW WHEN (OLD.dim IN ('station', 'deputy', 'unit'))
  EXECUTE FUNCTION opinion_stat_cube_changed();

-- The year cells from the month cells, as the rebuild and this migration write them.
CREATE FUNCTION opinion_stat_year_rebuild() RETURNS void
  LANGUAGE sql
  AS $$
    DELETE FROM opinion_stat_year;
    INSERT INTO opinion_stat_year (unit_id, dim, scope, month, member,
      received, pending, rejected, in_progress, converted, closed, overdue, supervised, replied,
      resolved, replied_on_time, fed_back, satisfied, basically_satisfied, unsatisfied, days_total,
      n_total, days_submitted, n_submitted, days_accepted, n_accepted, days_in_review, n_in_review,
      days_transferred, n_transferred, days_handling, n_handling, days_replied, n_replied,
      days_awaiting_evaluation, n_awaiting_evaluation)
    SELECT c.unit_id, c.dim, c.scope, date_trunc('year', c.month)::date, c.member,
      sum(c.received), sum(c.pending), sum(c.rejected), sum(c.in_progress), sum(c.converted),
      sum(c.closed), sum(c.overdue), sum(c.supervised), sum(c.replied), sum(c.resolved),
      sum(c.replied_on_time), sum(c.fed_back), sum(c.satisfied), sum(c.basically_satisfied),
      sum(c.unsatisfied), sum(c.days_total), sum(c.n_total), sum(c.days_submitted),
      sum(c.n_submitted), sum(c.days_accepted), sum(c.n_accepted), sum(c.days_in_review),
      sum(c.n_in_review), sum(c.days_transferred), sum(c.n_transferred), sum(c.days_handling),
      sum(c.n_handling), sum(c.days_replied), sum(c.n_replied), sum(c.days_awaiting_evaluation),
      sum(c.n_awaiting_evaluation)
      FROM opinion_stat_cube c
     WHERE c.dim IN ('station', 'deputy', 'unit')
     GROUP BY c.unit_id, c.dim, c.scope, date_trunc('year', c.month), c.member
    HAVING sum(c.received) <> 0;
  $$;

-- The rebuild of migration 0007 recomputes the month cells with the year trigger off; the year cells follow.
ALTER FUNCTION opinion_statistics_rebuild() RENAME TO opinion_stat_rebuild_months;
CREATE FUNCTION opinion_statistics_rebuild() RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM opinion_stat_rebuild_months();
    PERFORM opinion_stat_year_rebuild();
  END
  $$;

SELECT opinion_stat_year_rebuild();
