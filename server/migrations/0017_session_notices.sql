-- Each process caches sessions for a few seconds while it listens on this channel
-- (server/src/platform/auth/sessionCache.ts): every change to a session or a user is announced at
-- commit, so a session ended or a user disabled in one process stops working in all of them.
CREATE FUNCTION lianluo_session_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('lianluo_auth', 's:' || OLD.id);
  ELSE
    PERFORM pg_notify('lianluo_auth', 'u:' || OLD.id::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_notice AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION lianluo_session_notice();
CREATE TRIGGER users_notice AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION lianluo_session_notice();
