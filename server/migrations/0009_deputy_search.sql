-- Deputy search at province scale (150,000 mandates). The list searched the persons table (a pinyin
-- or initials prefix, or a name substring) and then joined the mandates: every search read all the
-- matching persons, probed or hashed all mandates to join them, and did it twice (the page and the
-- total) — about 200 ms of CPU per request for a common surname. A name substring of one or two
-- Chinese characters (王, 王芳), the usual search, had no index at all: pg_trgm needs three.
--
-- The mandate row now carries the person's name and initials beside its sort key (pinyin, a
-- space, the name), kept by the same triggers that keep the sort key, so a search reads the
-- mandates alone through these indexes:
--   pinyin prefix   sort_key LIKE 'zhang%'   (the pinyin has no spaces, so this is name_pinyin LIKE 'zhang%')
--   initials prefix person_initials LIKE 'zs%'
--   name substring  name_grams(person_name) @> name_grams('王芳') AND person_name LIKE '%王芳%'
-- text_pattern_ops serves LIKE prefixes whatever the database's collation.

ALTER TABLE deputies ADD COLUMN person_name text, ADD COLUMN person_initials text;

-- Every character and every pair of adjacent characters of a text: a name contains a query only if
-- its grams hold all of the query's grams, so a GIN index finds one- and two-character names that
-- trigrams cannot; the LIKE beside it keeps the answer exact for longer queries.
CREATE FUNCTION name_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
    SELECT substr(t, i, 1) FROM generate_series(1, char_length(t)) AS i
    UNION ALL
    SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i
  ) AS grams(g)
$$;

CREATE OR REPLACE FUNCTION deputies_set_sort_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.name_pinyin || ' ' || p.name, p.name, p.name_initials
    INTO NEW.sort_key, NEW.person_name, NEW.person_initials
    FROM persons p WHERE p.id = NEW.person_id;
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION persons_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE deputies
     SET sort_key = NEW.name_pinyin || ' ' || NEW.name, person_name = NEW.name, person_initials = NEW.name_initials
   WHERE person_id = NEW.id;
  RETURN NULL;
END
$$;
DROP TRIGGER persons_renamed ON persons;
CREATE TRIGGER persons_renamed AFTER UPDATE OF name, name_pinyin, name_initials ON persons
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.name_pinyin IS DISTINCT FROM NEW.name_pinyin
                     OR OLD.name_initials IS DISTINCT FROM NEW.name_initials)
  EXECUTE FUNCTION persons_renamed();

UPDATE deputies d SET person_name = p.name, person_initials = p.name_initials FROM persons p WHERE p.id = d.person_id;

CREATE INDEX deputies_search_pinyin_idx ON deputies (sort_key text_pattern_ops);
CREATE INDEX deputies_search_initials_idx ON deputies (person_initials text_pattern_ops);
CREATE INDEX deputies_search_name_idx ON deputies USING gin (name_grams(person_name));
