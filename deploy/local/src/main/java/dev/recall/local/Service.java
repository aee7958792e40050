package dev.recall.local;

/** The three services as the local stack runs them. */
public enum Service {
    CONTENT("content-service", 8081, "recall_content"),
    QUIZ("quiz-service", 8082, "recall_quiz"),
    PROGRESS("progress-service", 8083, "recall_progress");

    public final String module;
    public final int defaultPort;
    public final String database;

    Service(String module, int defaultPort, String database) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }
}
