-- 20251028_110000_057_create_integration_tokens_table.sql, as it ran: without the base model's is_active,
-- and with updated_date nullable.
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
