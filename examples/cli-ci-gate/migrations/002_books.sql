CREATE TABLE books (
    id           bigserial PRIMARY KEY,
    title        varchar(200) NOT NULL,
    isbn         varchar(13) UNIQUE,
    author_id    bigint NOT NULL REFERENCES authors,
    published_on date
);
