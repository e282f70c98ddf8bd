package dev.legacyguard.agent.it;

import java.util.List;

/**
 * Every client and version the behaviour suite runs, at the edges of each supported range. A
 * client is added here with its {@code OneRequest} class (in {@code it.app.client}) and, for a
 * library, an execution of {@code copy-clients} in {@code agent/pom.xml} naming its jars.
 */
final class SuiteClients {

    private static final String AT = "dev.legacyguard.agent.it.app.client.";

    static final List<SuiteClient> ALL = List.of(
            new SuiteClient("huc", AT + "HttpUrlConnectionRequest", null),
            new SuiteClient("hc4.0-legacy", AT + "HttpClient4LegacyRequest", "httpclient-4.0"),
            new SuiteClient("hc4.3", AT + "HttpClient4Request", "httpclient-4.3"),
            new SuiteClient("hc4.3-legacy", AT + "HttpClient4LegacyRequest", "httpclient-4.3"),
            new SuiteClient("hc4.5", AT + "HttpClient4Request", "httpclient-4.5"),
            new SuiteClient("hc4.5-legacy", AT + "HttpClient4LegacyRequest", "httpclient-4.5"),
            new SuiteClient("hc5.0", AT + "HttpClient5Request", "httpclient5-5.0"),
            new SuiteClient("hc5.4", AT + "HttpClient5Request", "httpclient5-5.4"),
            new SuiteClient("hc5.6", AT + "HttpClient5Request", "httpclient5-5.6"),
            new SuiteClient("jdkhttp", AT + "JavaNetHttpRequest", null),
            new SuiteClient("jdkhttp-async", AT + "JavaNetHttpAsyncRequest", null),
            new SuiteClient("hc3.0", AT + "CommonsHttpClient3Request", "commons-httpclient-3.0"),
            new SuiteClient("hc3.1", AT + "CommonsHttpClient3Request", "commons-httpclient-3.1"),
            new SuiteClient("hcasync4.1", AT + "HttpAsyncClient4Request", "httpasyncclient-4.1", true),
            new SuiteClient("hc5async-5.0", AT + "HttpClient5AsyncRequest", "httpclient5-5.0", true),
            new SuiteClient("hc5async-5.4", AT + "HttpClient5AsyncRequest", "httpclient5-5.4", true),
            new SuiteClient("hc5async-5.6", AT + "HttpClient5AsyncRequest", "httpclient5-5.6", true));

    private SuiteClients() {
    }
}
