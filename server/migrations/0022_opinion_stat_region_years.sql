-- Year cells for the region dimension too (docs/decisions.md, "Year cells"). A breakdown by region
-- sums each child region's month cells: for the province demo's province, 13 cities × 12 months, 156
-- cells, each on a page of its own. With year cells the year so far reads 13. A case's region cells
-- are one per ancestor region, so each change of a case adds that many upserts of year cells to the
-- three it had for its station, deputy and unit.
CREATE OR REPLACE TRIGGER opinion_stat_cube_year AFTER INSERT OR UPDATE ON opinion_stat_cube
  FOR EACH ROW WHEN (NEW.dim IN ('region', 'station', 'deputy', 'unit'))
  EXECUTE FUNCTION opinion_stat_cube_changed();
CREATE OR REPLACE TRIGGER opinion_stat_cube_year_delete AFTER DELETE ON opinion_stat_cube
  FOR EACH ROW WHEN (OLD.dim IN ('region', 'station', 'deputy', 'unit'))
  EXECUTE FUNCTION opinion_stat_cube_changed();

CREATE OR REPLACE FUNCTION opinion_stat_year_rebuild() RETURNS void
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
     WHERE c.dim IN ('region', 'station', 'deputy', 'unit')
     GROUP BY c.unit_id, c.dim, c.scope, date_trunc('year', c.month), c.member
    HAVING sum(c.received) <> 0;
  $$;

SELECT opinion_stat_year_rebuild();
