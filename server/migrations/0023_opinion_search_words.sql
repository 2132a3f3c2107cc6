-- The words of each case in the order of time (docs/decisions.md, "A word's cases in the order of
-- time"). A search ranks a word's newest matches; the GIN index finds a word's cases but not in order,
-- so a common word was searched by walking the newest cases until enough held it (5,000 heap reads
-- for 路灯 on the province demo). Here each (word, case) pair is a row of an index ordered by word and
-- time: a word's newest cases are read along it. Kept by triggers, so that every way a case is written
-- or its words change (intake, the registrar's batches, anonymisation) keeps it whole. The case's
-- region rides in the index, so a county's or a city's search passes over the rest of the province's
-- cases without reading them.
CREATE TABLE opinion_search_words (
  word        text NOT NULL,
  received_at timestamptz NOT NULL,
  opinion_id  uuid NOT NULL,
  region_code varchar(12) NOT NULL
);

-- Filled before its key is built: one sort instead of an index grown row by row.
INSERT INTO opinion_search_words (word, received_at, opinion_id, region_code)
  SELECT t.word, o.received_at, o.id, o.region_code FROM opinions o, unnest(tsvector_to_array(o.search_tokens)) AS t(word)
  WHERE o.search_tokens IS NOT NULL;

ALTER TABLE opinion_search_words ADD PRIMARY KEY (word, received_at, opinion_id) INCLUDE (region_code);

CREATE FUNCTION opinion_search_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.search_tokens IS NOT NULL THEN
    DELETE FROM opinion_search_words w
      USING unnest(tsvector_to_array(OLD.search_tokens)) AS t(word)
      WHERE w.word = t.word AND w.received_at = OLD.received_at AND w.opinion_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.search_tokens IS NOT NULL THEN
    INSERT INTO opinion_search_words (word, received_at, opinion_id, region_code)
      SELECT t.word, NEW.received_at, NEW.id, NEW.region_code FROM unnest(tsvector_to_array(NEW.search_tokens)) AS t(word);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER opinion_search_words_write AFTER INSERT OR DELETE ON opinions
  FOR EACH ROW EXECUTE FUNCTION opinion_search_words_sync();
CREATE TRIGGER opinion_search_words_change AFTER UPDATE OF search_tokens, received_at, region_code, id ON opinions
  FOR EACH ROW
  WHEN (OLD.search_tokens IS DISTINCT FROM NEW.search_tokens OR OLD.received_at <> NEW.received_at
    OR OLD.region_code <> NEW.region_code OR OLD.id <> NEW.id)
  EXECUTE FUNCTION opinion_search_words_sync();
