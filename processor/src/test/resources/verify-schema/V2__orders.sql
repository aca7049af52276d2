CREATE TABLE orders (
    id        bigserial PRIMARY KEY,
    user_id   bigint         NOT NULL REFERENCES users (id),
    total     numeric(12, 2) NOT NULL,
    note      text,
    placed_at timestamptz    NOT NULL DEFAULT now()
);

CREATE TABLE order_items (
    id       bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id),
    sku      text   NOT NULL,
    quantity int    NOT NULL
);

CREATE TABLE tags (
    user_id bigint NOT NULL REFERENCES users (id),
    name    text   NOT NULL,
    weight  int    NOT NULL,
    PRIMARY KEY (user_id, name)
);
