-- a table
CREATE TABLE t1 (x INTEGER);
