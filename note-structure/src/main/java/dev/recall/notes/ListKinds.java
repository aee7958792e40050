package dev.recall.notes;

import java.util.List;
import java.util.regex.Pattern;

/** Tells numbered steps of a process from other numbered points. */
final class ListKinds {

    private static final Pattern STEP = Pattern.compile(
            "(?i)^\\s*(?:step\\s*\\d+|第[一二三四五六七八九十\\d]+步|首先|然后|接着|其次|再|之后|最后|first(?:ly)?\\b|then\\b|next\\b|finally\\b|lastly\\b)");

    private ListKinds() {
    }

    /** STEPS when most items open with a step word ("Step 2", "第二步", "然后", "Finally"); NUMBERED otherwise. */
    static ListKind ordered(List<String> items) {
        long steps = items.stream().filter(i -> STEP.matcher(i).find()).count();
        return items.size() >= 2 && steps * 2 >= items.size() ? ListKind.STEPS : ListKind.NUMBERED;
    }
}
