package dev.legacyguard.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import dev.legacyguard.filter.it.support.ContainerProcess;
import dev.legacyguard.filter.it.support.Files2;
import dev.legacyguard.filter.it.support.TomcatProcess;

/**
 * A real Tomcat distribution ({@code tomcat.home}, unpacked by the build) run as its own JVM
 * with the agent on its command line, as an operator adds it to {@code CATALINA_OPTS}. Its
 * own default server.xml (with the leak-prevention listeners) on a free loopback port, and its
 * manager app with a {@code manager-script} user, through which the tests deploy, undeploy and
 * ask for leaks.
 */
final class TomcatWithAgent implements AutoCloseable {

    private static final String MANAGER_USER = "leak-check";
    private static final String MANAGER_PASSWORD = "leak-check-password";

    private final ContainerProcess tomcat;

    private TomcatWithAgent(ContainerProcess tomcat) {
        this.tomcat = tomcat;
    }

    /** Tomcat under {@code jvm}, with {@code -javaagent:AGENT=config}, its base in a fresh {@code base}. */
    static TomcatWithAgent start(ForkedJvm jvm, Path config, Path base) throws IOException {
        Path home = home();
        AgentFixture.deleteRecursively(base);
        TomcatProcess.prepareBase(home, base);
        int port = ContainerProcess.freePort();
        Files.writeString(base.resolve("conf/server.xml"), Files.readString(home.resolve("conf/server.xml"))
                .replace("<Server port=\"8005\"", "<Server port=\"-1\"")
                .replace("<Connector port=\"8080\" protocol=\"HTTP/1.1\"",
                        "<Connector port=\"" + port + "\" address=\"127.0.0.1\" protocol=\"HTTP/1.1\"")
                .replace("autoDeploy=\"true\"", "autoDeploy=\"false\""));
        Files.writeString(base.resolve("conf/tomcat-users.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<tomcat-users xmlns=\"http://tomcat.apache.org/xml\" version=\"1.0\">\n"
                + "  <role rolename=\"manager-script\"/>\n"
                + "  <user username=\"" + MANAGER_USER + "\" password=\"" + MANAGER_PASSWORD + "\" roles=\"manager-script\"/>\n"
                + "</tomcat-users>\n");
        Files2.copyTree(home.resolve("webapps/manager"), base.resolve("webapps/manager"));
        return new TomcatWithAgent(TomcatProcess.launch(jvm.java(), home, base, port,
                List.of("-javaagent:" + ForkedJvm.agentJar() + "=" + config)));
    }

    private static Path home() {
        Path home = Path.of(System.getProperty("tomcat.home", "target/tomcat/none"));
        if (!Files.isRegularFile(home.resolve("bin/bootstrap.jar"))) {
            throw new IllegalStateException("no Tomcat distribution at tomcat.home=" + home
                    + "; run these tests with 'mvn verify', which unpacks it before the integration tests");
        }
        return home;
    }

    long pid() {
        return tomcat.pid();
    }

    /** {@code GET /manager/text/COMMAND} as the manager-script user; the answer's text, which starts with OK or FAIL. */
    String manager(String command) throws IOException {
        return get("manager", "text/" + command, "Basic " + Base64.getEncoder().encodeToString(
                (MANAGER_USER + ":" + MANAGER_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** The body of {@code GET /CONTEXT/PATH}; fails on any status but 200. */
    String get(String contextName, String path) throws IOException {
        return get(contextName, path, null);
    }

    private String get(String contextName, String path, String authorization) throws IOException {
        URL url = tomcat.uri(contextName).resolve(path).toURL();
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setReadTimeout(60_000);
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IOException("GET " + url + " answered " + status + ": " + text + "\n" + logs());
            }
            return text;
        }
    }

    /** Everything Tomcat has logged so far: the console (where the agent writes) and its log files. */
    String logs() {
        return tomcat.logs();
    }

    @Override
    public void close() {
        tomcat.close();
    }
}
