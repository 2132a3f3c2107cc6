-- Platform: accounts, sessions, audit trail, stored files.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Regions come first because accounts are scoped to them.
CREATE TABLE regions (
  code          varchar(12) PRIMARY KEY,
  name          text NOT NULL,
  level         text NOT NULL CHECK (level IN ('province', 'city', 'county', 'township', 'community')),
  parent_code   varchar(12) REFERENCES regions(code),
  province_code varchar(2) NOT NULL,
  -- 市辖区 / 省直辖县级行政区划: statistical groupings, not real prefecture cities.
  is_grouping   boolean NOT NULL DEFAULT false,
  name_pinyin   text NOT NULL,
  name_initials text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    uuid
);
CREATE INDEX regions_parent_idx ON regions (parent_code, name_pinyin);
CREATE INDEX regions_level_idx ON regions (level);
CREATE INDEX regions_code_prefix_idx ON regions (code text_pattern_ops);
CREATE INDEX regions_pinyin_idx ON regions (name_pinyin text_pattern_ops);
CREATE INDEX regions_initials_idx ON regions (name_initials text_pattern_ops);
CREATE INDEX regions_name_trgm_idx ON regions USING gin (name gin_trgm_ops);

CREATE TABLE organizations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code   varchar(12) NOT NULL REFERENCES regions(code),
  parent_id     uuid REFERENCES organizations(id),
  category      text NOT NULL CHECK (category IN ('congress', 'unit')),
  kind          text NOT NULL CHECK (kind IN (
                  'standing_committee', 'office', 'special_committee', 'township_presidium', 'street_working_committee',
                  'government_department', 'court', 'procuratorate', 'public_utility', 'other_unit')),
  name          text NOT NULL,
  short_name    text,
  contact_name  text,
  contact_phone text,
  address       text,
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  name_pinyin   text NOT NULL,
  name_initials text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, name)
);
CREATE INDEX organizations_region_idx ON organizations (region_code text_pattern_ops);
CREATE INDEX organizations_parent_idx ON organizations (parent_id);

CREATE TABLE users (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username              varchar(64) NOT NULL UNIQUE,
  display_name          text NOT NULL,
  role                  text NOT NULL CHECK (role IN (
                          'deputy', 'station_staff', 'office_staff', 'unit_staff', 'leader',
                          'sysadmin', 'secadmin', 'auditor')),
  -- '' is the whole country; otherwise a region code whose subtree the account may see.
  region_code           varchar(12) NOT NULL DEFAULT '',
  organization_id       uuid REFERENCES organizations(id),
  station_id            uuid,
  person_id             uuid,
  password_hash         text NOT NULL,
  must_change_password  boolean NOT NULL DEFAULT true,
  password_changed_at   timestamptz,
  failed_logins         integer NOT NULL DEFAULT 0,
  locked_until          timestamptz,
  status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  last_login_at         timestamptz,
  phone                 text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_region_idx ON users (region_code text_pattern_ops);

CREATE TABLE sessions (
  id            text PRIMARY KEY,           -- sha256 of the cookie token
  user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Append-only; each row's hash covers the previous row's hash, so a removed or altered row breaks the chain.
CREATE TABLE audit_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at            timestamptz NOT NULL,
  actor_id      uuid,
  actor_username text,
  actor_role    text,
  action        text NOT NULL,
  entity_type   text,
  entity_id     text,
  region_code   varchar(12),
  before        jsonb,
  after         jsonb,
  ip            text,
  user_agent    text,
  prev_hash     text NOT NULL,
  hash          text NOT NULL
);
CREATE INDEX audit_events_at_idx ON audit_events (at);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, id);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);

CREATE TABLE files (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code   varchar(12),
  filename      text NOT NULL,
  mime_type     text NOT NULL,
  size          integer NOT NULL,
  sha256        text NOT NULL,
  content       bytea NOT NULL,
  created_by    uuid,
  created_at    timestamptz NOT NULL DEFAULT now()
);
