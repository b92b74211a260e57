-- Plain SQL migrations, applied in lexical order (no Flyway naming needed).
CREATE TABLE authors (
    id   bigserial PRIMARY KEY,
    name text NOT NULL
);
