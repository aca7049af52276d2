-- The example's domain: tenants own users, users place orders of items, categories form a tree.

CREATE TABLE tenants (
    id   bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE
);

CREATE TABLE users (
    id         bigserial PRIMARY KEY,
    tenant_id  bigint NOT NULL REFERENCES tenants (id),
    email      text NOT NULL UNIQUE,
    status     text NOT NULL CHECK (status IN ('active', 'blocked', 'pending')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- users of a tenant by status; its leading column also serves the tenant joins of the reports
CREATE INDEX users_tenant_id_status_idx ON users (tenant_id, status);
-- counts by status across tenants
CREATE INDEX users_status_idx ON users (status);

CREATE TABLE orders (
    id         bigserial PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id),
    status     text NOT NULL CHECK (status IN ('new', 'paid', 'shipped', 'cancelled')),
    total      numeric(12, 2) NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- moves on with every @Update of an OrderStatus: a change made from a stale read is refused
    version    int NOT NULL DEFAULT 0
);
-- orders of given users, the per-user correlated count and the EXISTS probe
CREATE INDEX orders_user_id_total_idx ON orders (user_id, total);

CREATE TABLE order_items (
    id       bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    sku      text NOT NULL,
    quantity int NOT NULL CHECK (quantity > 0),
    price    numeric(12, 2) NOT NULL CHECK (price >= 0)
);
-- PostgreSQL does not index foreign keys by itself; the cascade and the per-order sums need it
CREATE INDEX order_items_order_id_idx ON order_items (order_id);

CREATE TABLE categories (
    id        bigserial PRIMARY KEY,
    parent_id bigint REFERENCES categories (id),
    name      text NOT NULL
);
CREATE INDEX categories_parent_id_idx ON categories (parent_id);
