package dev.recall.content.transfer;

import dev.recall.platform.problem.Text;

/** Why an upload cannot be imported: 413 when it is too large, 422 when its content is not importable. */
public class ImportException extends RuntimeException {

    private final int status;
    private final String slug;
    private final Text text;

    public ImportException(int status, String slug, Text text) {
        super(text.toString());
        this.text = text;
        this.status = status;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public Text text() {
        return text;
    }

    public String slug() {
        return slug;
    }
}
