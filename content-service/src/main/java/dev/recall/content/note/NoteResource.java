package dev.recall.content.note;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recall.content.access.Actor;
import dev.recall.content.note.NoteViews.DiffView;
import dev.recall.content.note.NoteViews.NoteSummary;
import dev.recall.content.note.NoteViews.OutlineView;
import dev.recall.content.note.NoteViews.VersionSummary;
import dev.recall.content.note.NoteViews.VersionView;
import dev.recall.content.web.Params;
import dev.recall.platform.auth.Caller;
import dev.recall.platform.idempotency.IdempotencyKeys.Stored;
import dev.recall.platform.paging.Page;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/notes")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "notes", description = "Markdown notes with versions, outline and soft delete")
public class NoteResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    NoteCommands commands;

    @Inject
    NoteQueries queries;

    @Inject
    NoteHistory history;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.AUTHOR, Caller.ADMIN})
    @Operation(summary = "Create a note", description = "Stores Markdown and publishes NotePublished. Retry safely with Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created; Location points to the note. A replay with the same Idempotency-Key and body answers the same.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteView.class)),
            headers = @Header(name = "Location", description = "/api/v1/notes/{id}", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "400", description = "Invalid or malformed body (problem+json)")
    @APIResponse(responseCode = "413", description = "Body larger than 8 MiB")
    @APIResponse(responseCode = "422", description = "Unknown deck, or Idempotency-Key reused with another body")
    public Uni<Response> create(@Valid @NotNull NoteRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return commands.create(Actor.of(caller), request, idempotencyKey).map(NoteResource::toResponse);
    }

    @GET
    @RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
    @Operation(summary = "List notes the caller may read", description = "Newest first, cursor-paginated; deleted=true lists the caller's trash (an admin's: the tenant's).")
    public Uni<Page<NoteSummary>> list(@QueryParam("deck") String deck, @QueryParam("tag") String tag,
                                       @QueryParam("author") String author, @QueryParam("deleted") boolean deleted,
                                       @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String limit, @QueryParam("cursor") String cursor) {
        NoteFilter filter = NoteFilter.of(deck, tag, author);
        return queries.list(Actor.of(caller), new NoteQueries.Filter(filter.deckId(), filter.tag(), filter.authorId(), deleted),
                Page.limit(Params.limit(limit)), cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
    @Operation(summary = "Read a note with its outline", description = "The ETag header is the version; send it back as If-Match to change the note.")
    @APIResponse(responseCode = "200", description = "The note; ETag is its version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteView.class)),
            headers = @Header(name = "ETag", description = "The note's version as a strong ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the current version: the note has not changed")
    @APIResponse(responseCode = "404", description = "No such note in your tenant, or not visible to you")
    public Uni<Response> get(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id,
                             @Parameter(description = "an ETag the client holds; 304 when it is the current version") @HeaderParam("If-None-Match") String ifNoneMatch) {
        return queries.get(Actor.of(caller), Params.uuid("id", id)).map(view -> Preconditions.notModified(ifNoneMatch, view.version())
                ? Response.notModified().header("ETag", Preconditions.etag(view.version())).build()
                : withEtag(view));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.AUTHOR, Caller.ADMIN})
    @Operation(summary = "Replace a note", description = "Needs If-Match; a new version and NoteUpdated. Omitted optional fields reset to defaults.")
    @APIResponse(responseCode = "200", description = "The note as replaced, with its new ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteView.class)),
            headers = @Header(name = "ETag", description = "The note's version as a strong ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "412", description = "If-Match is stale: the note changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Uni<Response> replace(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id, @Parameter(description = "the note's ETag") @HeaderParam("If-Match") String ifMatch,
                                 @Valid @NotNull NoteRequest request) {
        return commands.replace(Actor.of(caller), Params.uuid("id", id), ifMatch, request).map(NoteResource::withEtag)
                .invoke(() -> Log.debugf("note %s replaced", id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Caller.AUTHOR, Caller.ADMIN})
    @Operation(summary = "Change some fields of a note (JSON merge patch)", description = "Needs If-Match; null clears deckId or language.")
    @APIResponse(responseCode = "200", description = "The note as changed, with its new ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteView.class)),
            headers = @Header(name = "ETag", description = "The note's version as a strong ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Uni<Response> patch(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id, @HeaderParam("If-Match") String ifMatch,
                               @RequestBody(required = true, content = {
                                       @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = NotePatch.class)),
                                       @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotePatch.class))})
                               JsonNode patch) {
        return commands.patch(Actor.of(caller), Params.uuid("id", id), ifMatch, patch).map(NoteResource::withEtag);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Caller.AUTHOR, Caller.ADMIN})
    @Operation(summary = "Delete a note (soft)", description = "Publishes NoteDeleted; POST .../restore brings it back. If-Match is honoured when sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id, @HeaderParam("If-Match") String ifMatch) {
        return commands.delete(Actor.of(caller), Params.uuid("id", id), ifMatch).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{id}/restore")
    @RolesAllowed({Caller.AUTHOR, Caller.ADMIN})
    @Operation(summary = "Restore a deleted note", description = "A new version; publishes NotePublished.")
    @APIResponse(responseCode = "200", description = "The restored note, with its new ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteView.class)),
            headers = @Header(name = "ETag", description = "The note's version as a strong ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "The note is not deleted")
    public Uni<Response> restore(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id, @HeaderParam("If-Match") String ifMatch) {
        return commands.restore(Actor.of(caller), Params.uuid("id", id), ifMatch).map(NoteResource::withEtag);
    }

    @GET
    @Path("/{id}/outline")
    @RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
    @Operation(summary = "The heading tree with stable section ids and word counts", description = "CJK characters count as one word each.")
    public Uni<OutlineView> outline(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id) {
        return queries.outline(Actor.of(caller), Params.uuid("id", id));
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
    @Operation(summary = "The note's immutable versions, newest first (cursor-paginated)")
    public Uni<Page<VersionSummary>> versions(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id, @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String limit,
                                              @QueryParam("cursor") String cursor) {
        return history.versions(Actor.of(caller), Params.uuid("id", id), Page.limit(Params.limit(limit)), cursor);
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
    @Operation(summary = "One version of the note, with its Markdown")
    public Uni<VersionView> version(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id, @PathParam("version") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String version) {
        return history.version(Actor.of(caller), Params.uuid("id", id), Params.version("version", version));
    }

    @GET
    @Path("/{id}/diff")
    @RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
    @Operation(summary = "Line diff between two versions", description = "to defaults to the current version, from to the one before it.")
    public Uni<DiffView> diff(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id, @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String from,
                              @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String to) {
        return history.diff(Actor.of(caller), Params.uuid("id", id), Params.version("from", from), Params.version("to", to));
    }

    static Response withEtag(NoteView view) {
        return Response.ok(view).header("ETag", Preconditions.etag(view.version())).build();
    }

    static Response toResponse(Stored stored) {
        Response.ResponseBuilder builder = Response.status(stored.status()).entity(stored.body()).type(MediaType.APPLICATION_JSON);
        if (stored.location() != null) {
            builder.location(URI.create(stored.location()));
        }
        return builder.build();
    }
}
