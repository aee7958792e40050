package dev.recall.progress.review;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The learner's "today": from the last day-start hour in their time zone to the next one. A card due
 * before {@link #end()} belongs to today's queue.
 */
public record StudyDay(Instant start, Instant end) {

    public static StudyDay containing(Instant now, ZoneId zone, int dayStartHour) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime start = local.toLocalDate().atStartOfDay(zone).withHour(dayStartHour);
        if (start.isAfter(local)) {
            start = start.minusDays(1);
        }
        return new StudyDay(start.toInstant(), start.plusDays(1).toInstant());
    }
}
