-- Users and their status; the enum is read and bound by name.
CREATE TYPE user_status AS ENUM ('ACTIVE', 'SUSPENDED');

CREATE TABLE users (
    id           bigserial PRIMARY KEY,
    email        text        NOT NULL UNIQUE,
    display_name text,
    age          int,
    status       user_status NOT NULL DEFAULT 'ACTIVE',
    created_at   timestamptz NOT NULL DEFAULT now(),
    born         date,
    last_seen    timestamp,
    score        numeric(10, 2),
    external_id  uuid
);
