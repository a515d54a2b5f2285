package org.hotline.call;

import java.util.List;

/** How a caller left the voice menu. */
sealed interface MenuOutcome {

    /** A leaf, the agent key, or too many wrong keys: hand the caller to {@code queue}. */
    record ToQueue(String queue, List<String> path) implements MenuOutcome {}

    /** Rule R5: nothing was pressed; the goodbye has been said and its pause has passed. */
    record SilentLine() implements MenuOutcome {}
}
