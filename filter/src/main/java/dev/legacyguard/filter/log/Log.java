package dev.legacyguard.filter.log;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The filter's logger: slf4j when {@code org.slf4j} is on the class path with a provider bound,
 * java.util.logging otherwise, so the filter jar works (and is heard) in a WAR that ships no slf4j. Messages use slf4j's
 * {@code {}} placeholders in both cases.
 */
public final class Log {

    /** Decided once: the class path of a web app does not change while it runs. */
    private static final boolean SLF4J = slf4jPresent();

    private final Sink sink;

    private Log(Sink sink) {
        this.sink = sink;
    }

    public static Log get(Class<?> c) {
        return new Log(SLF4J ? new Slf4jSink(c) : new JulSink(c));
    }

    public boolean isDebugEnabled() {
        return sink.enabled(Level.FINE);
    }

    public void debug(String format, Object... args) {
        sink.log(Level.FINE, format, args);
    }

    public void info(String format, Object... args) {
        sink.log(Level.INFO, format, args);
    }

    public void warn(String format, Object... args) {
        sink.log(Level.WARNING, format, args);
    }

    public void error(String format, Object... args) {
        sink.log(Level.SEVERE, format, args);
    }

    private static boolean slf4jPresent() {
        try {
            Class.forName("org.slf4j.LoggerFactory", false, Log.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        try {
            return Slf4jSink.bound();
        } catch (LinkageError e) {
            return false;
        }
    }

    private interface Sink {
        boolean enabled(Level level);

        void log(Level level, String format, Object[] args);
    }

    /** Loaded only when slf4j is present, so its absence never causes a NoClassDefFoundError. */
    private static final class Slf4jSink implements Sink {
        private final org.slf4j.Logger logger;

        Slf4jSink(Class<?> c) {
            this.logger = org.slf4j.LoggerFactory.getLogger(c);
        }

        /** slf4j-api without a provider discards everything; then java.util.logging is the better choice. */
        static boolean bound() {
            return !(org.slf4j.LoggerFactory.getILoggerFactory() instanceof org.slf4j.helpers.NOPLoggerFactory);
        }

        @Override
        public boolean enabled(Level level) {
            if (level == Level.FINE) {
                return logger.isDebugEnabled();
            }
            if (level == Level.INFO) {
                return logger.isInfoEnabled();
            }
            if (level == Level.WARNING) {
                return logger.isWarnEnabled();
            }
            return logger.isErrorEnabled();
        }

        @Override
        public void log(Level level, String format, Object[] args) {
            if (level == Level.FINE) {
                logger.debug(format, args);
            } else if (level == Level.INFO) {
                logger.info(format, args);
            } else if (level == Level.WARNING) {
                logger.warn(format, args);
            } else {
                logger.error(format, args);
            }
        }
    }

    private static final class JulSink implements Sink {
        private final Logger logger;

        JulSink(Class<?> c) {
            this.logger = Logger.getLogger(c.getName());
        }

        @Override
        public boolean enabled(Level level) {
            return logger.isLoggable(level);
        }

        @Override
        public void log(Level level, String format, Object[] args) {
            if (!logger.isLoggable(level)) {
                return;
            }
            Throwable thrown = args.length > 0 && args[args.length - 1] instanceof Throwable
                    ? (Throwable) args[args.length - 1] : null;
            logger.log(level, substitute(format, args), thrown);
        }
    }

    /** slf4j's placeholder rule: each {} takes the next argument; extra arguments are dropped. */
    static String substitute(String format, Object[] args) {
        StringBuilder out = new StringBuilder(format.length() + 32);
        int next = 0;
        int from = 0;
        int at;
        while ((at = format.indexOf("{}", from)) >= 0) {
            out.append(format, from, at);
            out.append(next < args.length ? String.valueOf(args[next++]) : "{}");
            from = at + 2;
        }
        return out.append(format, from, format.length()).toString();
    }
}
