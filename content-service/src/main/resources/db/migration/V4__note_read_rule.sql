-- The one read rule of notes (docs/security.md), next to the data and used by every read path: lists, search,
-- counts and tags in SQL, one note, exports and the write lock in HQL. Nothing crosses tenants; in a tenant,
-- admins read everything, everyone else their own notes and those that are not private. A plain SQL function:
-- the planner inlines it, so `note.tenant = $1` still drives the tenant indexes.
CREATE FUNCTION note_readable(note_tenant TEXT, note_author TEXT, note_visibility TEXT,
                              caller_tenant TEXT, caller_id TEXT, caller_admin BOOLEAN) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT note_tenant = caller_tenant AND (caller_admin OR note_author = caller_id OR note_visibility <> 'private') $$;
