package dev.legacyguard.agent.instrument;

/** A class of a client that sends requests, and the advice inlined into it. */
public final class AdvisedType {

    private final ClientInstrumentation client;
    private final String typeName;
    private final String adviceClassName;

    public AdvisedType(ClientInstrumentation client, String typeName, String adviceClassName) {
        this.client = client;
        this.typeName = typeName;
        this.adviceClassName = adviceClassName;
    }

    ClientInstrumentation client() {
        return client;
    }

    /** The binary name, e.g. {@code sun.net.www.http.HttpClient}. */
    String typeName() {
        return typeName;
    }

    String adviceClassName() {
        return adviceClassName;
    }
}
