package dev.recall.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SqlCaptureTests {

    // As PostgreSQL 15 on Debian logs with log_statement = 'all' (prefix '%m [%p] %q%u@%d ').
    static final String LOG = """
            2026-12-01 22:08:01.101 UTC [4242] postgres@recall_content_bench LOG:  statement: BEGIN
            2026-12-01 22:08:01.102 UTC [4242] postgres@recall_content_bench LOG:  execute <unnamed>: insert into note (id,title,tags)
            \tvalues ($1,$2,$10)
            2026-12-01 22:08:01.102 UTC [4242] postgres@recall_content_bench DETAIL:  parameters: $1 = '0b4c2f1e-2a63-4a8b-9d1e-0c1d2e3f4a5b', $2 = 'It''s: true', $10 = NULL
            2026-12-01 22:08:01.103 UTC [5151] postgres@recall_content_bench LOG:  execute S_1: SELECT id FROM outbox_event
            2026-12-01 22:08:01.103 UTC [4242] postgres@recall_quiz_bench LOG:  statement: SELECT 1
            2026-12-01 22:08:01.104 UTC [4242] postgres@recall_content_bench LOG:  execute s1: INSERT INTO outbox_event (event_id, payload) VALUES ($1, $2)
            2026-12-01 22:08:01.104 UTC [4242] postgres@recall_content_bench DETAIL:  parameters: $1 = '7d1e0c1d-2e3f-4a5b-8b4c-2f1e2a634a8b', $2 = '{"retired":false,"id":"0b4c2f1e-2a63-4a8b-9d1e-0c1d2e3f4a5b"}'
            2026-12-01 22:08:01.105 UTC [4242] postgres@recall_content_bench LOG:  statement: COMMIT
            """;

    @Test
    void keepsTheDatabasesStatementsButNotTheRelaysWithTheirParametersInlined() {
        List<SqlCapture.Captured> statements = SqlCapture.parse(LOG, "recall_content_bench", Set.of(5151));
        assertThat(statements).extracting(SqlCapture.Captured::sql).containsExactly(
                "BEGIN",
                "insert into note (id,title,tags)\nvalues ('0b4c2f1e-2a63-4a8b-9d1e-0c1d2e3f4a5b','It''s: true',NULL)",
                "INSERT INTO outbox_event (event_id, payload) VALUES ('7d1e0c1d-2e3f-4a5b-8b4c-2f1e2a634a8b', "
                        + "'{\"retired\":false,\"id\":\"0b4c2f1e-2a63-4a8b-9d1e-0c1d2e3f4a5b\"}')",
                "COMMIT");
    }

    @Test
    void pgbenchScriptGivesEachTransactionFreshIdsAndKeepsColonsOutOfVariables() {
        List<SqlCapture.Captured> statements = SqlCapture.parse(LOG, "recall_content_bench", Set.of(5151));
        String script = PgBench.script(statements, Map.of(), List.of());
        assertThat(script).isEqualTo("""
                SELECT gen_random_uuid() AS u1, gen_random_uuid() AS u2 \\gset
                BEGIN;
                insert into note (id,title,tags)
                values (:u1,'It''s: true',NULL);
                INSERT INTO outbox_event (event_id, payload) VALUES (:u2, E'{"retired"\\x3afalse,"id"\\x3a"0b4c2f1e-2a63-4a8b-9d1e-0c1d2e3f4a5b"}');
                COMMIT;
                """);
    }

    @Test
    void aFixedValueBecomesTheNamedVariable() {
        String script = PgBench.script(List.of(new SqlCapture.Captured("SELECT * FROM card WHERE id = '0b4c2f1e-2a63-4a8b-9d1e-0c1d2e3f4a5b' FOR UPDATE")),
                Map.of("0b4c2f1e-2a63-4a8b-9d1e-0c1d2e3f4a5b", "card"), List.of("\\set n random(1, 10)"));
        assertThat(script).isEqualTo("\\set n random(1, 10)\nSELECT * FROM card WHERE id = :card FOR UPDATE;\n");
    }
}
