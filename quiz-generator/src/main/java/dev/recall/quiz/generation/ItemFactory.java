package dev.recall.quiz.generation;

import java.util.List;

/** Builds items of one note: the id from note, heading path, generator and key; the note's tags on each. */
public final class ItemFactory {

    private final String noteId;
    private final List<String> tags;
    /**
     * Normalised heading paths by section (one list object per section), as ids hash them: filled for the note's
     * sections before any rule runs and only read afterwards, so sections may make their items on several threads.
     */
    private final java.util.Map<List<String>, String> paths = new java.util.IdentityHashMap<>();

    ItemFactory(String noteId, List<String> tags) {
        this(noteId, tags, List.of());
    }

    ItemFactory(String noteId, List<String> tags, List<NoteDocument.Section> sections) {
        this.noteId = noteId == null ? "" : noteId;
        this.tags = tags;
        for (NoteDocument.Section section : sections) {
            paths.computeIfAbsent(section.headingPath(), Text::normalisedPath);
        }
    }

    /** The id {@link #item} gives an item; shuffles and distractor picks are seeded with it. */
    public String id(String generator, ItemType type, NoteDocument.Section section, String key) {
        String path = paths.get(section.headingPath());
        if (path == null) {
            path = Text.normalisedPath(section.headingPath()); // a section the factory was not made for (rule tests)
        }
        return Text.idOfNormalisedPath(noteId, path, generator + ":" + type, key);
    }

    QuizItem item(String generator, String key, ItemType type, String prompt, List<String> answers, List<String> options,
                  String explanation, NoteDocument.Section section, int startLine, int endLine, Difficulty difficulty) {
        return itemWithId(id(generator, type, section, key), generator, type, prompt, answers, options, explanation, section, startLine, endLine,
                difficulty);
    }

    private QuizItem itemWithId(String id, String generator, ItemType type, String prompt, List<String> answers, List<String> options,
                                String explanation, NoteDocument.Section section, int startLine, int endLine, Difficulty difficulty) {
        return new QuizItem(id, type, prompt, answers, options, explanation == null ? null : Text.truncate(explanation, 400),
                section.headingPath(), section.sectionId(), startLine, endLine, tags, difficulty, generator);
    }

    /** An item of {@code type} made by rule {@code generator}; {@code key} names the fact (it makes the id). */
    public ItemBuilder builder(String generator, ItemType type, NoteDocument.Section section, String key) {
        return new ItemBuilder(this, generator, type, section, key);
    }

    /** Builds one item step by step instead of an eleven-argument call. */
    public static final class ItemBuilder {
        private final ItemFactory factory;
        private final String generator;
        private final ItemType type;
        private final NoteDocument.Section section;
        private final String key;
        private String prompt = "";
        private List<String> answers = List.of();
        private List<String> options;
        private String explanation;
        private int startLine = 1;
        private int endLine = 1;
        private Difficulty difficulty = Difficulty.MEDIUM;
        /** The id, digested once: rules seed shuffles with it before the item is built. */
        private String id;

        private ItemBuilder(ItemFactory factory, String generator, ItemType type, NoteDocument.Section section, String key) {
            this.factory = factory;
            this.generator = generator;
            this.type = type;
            this.section = section;
            this.key = key;
        }

        public String id() {
            if (id == null) {
                id = factory.id(generator, type, section, key);
            }
            return id;
        }

        public ItemBuilder prompt(String value) {
            prompt = value;
            return this;
        }

        public ItemBuilder answer(String value) {
            answers = List.of(value);
            return this;
        }

        public ItemBuilder answers(List<String> values) {
            answers = values;
            return this;
        }

        public ItemBuilder options(List<String> values) {
            options = values;
            return this;
        }

        public ItemBuilder explanation(String value) {
            explanation = value;
            return this;
        }

        public ItemBuilder lines(NoteDocument.Block block) {
            return lines(block.startLine(), block.endLine());
        }

        public ItemBuilder lines(int start, int end) {
            startLine = start;
            endLine = end;
            return this;
        }

        public ItemBuilder difficulty(Difficulty value) {
            difficulty = value;
            return this;
        }

        public QuizItem build() {
            return factory.itemWithId(id(), generator, type, prompt, answers, options, explanation, section, startLine, endLine, difficulty);
        }
    }
}
