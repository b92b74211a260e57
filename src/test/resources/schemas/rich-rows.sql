-- A few rows in every table of the rich model (on Hibernate's own DDL for it), for the property test of
-- detection and repair. Every column holds a value: any nullable column may be made NOT NULL. Strings are at
-- most 8 characters, numbers small, timestamps whole seconds, so narrowed types still hold them.
INSERT INTO customer (id, createdat, updatedat, version, city, street, postal_code, name) VALUES
    (1, '2024-01-02 03:04:05+00', '2024-01-02 03:04:05', 0, 'Oslo', 'Main St', '0150', 'Ann'),
    (2, '2024-02-03 04:05:06+00', '2024-02-03 04:05:06', 1, 'Bergen', 'Side St', '5003', 'Bob');
INSERT INTO customer_detail (id, newsletter, notes) VALUES (1, true, 'vip'), (2, false, 'new');
INSERT INTO label (text) VALUES ('red'), ('blue');
INSERT INTO customer_label (customer_id, label_id) VALUES (1, 1), (1, 2), (2, 1);
INSERT INTO customer_phone (customer_id, kind, number, position) VALUES
    (1, 'HOME', '5550100', 0), (1, 'WORK', '5550101', 1), (2, 'MOBILE', '5550102', 0);
INSERT INTO customer_tags (customer_id, tags) VALUES (1, 'gold'), (1, 'early'), (2, 'gold');
INSERT INTO invoice (id, title, customer_id, total) VALUES (1, 'inv-1', 1, 10.50), (2, 'inv-2', 2, 3.00);
INSERT INTO receipt (id, title, customer_id, issuedon) VALUES (3, 'rec-3', 1, '2024-03-04'), (4, 'rec-4', 2, '2024-04-05');
INSERT INTO payment (amount) VALUES (12.34), (56.78), (9.00);
INSERT INTO cardpayment (id, cardnumber) VALUES (1, '4111');
INSERT INTO bankpayment (id, iban) VALUES (2, 'NO9386');
INSERT INTO "user" (id, "Login") VALUES
    ('00000000-0000-0000-0000-000000000001', 'ann'), ('00000000-0000-0000-0000-000000000002', 'bob');
INSERT INTO vehicle (kind, registration, doors, payload) VALUES
    ('Vehicle', 'VE-1', 0, 0), ('Car', 'CA-2', 4, 0.5), ('Truck', 'TR-3', 2, 12.5);
INSERT INTO alltypes (
    age, biginteger, bytes, counter, defaultdecimal, definedtext, duration, instant, intarray, integerlist,
    jsonmap, jsonrecord, lobbytes, lobtext, localdate, localdatetime, measured, money, offsetdatetime, offsettime,
    ordinalstatus, plainstring, primitiveboolean, primitivebyte, primitivechar, primitivedouble, primitivefloat,
    primitiveint, primitivelong, primitiveshort, shortstring, state, stringarray, stringstatus, timeofday, uuid,
    wrapperboolean, wrapperbyte, wrapperchar, wrapperdouble, wrapperfloat, wrapperint, wrapperlong, wrappershort,
    yesno, zoneddatetime)
SELECT 30 + n, 1000 + n, convert_to('bytes' || n, 'UTF8'), n, 1.25 * n, 'text' || n, 1000000000 * n,
    '2024-01-02 03:04:05+00'::timestamptz + n * interval '1 day', ARRAY[n, n + 1], ARRAY[n],
    '{"a": 1}', '{"theme": "dark", "pageSize": 20}', lo_from_bytea(0, 'blob'), lo_from_bytea(0, 'clob'),
    DATE '2024-01-02' + n, TIMESTAMP '2024-01-02 03:04:05' + n * interval '1 hour', 1.125 * n, 99.95 * n,
    '2024-05-06 07:08:09+02', '10:11:12', n % 3, 'plain' || n, n % 2 = 0, n, 'c', 0.5 * n, 0.25 * n,
    n, 100000 * n, n, 'short' || n, 'pending', ARRAY['a', 'b'], 'ACTIVE', '13:14:15',
    ('00000000-0000-0000-0000-00000000000' || n)::uuid,
    n % 2 = 1, n, 'w', 1.5 * n, 2.5 * n, 10 * n, 1000 * n, n, 'Y', '2024-07-08 09:10:11+00'
FROM generate_series(1, 2) AS n;
