-- At most `cap` of a tenant's notes matching a query, found by the GIN index (note_search) and nothing else: search
-- (NoteSearch) asks for MAX_CANDIDATES of them to learn, from the data, whether a query is rare (then these are all
-- its matches) or common (then it walks the tenant's newest notes instead). The SET clauses leave the planner only
-- the bitmap scan of the GIN index, whatever it guesses about the query: a guess that two common words are common
-- together made it walk every note of the tenant. Deleted notes and the read rule are applied by the caller.
CREATE FUNCTION note_search_matches(query TSQUERY, note_tenant TEXT, cap INTEGER) RETURNS TABLE (id UUID)
    LANGUAGE sql STABLE PARALLEL SAFE
    SET enable_seqscan = off
    SET enable_indexscan = off
AS $$ SELECT n.id FROM note n WHERE n.search_vector @@ query AND n.tenant = note_tenant LIMIT cap $$;
