-- The "user" table, with the Notion token stored on it.
CREATE TABLE "user" (
    id           VARCHAR(255) PRIMARY KEY,
    email        VARCHAR(255) NOT NULL,
    notion_token TEXT
);
