-- V5's note_search_matches is no longer called: counting a query's first 1,000 matches through it before choosing
-- how to find the newest ones cost more than it saved (benchmarks/run.sh, 100,000 notes: the common term's query 2-4x
-- slower, rare terms ~2x, since the matches were read twice), while it bounded only a tail the benchmark does not
-- have (two common words that never meet). NoteSearch is back to one statement and the planner's choice.
DROP FUNCTION note_search_matches(TSQUERY, TEXT, INTEGER);
