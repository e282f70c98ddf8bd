package dev.legacyguard.filter.token;

/** One line of {@link TokenVerifier#explain}: a check, whether it passed, and why. */
public final class Check {

    private final String name;
    private final boolean passed;
    private final String detail;

    Check(String name, boolean passed, String detail) {
        this.name = name;
        this.passed = passed;
        this.detail = detail;
    }

    public String name() {
        return name;
    }

    public boolean passed() {
        return passed;
    }

    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return (passed ? "PASS " : "FAIL ") + name + ": " + detail;
    }
}
