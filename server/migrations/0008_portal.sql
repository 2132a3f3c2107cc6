-- The public portal and Open311 (issue 3).

-- The constituent's evaluation may say whether the matter was solved, beside how satisfied they are
-- (a "satisfied with the attitude, but nothing changed" answer is worth telling apart).
ALTER TABLE opinions ADD COLUMN evaluation_solved boolean;

-- The per-phone limit of the portal counts a phone's public submissions of the last hour.
CREATE INDEX opinions_public_phone_idx ON opinions (submitter_phone_hash, received_at) WHERE created_by IS NULL;

-- Open311 GET requests.json lists only the cases whose constituent agreed to publish them, newest first.
CREATE INDEX opinions_open311_idx ON opinions (received_at DESC) WHERE consent_publish;
