-- note_search without its pending list: with fastupdate on, new entries wait in an unsorted list of up to 4 MB
-- (gin_pending_list_limit) that every search reads in full before the index proper. In benchmarks/run.sh's database
-- it held 464 pages (15,345 entries) after the seed, and a search for a rare word spent 5-9 ms of its 7-13 ms
-- there. Inserting into the index directly is no slower per note (pgbench, single-row inserts: 0.58 against 1.66 ms).
ALTER INDEX note_search SET (fastupdate = off);
SELECT gin_clean_pending_list('note_search');
