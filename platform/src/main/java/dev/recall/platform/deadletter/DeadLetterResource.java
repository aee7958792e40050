package dev.recall.platform.deadletter;

import dev.recall.platform.problem.Text;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.recall.platform.outbox.OutboxDeadLetters;
import dev.recall.platform.paging.Cursor;
import dev.recall.platform.paging.Page;
import dev.recall.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Dead letters for operators: each service lists its own (the dead-letter topics of its incoming channels and
 * the outbox rows the broker refused) and replays chosen ones. Cross-tenant by nature, so only the
 * {@code operator} role may call it; it is meant for port-forwarding, not the public Ingress.
 */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(DeadLetterResource.OPERATOR)
@Tag(name = "dead letters", description = "Operators: inspect and replay dead-lettered events")
public class DeadLetterResource {

    public static final String OPERATOR = "operator";

    @Inject
    DeadLetters deadLetters;

    @Inject
    OutboxDeadLetters outbox;

    public record Summary(Map<String, Long> topics, long outbox) {
    }

    public record ReplayRequest(@NotNull @NotEmpty @Size(max = 500) List<@Valid @NotNull Position> records) {
    }

    public record Position(@PositiveOrZero int partition, @PositiveOrZero long offset) {
    }

    public record OutboxReplayRequest(@NotNull @NotEmpty @Size(max = 500) List<@NotNull Long> ids) {
    }

    public record OutboxPage(List<OutboxDeadLetters.Row> rows, @Schema(nullable = true, description = "null on the last page") String nextCursor) {
    }

    @GET
    @Operation(summary = "This service's dead-letter topics with their record counts, and the refused outbox rows")
    public Summary summary() throws SQLException {
        return new Summary(deadLetters.depths(), outbox.count());
    }

    @GET
    @Path("/outbox")
    @Operation(summary = "Outbox rows the broker refused, with the reason, oldest first")
    public OutboxPage outboxRows(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) throws SQLException {
        int size = limit(limit);
        Cursor after = Cursor.decode("outbox-dead-letters", cursor, 1);
        Page<OutboxDeadLetters.Row> page = Page.of(outbox.list(size + 1, after == null ? 0 : after.number(0)), size, row -> row,
                row -> Cursor.of("outbox-dead-letters", Long.toString(row.id())));
        return new OutboxPage(page.items(), page.nextCursor());
    }

    @POST
    @Path("/outbox/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Moves refused outbox rows back into the outbox to publish them again")
    public Map<String, List<Long>> replayOutbox(@Valid @NotNull OutboxReplayRequest request) throws SQLException {
        return Map.of("replayed", outbox.replay(request.ids()));
    }

    @GET
    @Path("/{topic}")
    @Operation(summary = "Records of one dead-letter topic with the reason each was parked")
    public DeadLetters.Page records(@PathParam("topic") String topic, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        return deadLetters.list(topic, limit(limit), cursor);
    }

    @POST
    @Path("/{topic}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sends chosen records back to the topic they came from (consumers apply each event once)")
    public Map<String, List<DeadLetterRecord>> replay(@PathParam("topic") String topic, @Valid @NotNull ReplayRequest request) {
        return Map.of("replayed", deadLetters.replay(topic,
                request.records().stream().map(p -> new DeadLetters.Position(p.partition(), p.offset())).toList()));
    }

    private static int limit(Integer limit) {
        int value = limit == null ? 50 : limit;
        if (value < 1 || value > 200) {
            throw ProblemException.invalid("limit", Text.of("input.between", 1, 200));
        }
        return value;
    }
}
