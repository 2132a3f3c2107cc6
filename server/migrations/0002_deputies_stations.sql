-- Deputies: one person, one mandate (deputies row) per level held.
CREATE TABLE persons (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code        varchar(12) NOT NULL REFERENCES regions(code),
  name               text NOT NULL,
  gender             text CHECK (gender IN ('male', 'female')),
  ethnicity          text,
  birth_date         date,
  party              text,
  education          text,
  occupation_category text,
  occupation         text,
  photo_file_id      uuid REFERENCES files(id),
  -- Personal data: AES-256-GCM ciphertext, an HMAC blind index for lookups, and the masked form for lists.
  phone_enc          text,
  phone_hash         text,
  phone_masked       text,
  id_number_enc      text,
  id_number_hash     text UNIQUE,
  id_number_masked   text,
  name_pinyin        text NOT NULL,
  name_initials      text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX persons_region_idx ON persons (region_code text_pattern_ops);
CREATE INDEX persons_name_idx ON persons (name text_pattern_ops);
CREATE INDEX persons_pinyin_idx ON persons (name_pinyin text_pattern_ops);
CREATE INDEX persons_initials_idx ON persons (name_initials text_pattern_ops);
CREATE INDEX persons_phone_hash_idx ON persons (phone_hash);
-- Substring search on names of three or more characters; shorter ones scan, which is cheap at 150,000 persons.
CREATE INDEX persons_name_trgm_idx ON persons USING gin (name gin_trgm_ops);

CREATE TABLE deputies (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id            uuid NOT NULL REFERENCES persons(id),
  level                text NOT NULL CHECK (level IN ('national', 'provincial', 'municipal', 'county', 'township')),
  -- The region whose congress the deputy sits in (the province for national deputies' delegation).
  congress_region_code varchar(12) NOT NULL REFERENCES regions(code),
  -- The region the deputy is elected from and serves; scopes access and distribution.
  region_code          varchar(12) NOT NULL REFERENCES regions(code),
  term                 integer NOT NULL CHECK (term BETWEEN 1 AND 99),
  delegation           text,
  constituency         text,
  deputy_group         text,
  status               text NOT NULL DEFAULT 'serving' CHECK (status IN ('serving', 'ended', 'resigned', 'recalled', 'deceased')),
  started_on           date,
  ended_on             date,
  status_changed_on    date,
  -- Order keys of the lists (one row per mandate): the level's rank, national first, and the
  -- person's name order (pinyin, then the name) kept here by the triggers below, so a sorted page
  -- of 150,000 mandates is one index walk instead of a join and a sort.
  level_rank           smallint GENERATED ALWAYS AS (
                         CASE level WHEN 'national' THEN 1 WHEN 'provincial' THEN 2 WHEN 'municipal' THEN 3
                                    WHEN 'county' THEN 4 ELSE 5 END) STORED,
  sort_key             text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, level, congress_region_code, term)
);
CREATE INDEX deputies_region_idx ON deputies (region_code text_pattern_ops, level, status);
CREATE INDEX deputies_person_idx ON deputies (person_id);
CREATE INDEX deputies_sort_idx ON deputies (sort_key, id);
CREATE INDEX deputies_level_sort_idx ON deputies (level_rank, sort_key, id);
CREATE INDEX deputies_term_sort_idx ON deputies (term, sort_key, id);
CREATE INDEX deputies_region_sort_idx ON deputies (region_code, sort_key, id);
CREATE INDEX deputies_created_idx ON deputies (created_at, id);

-- The name order follows the person, whoever writes the rows (the API, the import, the demo seed).
CREATE FUNCTION deputies_set_sort_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.name_pinyin || ' ' || p.name INTO NEW.sort_key FROM persons p WHERE p.id = NEW.person_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER deputies_sort_key BEFORE INSERT OR UPDATE OF person_id ON deputies
  FOR EACH ROW EXECUTE FUNCTION deputies_set_sort_key();

CREATE FUNCTION persons_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE deputies SET sort_key = NEW.name_pinyin || ' ' || NEW.name WHERE person_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER persons_renamed AFTER UPDATE OF name, name_pinyin ON persons
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.name_pinyin IS DISTINCT FROM NEW.name_pinyin)
  EXECUTE FUNCTION persons_renamed();

CREATE TABLE stations (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code               varchar(32) NOT NULL UNIQUE,
  name               text NOT NULL,
  type               text NOT NULL CHECK (type IN ('station', 'home', 'point', 'online', 'mobile', 'court', 'procuratorate', 'enterprise')),
  tier               text NOT NULL CHECK (tier IN ('main', 'central', 'basic')),
  region_code        varchar(12) NOT NULL REFERENCES regions(code),
  address            text,
  latitude           double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude          double precision CHECK (longitude BETWEEN -180 AND 180),
  opening_hours      text,
  reception_schedule text,
  hotline            text,
  star_level         integer NOT NULL DEFAULT 0 CHECK (star_level BETWEEN 0 AND 5),
  description        text,
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  name_pinyin        text NOT NULL,
  name_initials      text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stations_region_idx ON stations (region_code text_pattern_ops);
CREATE INDEX stations_code_prefix_idx ON stations (code text_pattern_ops);
CREATE INDEX stations_name_trgm_idx ON stations USING gin (name gin_trgm_ops);
CREATE INDEX stations_pinyin_trgm_idx ON stations USING gin (name_pinyin gin_trgm_ops);
CREATE INDEX stations_initials_trgm_idx ON stations USING gin (name_initials gin_trgm_ops);

CREATE TABLE station_members (
  station_id   uuid NOT NULL REFERENCES stations(id) ON DELETE CASCADE,
  deputy_id    uuid NOT NULL REFERENCES deputies(id),
  region_code  varchar(12) NOT NULL,
  role         text NOT NULL DEFAULT 'member' CHECK (role IN ('head', 'deputy_head', 'member')),
  joined_on    date,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (station_id, deputy_id)
);
CREATE INDEX station_members_deputy_idx ON station_members (deputy_id);
-- At most one head per station; the command checks first and answers 409, this is the backstop.
CREATE UNIQUE INDEX station_members_one_head_idx ON station_members (station_id) WHERE role = 'head';

ALTER TABLE users ADD CONSTRAINT users_station_fk FOREIGN KEY (station_id) REFERENCES stations(id);
ALTER TABLE users ADD CONSTRAINT users_person_fk FOREIGN KEY (person_id) REFERENCES persons(id);

-- A roster import: the file, its progress, and each bad row with its reason.
CREATE TABLE deputy_imports (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code     varchar(12) NOT NULL,
  file_id         uuid REFERENCES files(id),
  filename        text NOT NULL,
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total_rows      integer NOT NULL DEFAULT 0,
  processed_rows  integer NOT NULL DEFAULT 0,
  imported_rows   integer NOT NULL DEFAULT 0,
  -- Rows with at least one error; errors holds one entry per bad cell: { row, column, message, messageEn }.
  error_rows      integer NOT NULL DEFAULT 0,
  errors          jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Why the whole file failed, when it did.
  message         text,
  message_en      text,
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  started_at      timestamptz,
  finished_at     timestamptz
);
CREATE INDEX deputy_imports_region_idx ON deputy_imports (region_code text_pattern_ops, created_at);
