package org.hotline.call;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hotline.config.MenuConfig;

/**
 * Where a caller is in the menu tree: the levels entered, the keys that led there, and the
 * counters of the current level. Confined to the call's virtual thread.
 */
final class MenuPosition {

    private final MenuConfig top;
    private final Deque<MenuConfig> levels = new ArrayDeque<>();
    private final List<String> path = new ArrayList<>();
    private int attempt;
    private int invalidKeys;
    private boolean lastKeyInvalid;

    MenuPosition(MenuConfig top) {
        this.top = top;
        toTop();
    }

    MenuConfig level() {
        return levels.peek();
    }

    boolean isSubLevel() {
        return levels.size() > 1;
    }

    List<String> path() {
        return List.copyOf(path);
    }

    List<String> pathWith(char key) {
        List<String> extended = new ArrayList<>(path);
        extended.add(String.valueOf(key));
        return List.copyOf(extended);
    }

    /** 1 when a level is first presented, then 2, 3... as it is repeated. */
    int attempt() {
        return attempt;
    }

    int invalidKeys() {
        return invalidKeys;
    }

    /** Whether the next presentation starts with menu.invalid. */
    boolean lastKeyInvalid() {
        return lastKeyInvalid;
    }

    void down(char key, MenuConfig submenu) {
        levels.push(submenu);
        path.add(String.valueOf(key));
        enter();
    }

    void up() {
        levels.pop();
        path.removeLast();
        enter();
    }

    void toTop() {
        levels.clear();
        path.clear();
        levels.push(top);
        enter();
    }

    void repeat() {
        attempt++;
        lastKeyInvalid = false;
    }

    void invalidKey() {
        attempt++;
        invalidKeys++;
        lastKeyInvalid = true;
    }

    private void enter() {
        attempt = 1;
        invalidKeys = 0;
        lastKeyInvalid = false;
    }
}
