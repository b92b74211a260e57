-- The rich model's schema as people write it by hand: serial ids, text, int4, timestamptz, no precisions.
CREATE SEQUENCE auditable_seq INCREMENT BY 20;
CREATE SEQUENCE document_seq INCREMENT BY 50;

CREATE TABLE alltypes (
    id               bigserial PRIMARY KEY,
    age              int4 CHECK (age BETWEEN 0 AND 150),
    biginteger       numeric,
    bytes            bytea,
    counter          int4 NOT NULL DEFAULT 0,
    defaultdecimal   numeric(38,2),
    definedtext      text NOT NULL DEFAULT 'x',
    duration         numeric(21),
    instant          timestamptz,
    intarray         int4[],
    integerlist      integer[],
    jsonmap          jsonb,
    jsonrecord       jsonb,
    lobbytes         oid,
    lobtext          oid,
    localdate        date,
    localdatetime    timestamp,
    measured         numeric(11,3),
    money            numeric(12,2),
    offsetdatetime   timestamptz,
    offsettime       time,
    ordinalstatus    int2,
    plainstring      text,
    primitiveboolean bool NOT NULL,
    primitivebyte    int2 NOT NULL,
    primitivechar    char(1) NOT NULL,
    primitivedouble  float8 NOT NULL,
    primitivefloat   real NOT NULL,
    primitiveint     int NOT NULL,
    primitivelong    int8 NOT NULL,
    primitiveshort   smallint NOT NULL,
    shortstring      varchar(32) NOT NULL,
    state            text DEFAULT 'pending',
    stringarray      text[],
    stringstatus     text,
    timeofday        time,
    uuid             uuid,
    wrapperboolean   boolean,
    wrapperbyte      int2,
    wrapperchar      char(1),
    wrapperdouble    double precision,
    wrapperfloat     float4,
    wrapperint       integer,
    wrapperlong      bigint,
    wrappershort     int2,
    yesno            char(1) NOT NULL,
    zoneddatetime    timestamptz,
    legacy_note      text
);

CREATE TABLE payment (id bigserial PRIMARY KEY, amount numeric(38,2));
CREATE TABLE bankpayment (id int8 PRIMARY KEY REFERENCES payment, iban text);
CREATE TABLE cardpayment (id int8 PRIMARY KEY REFERENCES payment, cardnumber varchar(19) NOT NULL);

CREATE TABLE customer (
    id          int8 PRIMARY KEY,
    createdat   timestamptz NOT NULL DEFAULT now(),
    updatedat   timestamp,
    version     int4 NOT NULL,
    city        text,
    street      text,
    postal_code varchar(10),
    name        varchar(80) NOT NULL
);
CREATE TABLE customer_detail (id int8 PRIMARY KEY REFERENCES customer, newsletter bool, notes text);
CREATE TABLE label (id serial PRIMARY KEY, text varchar(40) NOT NULL UNIQUE);
CREATE TABLE customer_label (
    customer_id int8 NOT NULL REFERENCES customer,
    label_id    int4 NOT NULL REFERENCES label,
    PRIMARY KEY (customer_id, label_id)
);
CREATE TABLE customer_phone (
    customer_id int8 NOT NULL REFERENCES customer,
    kind        text,
    number      text,
    position    int4 NOT NULL,
    PRIMARY KEY (customer_id, position)
);
CREATE TABLE customer_tags (customer_id int8 NOT NULL REFERENCES customer, tags text, UNIQUE (customer_id, tags));

CREATE TABLE invoice (id int8 PRIMARY KEY, title text, customer_id int8 REFERENCES customer, total numeric(38,2));
CREATE TABLE receipt (id int8 PRIMARY KEY, title text, customer_id int8 REFERENCES customer, issuedon date);

CREATE TABLE "user" (id uuid PRIMARY KEY, "Login" text NOT NULL);

CREATE TABLE vehicle (
    id           bigserial PRIMARY KEY,
    kind         varchar(31) NOT NULL,
    registration text NOT NULL,
    doors        int4,
    payload      float8,
    created_by   text DEFAULT current_user
);
