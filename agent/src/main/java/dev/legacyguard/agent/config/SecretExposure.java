package dev.legacyguard.agent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import dev.legacyguard.core.config.Setting;

/**
 * Whether the place the App Secret came from shows it to more than the service's own user,
 * judged once at start-up. The agent still runs with it (the operator may have no other
 * place), but says where the secret is exposed and where to put it instead.
 */
final class SecretExposure {

    private SecretExposure() {
    }

    /** The warning for {@code secret}, read from the properties file {@code fileName}; null when its place is private. */
    static String warning(Setting secret, String fileName) {
        switch (secret.kind()) {
            case SYSTEM_PROPERTY:
                return secret.key() + " comes from a system property (-D" + secret.key() + "), which other users of this "
                        + "machine can read in the process list (ps), and which JMX and servers' start-up logs of "
                        + "JVM arguments show; set it in the environment variable "
                        + ConfigSources.environmentName(secret.key()) + " or in the config file, readable only by the "
                        + "service's user (chmod 600), instead";
            case FILE:
                return readableByOthers(secret, fileName);
            default:
                return null;
        }
    }

    private static String readableByOthers(Setting secret, String fileName) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(Paths.get(fileName));
        } catch (UnsupportedOperationException | IOException | SecurityException notPosix) {
            // A file system without POSIX permissions (Windows) has its own access lists; nothing to judge here.
            return null;
        }
        if (!permissions.contains(PosixFilePermission.GROUP_READ) && !permissions.contains(PosixFilePermission.OTHERS_READ)) {
            return null;
        }
        return secret.key() + " comes from " + secret.source() + ", which is readable by "
                + (permissions.contains(PosixFilePermission.OTHERS_READ) ? "every user of this machine" : "its group")
                + " (" + PosixFilePermissions.toString(permissions) + "); let only the service's user read it: chmod 600 "
                + fileName;
    }
}
