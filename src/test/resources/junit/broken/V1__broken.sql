CREATE TABLE integration_tokens (
    id BIGSERIAL PRIMARY KEY,
    user_id INTEGR NOT NULL
);
