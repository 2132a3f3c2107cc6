-- The public intake's inbox (issue 3, item 12; docs/decisions.md "Public intake through an inbox").
-- A submission from the portal or an Open311 client is one INSERT … SELECT here: the station looked up
-- by its code, the phone's hourly limit and the idempotency key checked in the same statement, the
-- constituent's details already encrypted. The registrar (opinions.registrar.ts) turns the rows into
-- cases in batches — tracking code and id kept — with their timeline, audit rows and outbox messages,
-- and deletes them. A row that cannot be registered keeps its error and is retried.
-- No foreign keys: the statement itself finds the station and the category, stations are retired
-- rather than deleted, and the checks would cost each submission two more lookups and row locks.
CREATE TABLE opinion_inbox (
  id                     uuid PRIMARY KEY,
  tracking_code          varchar(16) NOT NULL UNIQUE,
  station_id             uuid NOT NULL,
  region_code            varchar(12) NOT NULL,
  channel                text NOT NULL CHECK (channel IN ('qr', 'online')),
  category_id            uuid,
  content                text NOT NULL,
  place_text             text,
  latitude               double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude              double precision CHECK (longitude BETWEEN -180 AND 180),
  submitter_name_enc     text,
  submitter_name_masked  text,
  name_hidden            boolean NOT NULL DEFAULT true,
  submitter_phone_enc    text,
  submitter_phone_hash   text,
  submitter_phone_masked text,
  submitter_address_enc  text,
  consent_share          boolean NOT NULL,
  consent_publish        boolean NOT NULL,
  idempotency_key        varchar(64) UNIQUE,
  photo_ids              uuid[] NOT NULL DEFAULT '{}',
  ip                     text,
  user_agent             text,
  received_at            timestamptz NOT NULL,
  attempts               integer NOT NULL DEFAULT 0,
  last_error             text
);

CREATE INDEX opinion_inbox_phone_idx ON opinion_inbox (submitter_phone_hash, received_at);
CREATE INDEX opinion_inbox_received_idx ON opinion_inbox (received_at);
