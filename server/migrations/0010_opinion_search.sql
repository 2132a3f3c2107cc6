-- Case lists and workbench queues at province scale (contracts.md §A).
-- The deadline and office queues (overdue, due soon, triage, supervised) count the open cases of a
-- region subtree. Measured on 500,000 cases of one province (PostgreSQL 15), each count went from a
-- 130–240 ms heap scan to a 13–45 ms index-only scan with this index; closed cases, the large
-- majority, stay out of it.
CREATE INDEX opinions_open_region_idx ON opinions (region_code text_pattern_ops, state, due_at)
  INCLUDE (supervised, station_id)
  WHERE state NOT IN ('closed', 'rejected', 'merged', 'converted');


-- The office's "returned" queue starts from the few unit rows of its region that were returned.
CREATE INDEX opinion_units_returned_idx ON opinion_units (region_code text_pattern_ops) WHERE status = 'returned';
