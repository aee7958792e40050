package dev.recall.content.tag;

import dev.recall.content.access.Actor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** Tags of the live notes an actor may read, with how many notes carry each (the 1,000 most used). */
@ApplicationScoped
public class TagService {

    public record TagCount(String tag, long notes) {
    }

    @Inject
    Pool client;

    public Uni<List<TagCount>> counts(Actor actor) {
        return client.preparedQuery("SELECT tag, count(*) FROM note n, unnest(n.tags) tag WHERE " + actor.readableSql("n", 1)
                        + " AND n.deleted_at IS NULL GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 1000")
                .execute(Tuple.from(actor.readParameters()))
                .map(rows -> {
                    List<TagCount> tags = new ArrayList<>();
                    rows.forEach(row -> tags.add(new TagCount(row.getString(0), row.getLong(1))));
                    return tags;
                });
    }
}
