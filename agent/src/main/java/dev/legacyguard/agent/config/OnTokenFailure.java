package dev.legacyguard.agent.config;

/** What a call to a resource does when no token can be had ({@code logto.on-token-failure}). */
public enum OnTokenFailure {
    /** The call throws an {@code IOException} naming the resource and the token endpoint's error. */
    FAIL("fail"),
    /** The call goes out without a token (the resource will answer 401). */
    SEND_WITHOUT("send-without");

    private final String configValue;

    OnTokenFailure(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    static OnTokenFailure fromConfig(String value) {
        for (OnTokenFailure mode : values()) {
            if (mode.configValue.equals(value)) {
                return mode;
            }
        }
        return null;
    }
}
