package dev.legacyguard.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.legacyguard.agent.it.webapp.ResourceCallingServlet;

/**
 * The agent in a real Tomcat 10.1, under web apps that come and go: a web app that made the
 * first call to a resource (so that the agent's threads started on one of its request threads)
 * must be collectable once undeployed, and Tomcat must find no thread or thread-local of the
 * agent to warn about.
 */
class TomcatWebAppIT {

    private static final int CYCLES = 3;
    private static final String WEB_APP_LOADER = "org.apache.catalina.loader.ParallelWebappClassLoader";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdk17", "jdk25"})
    void undeployedWebAppsThatCalledAResourceAreCollectedAndTomcatFindsNoLeakOfTheAgent(String jdk) throws Exception {
        ForkedJvm jvm = jdk.equals("jdk25") ? ForkedJvm.jdk25() : ForkedJvm.current();
        AgentFixture fixture = AgentFixture.shared();
        Path work = ForkedJvm.inTarget("tomcat-it").resolve(jvm.jdk());
        Path config = fixture.config("tomcat-" + jvm.jdk(), fixture.issuer.endpoint(), AgentFixture.APP_SECRET);
        try (TomcatWithAgent tomcat = TomcatWithAgent.start(jvm, config, work.resolve("base"))) {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                String context = "calls-" + cycle;
                Path webApp = webApp(work.resolve("calls-" + cycle));
                assertTrue(tomcat.manager("deploy?path=/" + context + "&war=" + encode("file:" + webApp)).startsWith("OK"),
                        tomcat::logs);
                String at = "/api/tomcat/" + jvm.jdk() + "/cycle-" + cycle;
                assertEquals("huc=200 hc4=200", tomcat.get(context, "call?url=" + encode(fixture.api(at))));
                assertEquals(AgentFixture.SHOP, BearerHeader.audience(fixture.api.authorizationAt(at + "/huc")), "huc");
                assertEquals(AgentFixture.SHOP, BearerHeader.audience(fixture.api.authorizationAt(at + "/hc4")), "hc4");
                assertTrue(tomcat.manager("undeploy?path=/" + context).startsWith("OK"), tomcat::logs);
            }
            String threads = jcmd(jvm, tomcat, "Thread.print");
            String leaks = tomcat.manager("findleaks?statusLine=true");
            String histogram = jcmd(jvm, tomcat, "GC.class_histogram");
            List<String> agentWarnings = tomcat.logs().lines()
                    .filter(line -> line.contains("logto-agent") || line.contains("dev.legacyguard.agent"))
                    .filter(line -> line.contains("failed to stop") || line.contains("ThreadLocal")
                            || line.contains("memory leak"))
                    .toList();
            assertAll(
                    // The agent's threads ran, started while the web apps were serving calls.
                    () -> assertTrue(threads.contains("\"logto-agent-token-refresh\""), threads),
                    () -> assertTrue(threads.contains("\"logto-agent-token-deadline\""), threads),
                    () -> assertTrue(leaks.startsWith("OK - No memory leaks found"), leaks + "\n" + tomcat.logs()),
                    // Only the manager's own loader is left after a full GC.
                    () -> assertEquals(1, instances(histogram, WEB_APP_LOADER), histogram),
                    () -> assertEquals(List.of(), agentWarnings, tomcat::logs));
        }
    }

    /** The exploded web app: the calling servlet, HttpClient 4 in its WEB-INF/lib, a web.xml mapping /call. */
    private static Path webApp(Path dir) throws IOException {
        AgentFixture.deleteRecursively(dir);
        String servletClass = ResourceCallingServlet.class.getName().replace('.', '/') + ".class";
        Path classFile = dir.resolve("WEB-INF/classes").resolve(servletClass);
        Files.createDirectories(classFile.getParent());
        Files.copy(Path.of(AppClassPath.testClasses()).resolve(servletClass), classFile);
        Path lib = Files.createDirectories(dir.resolve("WEB-INF/lib"));
        for (String jar : AppClassPath.httpClient4()) {
            Files.copy(Path.of(jar), lib.resolve(Path.of(jar).getFileName()));
        }
        Files.writeString(dir.resolve("WEB-INF/web.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\" metadata-complete=\"true\">\n"
                + "  <servlet>\n"
                + "    <servlet-name>call</servlet-name>\n"
                + "    <servlet-class>" + ResourceCallingServlet.class.getName() + "</servlet-class>\n"
                + "  </servlet>\n"
                + "  <servlet-mapping>\n"
                + "    <servlet-name>call</servlet-name>\n"
                + "    <url-pattern>/call</url-pattern>\n"
                + "  </servlet-mapping>\n"
                + "</web-app>\n");
        return dir;
    }

    /** {@code jcmd PID COMMAND}'s output, from the JDK that runs Tomcat. */
    private static String jcmd(ForkedJvm jvm, TomcatWithAgent tomcat, String command) throws Exception {
        Process jcmd = new ProcessBuilder(jvm.tool("jcmd"), String.valueOf(tomcat.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed:\n" + output);
        }
        return output;
    }

    /** The live instances of {@code className} in a class histogram, 0 when none. */
    private static long instances(String histogram, String className) {
        return histogram.lines()
                .map(String::trim)
                .map(line -> line.split("\\s+"))
                .filter(columns -> columns.length >= 4 && columns[3].equals(className))
                .mapToLong(columns -> Long.parseLong(columns[1]))
                .sum();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
