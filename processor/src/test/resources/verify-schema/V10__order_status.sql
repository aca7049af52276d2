-- Applied after V2 (versions compare as numbers, not as text): it alters a table V2 creates.
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'NEW';
