-- The users table as the older schema created it: no username, and password_hash NOT NULL.
CREATE TABLE users (
    id            SERIAL PRIMARY KEY,
    email         VARCHAR(255) NOT NULL UNIQUE,
    password_hash VARCHAR(255) NOT NULL,
    full_name     VARCHAR(255),
    role          VARCHAR(50) NOT NULL DEFAULT 'personal_only',
    is_active     BOOLEAN NOT NULL DEFAULT true
);
