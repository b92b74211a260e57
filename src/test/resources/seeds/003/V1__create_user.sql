-- The "user" table exists; the migration creating integrations was never written.
CREATE TABLE "user" (
    id           VARCHAR(255) PRIMARY KEY,
    email        VARCHAR(255) NOT NULL,
    notion_token TEXT
);
