package dev.quarry.it.relation;

import dev.quarry.testing.TestDatabase;

/** The shop's tables, and a small deterministic data set that holds every case a graph can have. */
final class ShopSchema {
    private ShopSchema() {}

    static void create(TestDatabase db) {
        db.execute("""
                CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);
                CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users,
                                     total numeric(10, 2) NOT NULL, created_at timestamptz NOT NULL);
                CREATE INDEX ON orders (user_id);
                CREATE TABLE order_items (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders,
                                          sku text NOT NULL, quantity int NOT NULL);
                CREATE INDEX ON order_items (order_id);
                CREATE TABLE profiles (user_id bigint PRIMARY KEY REFERENCES users, bio text NOT NULL);
                """);
    }

    /**
     * 60 users; user u has u % 4 orders (ids u*10+1…), so every fourth has none; order o has
     * (o * 7) % 4 items (ids o*10+1…) of quantity 1 or 2, so three items always hold a tie; users
     * not divisible by 3 have a profile.
     * Order times are a permutation of the ids (7919 is prime, all ids are below 100003), so
     * "created_at DESC" has no ties and is not the id order. Items are written in descending id
     * order so that their physical order is not their id order either.
     */
    static void fill(TestDatabase db) {
        db.execute("""
                INSERT INTO users SELECT u, 'user-' || u || '@example.com' FROM generate_series(1, 60) u;
                INSERT INTO orders
                  SELECT u * 10 + k, u, ((u * 10 + k) * 37 % 10000) / 100.0,
                         timestamptz '2024-01-01 00:00:00+00' + ((u * 10 + k) * 7919 % 100003) * interval '1 minute'
                  FROM generate_series(1, 60) u, generate_series(1, u % 4) k;
                INSERT INTO order_items
                  SELECT o.id * 10 + j, o.id, 'sku-' || o.id || '-' || j, 1 + (o.id + j) % 2
                  FROM orders o, generate_series(1, (o.id * 7)::int % 4) j
                  ORDER BY 1 DESC;
                INSERT INTO profiles SELECT u, 'bio of user ' || u FROM generate_series(1, 60) u WHERE u % 3 <> 0;
                """);
    }
}
