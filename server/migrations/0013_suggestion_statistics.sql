-- Statistics and year-end evaluation of deputies' suggestions (issue 4 item 9).
--
-- The figures themselves need no table: a city has ~1,500 suggestions a year, so they are counted
-- live over suggestions and their assignment, reply, consultation and evaluation tables, whose
-- suggestion_id indexes (migration 0011) serve the per-suggestion lookups. This index serves the
-- cohort the figures are about: a congress's (or a region's) suggestions by date of first submission.
CREATE INDEX suggestions_submitted_idx ON suggestions (congress_id, submitted_at)
  WHERE kind = 'suggestion' AND submitted_at IS NOT NULL;

-- 年终评选: the scoring sheet of a congress for a year, one for the excellent suggestions (优秀建议,
-- scored by reviewers per criterion) and one for the advanced handling units (先进承办单位, scored
-- from the units' figures). The criteria and their weights are validated by the application
-- (suggestionAwards.scoring.ts): units' keys come from a fixed list of figures; suggestions' are
-- named by the office.
CREATE TABLE suggestion_award_sheets (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  congress_id  uuid NOT NULL REFERENCES congresses(id),
  region_code  varchar(12) NOT NULL,
  year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  target       text NOT NULL CHECK (target IN ('unit', 'suggestion')),
  criteria     jsonb NOT NULL CHECK (jsonb_typeof(criteria) = 'array'),
  version      integer NOT NULL DEFAULT 1,
  updated_by   uuid REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (congress_id, year, target)
);

-- A reviewer's score of a suggestion on one criterion of the sheet; entering it again replaces it.
CREATE TABLE suggestion_award_scores (
  sheet_id       uuid NOT NULL REFERENCES suggestion_award_sheets(id) ON DELETE CASCADE,
  suggestion_id  uuid NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
  reviewer_id    uuid NOT NULL REFERENCES users(id),
  region_code    varchar(12) NOT NULL,
  criterion      varchar(32) NOT NULL,
  score          numeric(7, 2) NOT NULL CHECK (score >= 0 AND score <= 1000),
  entered_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sheet_id, suggestion_id, reviewer_id, criterion)
);
CREATE INDEX suggestion_award_scores_suggestion_idx ON suggestion_award_scores (suggestion_id);
