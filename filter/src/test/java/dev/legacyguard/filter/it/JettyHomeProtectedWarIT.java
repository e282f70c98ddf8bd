package dev.legacyguard.filter.it;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ContainerProcess;
import dev.legacyguard.filter.it.support.JettyHomeProcess;
import dev.legacyguard.filter.it.support.ProductsTenant;

/**
 * The test WAR deployed in a real jetty-home 12 as the README's quick start says: a Jetty base
 * with {@code --add-modules=http,ee10-deploy}, the WAR in its webapps/, Jetty in its own JVM
 * started with {@code java -jar $JETTY_HOME/start.jar}. The CORS-fronted copy gets Jetty's
 * CrossOriginHandler from its context XML, the way an administrator adds it without code.
 */
class JettyHomeProtectedWarIT extends DistributionContract {

    @Override
    protected ContainerProcess start(ProductsTenant tenant, Path work) {
        Path corsWar = tenant.trustedBy(TestWars.jakarta(work.resolve("war-cors"))).build();
        return JettyHomeProcess.start(java(), BuildOutputs.jettyHome(), work.resolve("base"), "--add-modules=http,ee10-deploy",
                Map.of("app", tenant.trustedBy(TestWars.jakarta(work.resolve("war"))).build(),
                        "pass", tenant.trustedBy(TestWars.jakarta(work.resolve("war-pass")))
                                .property("logto.cors.preflight", "pass").build()),
                Map.of("cors", crossOriginContextXml("/cors", corsWar, ALLOWED_ORIGIN)));
    }

    /** A context XML deploying {@code war} behind Jetty 12's CrossOriginHandler, allowing {@code origin}. */
    private static String crossOriginContextXml(String contextPath, Path war, String origin) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE Configure PUBLIC \"-//Jetty//Configure//EN\" \"https://jetty.org/configure_10_0.dtd\">\n"
                + "<Configure class=\"org.eclipse.jetty.ee10.webapp.WebAppContext\">\n"
                + "  <Set name=\"contextPath\">" + contextPath + "</Set>\n"
                + "  <Set name=\"war\">" + war + "</Set>\n"
                + "  <Call name=\"insertHandler\">\n"
                + "    <Arg>\n"
                + "      <New class=\"org.eclipse.jetty.server.handler.CrossOriginHandler\">\n"
                + "        <Set name=\"allowedOriginPatterns\">\n"
                + "          <Call class=\"java.util.Set\" name=\"of\"><Arg>" + Pattern.quote(origin) + "</Arg></Call>\n"
                + "        </Set>\n"
                + "      </New>\n"
                + "    </Arg>\n"
                + "  </Call>\n"
                + "</Configure>\n";
    }
}
