package dev.legacyguard.filter.cli;

/** The command line of {@code explain}; null from {@link #parse} means help was asked for. */
final class Arguments {
    final String config;
    final String method;
    final String path;
    final String token;

    private Arguments(String config, String method, String path, String token) {
        this.config = config;
        this.method = method;
        this.path = path;
        this.token = token;
    }

    /** @throws IllegalArgumentException saying what is wrong with the arguments */
    static Arguments parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command given");
        }
        if (args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            return null;
        }
        if (!args[0].equals("explain")) {
            throw new IllegalArgumentException("unknown command '" + args[0] + "'; the command is explain");
        }
        String config = null;
        String method = null;
        String path = null;
        String token = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--config") || arg.equals("--method") || arg.equals("--path")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args[++i];
                if (arg.equals("--config")) {
                    config = value;
                } else if (arg.equals("--method")) {
                    method = value;
                } else {
                    path = value;
                }
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else if (token != null) {
                throw new IllegalArgumentException("more than one token given");
            } else {
                token = arg;
            }
        }
        if (config == null) {
            throw new IllegalArgumentException("--config FILE is required");
        }
        if (token == null) {
            throw new IllegalArgumentException("no TOKEN given (use - to read it from standard input)");
        }
        if (method != null && path == null) {
            throw new IllegalArgumentException("--method needs --path");
        }
        return new Arguments(config, path == null ? null : method == null ? "GET" : method, path, token);
    }
}
