-- inbox delivery key: a retried inbox delivery inserts nothing (was added at run time by NotifySchema)
-- Databases of earlier versions may already have the column and index (added outside the migrations).
ALTER TABLE inbox ADD COLUMN IF NOT EXISTS delivery_key TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS inbox_delivery_key ON inbox (delivery_key);
