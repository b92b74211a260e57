-- The incident's fix (20251028_120000_058_add_is_active_to_integration_tokens.sql), and updated_date made NOT NULL.
ALTER TABLE integration_tokens ADD COLUMN IF NOT EXISTS is_active BOOLEAN NOT NULL DEFAULT true;
UPDATE integration_tokens SET updated_date = CURRENT_TIMESTAMP WHERE updated_date IS NULL;
ALTER TABLE integration_tokens ALTER COLUMN updated_date SET NOT NULL;
