-- A search of one word ranked from the word's index alone (docs/decisions.md, "A word's rank in its
-- index"). A search ranks its 200 newest matches (opinions.search.ts, searchRank); for a common word
-- that read 200 cases, one probe of the primary key and of the heap each, most of a search's time in
-- PostgreSQL on the province demo. Each (word, case) row now carries the rank a search of that word
-- alone gives the case, by the same expression, so the index answers such a search by itself.

-- searchRank for the query `word` without a tracking code: the phrase in the title, in the content,
-- and the words' weight. The same expression and types, so that both readings order alike. The word
-- is quoted for to_tsquery and escaped for ILIKE: a trigger must not fail on a lexeme's characters.
CREATE FUNCTION opinion_word_rank(word text, title text, content text, tokens tsvector) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE WHEN title ILIKE p.pattern THEN 2 ELSE 0 END + CASE WHEN content ILIKE p.pattern THEN 1 ELSE 0 END
    + ts_rank(coalesce(tokens, ''::tsvector), to_tsquery('simple', p.quoted)))::float8
  FROM (SELECT '%' || replace(replace(replace(word, '\', '\\'), '%', '\%'), '_', '\_') || '%' AS pattern,
    '''' || replace(replace(word, '\', '\\'), '''', '''''') || '''' AS quoted) p
$$;

-- Rebuilt rather than updated in place: one pass and one sort, where an UPDATE of every row would
-- leave a second copy of the table behind.
CREATE TABLE opinion_search_words_ranked (
  word        text NOT NULL,
  received_at timestamptz NOT NULL,
  opinion_id  uuid NOT NULL,
  region_code varchar(12) NOT NULL,
  rank        float8 NOT NULL
);

INSERT INTO opinion_search_words_ranked (word, received_at, opinion_id, region_code, rank)
  SELECT w.word, w.received_at, w.opinion_id, w.region_code, opinion_word_rank(w.word, o.title, o.content, o.search_tokens)
  FROM opinion_search_words w JOIN opinions o ON o.id = w.opinion_id;

DROP TABLE opinion_search_words;
ALTER TABLE opinion_search_words_ranked RENAME TO opinion_search_words;
ALTER TABLE opinion_search_words ADD CONSTRAINT opinion_search_words_pkey
  PRIMARY KEY (word, received_at, opinion_id) INCLUDE (region_code, rank);

CREATE OR REPLACE FUNCTION opinion_search_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.search_tokens IS NOT NULL THEN
    DELETE FROM opinion_search_words w
      USING unnest(tsvector_to_array(OLD.search_tokens)) AS t(word)
      WHERE w.word = t.word AND w.received_at = OLD.received_at AND w.opinion_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.search_tokens IS NOT NULL THEN
    INSERT INTO opinion_search_words (word, received_at, opinion_id, region_code, rank)
      SELECT t.word, NEW.received_at, NEW.id, NEW.region_code, opinion_word_rank(t.word, NEW.title, NEW.content, NEW.search_tokens)
      FROM unnest(tsvector_to_array(NEW.search_tokens)) AS t(word);
  END IF;
  RETURN NULL;
END $$;

-- The rank reads the title and the content: a change of either (anonymisation, a correction) rewrites the rows.
DROP TRIGGER opinion_search_words_change ON opinions;
CREATE TRIGGER opinion_search_words_change AFTER UPDATE OF search_tokens, received_at, region_code, id, title, content ON opinions
  FOR EACH ROW
  WHEN (OLD.search_tokens IS DISTINCT FROM NEW.search_tokens OR OLD.received_at <> NEW.received_at
    OR OLD.region_code <> NEW.region_code OR OLD.id <> NEW.id OR OLD.title <> NEW.title OR OLD.content <> NEW.content)
  EXECUTE FUNCTION opinion_search_words_sync();
