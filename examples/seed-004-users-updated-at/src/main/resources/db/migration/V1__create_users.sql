-- The users table as Base.metadata.create_all() made it, before updated_at existed and before migrations were
-- set up. Databases created this way never got the column.
CREATE TABLE users (
    id              UUID PRIMARY KEY,
    email           VARCHAR(255) NOT NULL UNIQUE,
    hashed_password VARCHAR(255) NOT NULL,
    created_at      TIMESTAMP NOT NULL DEFAULT now()
);
