-- The incident's fix for databases with data: registering failed with 'column users.updated_at does not exist'.
ALTER TABLE users ADD COLUMN IF NOT EXISTS updated_at TIMESTAMP NOT NULL DEFAULT NOW();
