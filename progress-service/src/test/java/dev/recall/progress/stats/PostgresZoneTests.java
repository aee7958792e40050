package dev.recall.progress.stats;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresZoneTests {

    @Test
    void regionsStayAndOffsetsTurnTheirSignForPosix() {
        assertThat(StatsService.postgresZone(ZoneId.of("Asia/Shanghai"))).isEqualTo("Asia/Shanghai");
        assertThat(StatsService.postgresZone(ZoneId.of("+05:30"))).isEqualTo("UTC-05:30:00");
        assertThat(StatsService.postgresZone(ZoneId.of("UTC-03:00"))).isEqualTo("UTC+03:00:00");
        assertThat(StatsService.postgresZone(ZoneId.of("Z"))).isEqualTo("UTC+00:00:00");
        assertThat(StatsService.postgresZone(ZoneId.of("+14:00"))).isEqualTo("UTC-14:00:00");
    }
}
