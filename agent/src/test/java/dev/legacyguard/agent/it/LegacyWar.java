package dev.legacyguard.agent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.legacyguard.agent.it.app.war.CallingServlet;
import dev.legacyguard.agent.it.app.war.HelloServlet;
import dev.legacyguard.agent.it.app.war.OutgoingCallServlet;
import dev.legacyguard.agent.it.app.war.RestClientServlet;

/**
 * A legacy web app as an operator deploys it: its own API under {@code /api/} protected by the
 * project's drop-in filter jar declared in {@code web.xml}, and servlets that call other
 * services with the Apache HttpClient 4 it bundles in {@code WEB-INF/lib} or with the
 * server's own REST client.
 */
final class LegacyWar {

    private static final List<String> BUNDLED_CLIENT = List.of(
            "org.apache.http.impl.client.HttpClients",
            "org.apache.http.protocol.HttpRequestExecutor",
            "org.apache.commons.codec.binary.Base64");

    /** WildFly's own REST client for {@link RestClientServlet}, as a WAR asks for a server module. */
    private static final String DEPLOYMENT_STRUCTURE = """
            <jboss-deployment-structure>
              <deployment>
                <dependencies>
                  <module name="jakarta.ws.rs.api"/>
                  <module name="org.jboss.resteasy.resteasy-client"/>
                </dependencies>
              </deployment>
            </jboss-deployment-structure>
            """;

    private LegacyWar() {
    }

    /** Writes the WAR to {@code war}, its filter trusting {@code issuerEndpoint} for {@code audience}. */
    static Path write(Path war, Path filterJar, String issuerEndpoint, String audience) throws IOException {
        Files.createDirectories(war.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
            add(zip, "WEB-INF/web.xml", webXml(issuerEndpoint, audience).getBytes(StandardCharsets.UTF_8));
            add(zip, "WEB-INF/jboss-deployment-structure.xml", DEPLOYMENT_STRUCTURE.getBytes(StandardCharsets.UTF_8));
            for (Class<?> servlet : List.of(OutgoingCallServlet.class, CallingServlet.class, RestClientServlet.class,
                    HelloServlet.class)) {
                String classFile = servlet.getName().replace('.', '/') + ".class";
                add(zip, "WEB-INF/classes/" + classFile,
                        Files.readAllBytes(Path.of(AppClassPath.testClasses()).resolve(classFile)));
            }
            add(zip, "WEB-INF/lib/" + filterJar.getFileName(), Files.readAllBytes(filterJar));
            for (String className : BUNDLED_CLIENT) {
                Path jar = Path.of(AppClassPath.jarOf(className));
                add(zip, "WEB-INF/lib/" + jar.getFileName(), Files.readAllBytes(jar));
            }
        }
        return war;
    }

    private static String webXml(String issuerEndpoint, String audience) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="5.0">
                  <filter>
                    <filter-name>logto</filter-name>
                    <filter-class>dev.legacyguard.filter.LogtoBearerFilter</filter-class>
                    <init-param><param-name>logto.endpoint</param-name><param-value>%s</param-value></init-param>
                    <init-param><param-name>logto.audience</param-name><param-value>%s</param-value></init-param>
                    <init-param><param-name>logto.rule.10</param-name><param-value>GET /api/** : read:products</param-value></init-param>
                    <init-param><param-name>logto.unmatched</param-name><param-value>public</param-value></init-param>
                  </filter>
                  <filter-mapping>
                    <filter-name>logto</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                  <servlet>
                    <servlet-name>call</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>call</servlet-name>
                    <url-pattern>/call</url-pattern>
                  </servlet-mapping>
                  <servlet>
                    <servlet-name>rest-call</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>rest-call</servlet-name>
                    <url-pattern>/rest-call</url-pattern>
                  </servlet-mapping>
                  <servlet>
                    <servlet-name>hello</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>hello</servlet-name>
                    <url-pattern>/api/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(issuerEndpoint, audience, CallingServlet.class.getName(), RestClientServlet.class.getName(),
                        HelloServlet.class.getName());
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
