-- As it ran in production: written by hand from the entity's own fields, it forgot the two columns that
-- BaseModel adds, is_active (NOT NULL) and a NOT NULL updated_date.
CREATE TABLE integration_tokens (
    id           BIGSERIAL PRIMARY KEY,
    user_id      INTEGER NOT NULL,
    jwt          TEXT NOT NULL,
    description  TEXT,
    valid        BOOLEAN NOT NULL DEFAULT true,
    created_date TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_date TIMESTAMP,
    deleted_date TIMESTAMPTZ
);
