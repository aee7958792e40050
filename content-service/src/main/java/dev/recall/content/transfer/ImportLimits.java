package dev.recall.content.transfer;

/** How much one import may carry. Beyond them the upload is refused whole with a 413. */
public record ImportLimits(long maxUploadBytes, long maxUnpackedBytes, int maxFiles, int maxFileBytes, int maxDepth) {

    public static final ImportLimits DEFAULT = new ImportLimits(5L << 20, 20L << 20, 500, 1 << 20, 8);
}
