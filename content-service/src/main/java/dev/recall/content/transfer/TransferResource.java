package dev.recall.content.transfer;

import dev.recall.content.access.Actor;
import dev.recall.content.transfer.NoteImport.ImportResult;
import dev.recall.platform.auth.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.recall.content.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;


/** Import Markdown files or a zip of them (folders become decks); export a deck as a zip. */
@Path("/api/v1")
@RolesAllowed({Caller.LEARNER, Caller.AUTHOR, Caller.ADMIN})
public class TransferResource {

    @Inject
    NoteImport imports;

    @Inject
    NoteExport exports;

    @Inject
    Caller caller;

    @POST
    @Path("/imports")
    @Consumes({"text/markdown", "text/plain", "application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a Markdown file or a zip of Markdown files",
            description = "Front matter gives title and tags; zip folders become (nested) decks. All or nothing; 413 beyond the limits.")
    @APIResponse(responseCode = "201", description = "Imported, all notes at once", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "413", description = "The upload or one of its files is larger than the limits (too-large)")
    @APIResponse(responseCode = "422", description = "No Markdown in the upload, or a file is not text (nothing-to-import, invalid-file)")
    public Uni<Response> importNotes(byte[] body, @QueryParam("name") String name, @QueryParam("visibility") @Schema(enumeration = {"private", "tenant", "public"}) String visibility,
                                     @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        boolean zip = contentType != null && (contentType.startsWith("application/zip") || contentType.startsWith(MediaType.APPLICATION_OCTET_STREAM));
        Uni<ImportResult> result = imports.importUpload(Actor.of(caller), body, zip, Params.text("name", name, 255),
                Params.text("visibility", visibility, 20));
        return result.map(r -> Response.status(201).entity(r).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/exports/decks/{id}")
    @Produces("application/zip")
    @Operation(summary = "Export a deck (and its sub-decks as folders) as a zip of Markdown files with front matter")
    @APIResponse(responseCode = "200", description = "The zip", content = @Content(mediaType = "application/zip"))
    @APIResponse(responseCode = "422", description = "The deck and its sub-decks hold more Markdown than one export may (export-too-large); export the sub-decks one at a time")
    public Uni<Response> export(@PathParam("id") @Parameter(schema = @Schema(ref = "UUID")) String id) {
        return exports.export(Actor.of(caller), Params.uuid("id", id)).map(export -> Response.ok(export.zip(), "application/zip")
                .header("Content-Disposition", ArchiveNames.contentDisposition(export.fileName())).build());
    }
}
