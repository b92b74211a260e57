-- The incident's fix: loading users failed (no username), and MVP sign-ups failed with
-- 'null value in column "password_hash" violates not-null constraint'.
ALTER TABLE users ADD COLUMN IF NOT EXISTS username VARCHAR(255);
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
