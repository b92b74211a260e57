-- The incident's fix: every insert failed with 'column "is_active" of relation "integration_tokens" does not exist'.
ALTER TABLE integration_tokens
ADD COLUMN IF NOT EXISTS is_active BOOLEAN NOT NULL DEFAULT true;

-- The drift the incident did not notice: BaseModel's updated_date is NOT NULL, the table let it be null.
UPDATE integration_tokens SET updated_date = CURRENT_TIMESTAMP WHERE updated_date IS NULL;
ALTER TABLE integration_tokens ALTER COLUMN updated_date SET NOT NULL;
