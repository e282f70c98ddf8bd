package dev.legacyguard.filter.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.legacyguard.core.config.ConfigException;
import dev.legacyguard.core.config.Setting;

/**
 * Warnings about values from system properties and environment variables. In a container they
 * reach every web application in the JVM, so a value set there for one application silently
 * configures all the others: it overrides what their files say, and replaces the defaults they
 * rely on ({@code LOGTO_UNMATCHED=public} meant for one application opens the rest).
 */
final class JvmWideWarnings {
    /**
     * Keys without a default, which every web application must get from somewhere: setting them
     * once for the JVM is how a server with one application, or a container image, is
     * configured, so they are only named in the start-up line.
     */
    private static final List<String> EXPECTED_FROM_THE_JVM = Arrays.asList(ConfigKeys.ENDPOINT.name(), ConfigKeys.AUDIENCE.name());

    private JvmWideWarnings() {
    }

    /** One warning per key whose JVM-wide value overrides a different one of the web app's, and one listing the rest. */
    static List<String> of(ConfigSources sources) throws ConfigException {
        List<String> warnings = new ArrayList<>();
        List<String> replacingDefaults = new ArrayList<>();
        for (String key : sources.knownKeys()) {
            Setting effective = sources.get(key);
            if (effective == null || !effective.kind().jvmWide()) {
                continue;
            }
            Setting own = sources.own(key);
            if (own != null && !own.value().equals(effective.value())) {
                warnings.add(effective.describe() + " overrides this web app's \"" + Setting.printable(own.value()) + "\" ("
                        + own.source() + "): system properties and environment variables reach every web app in this"
                        + " JVM; if the value is meant for another one, set it in that web app's file or init-params instead");
            } else if (own == null && !EXPECTED_FROM_THE_JVM.contains(key)) {
                replacingDefaults.add(effective.describe());
            }
        }
        if (!replacingDefaults.isEmpty()) {
            warnings.add("set only by system properties or environment variables, which reach every web app in this JVM"
                    + " that does not set them itself: " + String.join(", ", replacingDefaults) + "; write the ones meant"
                    + " for this web app into its file or init-params too (the same value ends this warning), and move the"
                    + " others into the file of the web app they are meant for");
        }
        return warnings;
    }
}
