-- a second table
CREATE TABLE t2 (x INTEGER);
