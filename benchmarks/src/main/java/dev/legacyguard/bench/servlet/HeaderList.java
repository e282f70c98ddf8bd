package dev.legacyguard.bench.servlet;

import java.util.ArrayList;
import java.util.List;

/** Header fields in arrival order, names compared case-insensitively by a linear scan, as containers do. */
final class HeaderList {

    private final List<String[]> fields = new ArrayList<>();

    void add(String name, String value) {
        fields.add(new String[] {name, value});
    }

    void replace(String name, String value) {
        fields.removeIf(field -> field[0].equalsIgnoreCase(name));
        add(name, value);
    }

    /** The first value of {@code name}, or null. */
    String first(String name) {
        for (String[] field : fields) {
            if (field[0].equalsIgnoreCase(name)) {
                return field[1];
            }
        }
        return null;
    }

    List<String> all(String name) {
        List<String> values = new ArrayList<>(1);
        for (String[] field : fields) {
            if (field[0].equalsIgnoreCase(name)) {
                values.add(field[1]);
            }
        }
        return values;
    }

    List<String> names() {
        List<String> names = new ArrayList<>(fields.size());
        for (String[] field : fields) {
            names.add(field[0]);
        }
        return names;
    }

    void clear() {
        fields.clear();
    }
}
