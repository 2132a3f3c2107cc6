-- Publication of closed cases (公开, issue 3 item 9): only with the constituent's consent, and only in
-- the office's redacted wording. The columns published and published_text came with 0004; the office
-- now also words the title and the answer, and who published when is kept beside them.
ALTER TABLE opinions ADD COLUMN published_title text CHECK (char_length(published_title) <= 100);
ALTER TABLE opinions ADD COLUMN published_reply text CHECK (char_length(published_reply) <= 5000);
ALTER TABLE opinions ADD COLUMN published_at timestamptz;
ALTER TABLE opinions ADD COLUMN published_by uuid REFERENCES users(id);

-- A published case always has its wording and its date; an unpublished one keeps the last wording
-- (for publishing again) but no date.
ALTER TABLE opinions ADD CONSTRAINT opinions_published_ck
  CHECK (NOT published OR (published_at IS NOT NULL AND published_text IS NOT NULL AND published_title IS NOT NULL));

-- The public list of a station's published cases, newest first.
CREATE INDEX opinions_published_idx ON opinions (station_id, published_at DESC) WHERE published;
