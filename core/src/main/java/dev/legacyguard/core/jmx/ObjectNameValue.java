package dev.legacyguard.core.jmx;

import javax.management.ObjectName;

/** A value of a JMX object name's key property, quoted only when it has to be. */
public final class ObjectNameValue {

    private ObjectNameValue() {
    }

    /** {@code raw} as it is, so that the usual names read as they are in jconsole's tree, or quoted when it holds a character an unquoted value may not. */
    public static String of(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (",=:\"*?\\\n".indexOf(raw.charAt(i)) >= 0) {
                return ObjectName.quote(raw);
            }
        }
        return raw;
    }
}
