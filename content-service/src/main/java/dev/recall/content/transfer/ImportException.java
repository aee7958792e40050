package dev.recall.content.transfer;

/** Why an upload cannot be imported: 413 when it is too large, 422 when its content is not importable. */
public class ImportException extends RuntimeException {

    private final int status;
    private final String slug;

    public ImportException(int status, String slug, String message) {
        super(message);
        this.status = status;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }
}
