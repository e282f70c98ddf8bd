package dev.legacyguard.filter.it;

import java.nio.file.Path;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ExplodedWar;

/**
 * The test WAR: web.xml declaring the filter, the products rules, the echo app (plain and async),
 * a drop-in jar. The javax flavour's tests build it too, around the javax jar.
 */
public final class TestWars {

    /** The web.xml with Tomcat's CorsFilter declared before the Logto filter, allowing https://shop.example.com. */
    public static final String TOMCAT_CORS_WEB_XML = "it/war-tomcat-cors/WEB-INF/web.xml";

    /** The web.xml with Jetty's CrossOriginFilter (Jetty 9.4 to 11) declared before the Logto filter, allowing the same origin. */
    public static final String JETTY_CORS_WEB_XML = "it/war-jetty-cors/WEB-INF/web.xml";

    // By name: the javax flavour's tests copy these classes without loading them (their servlet API is jakarta's).
    private static final String[] APP_CLASSES = {
        "dev.legacyguard.filter.it.war.EchoServlet",
        "dev.legacyguard.filter.it.war.AsyncEchoServlet",
    };

    private TestWars() {
    }

    public static ExplodedWar jakarta(Path dir) {
        return around(dir, BuildOutputs.allJar());
    }

    /** The test WAR with {@code filterJar} in its {@code WEB-INF/lib}. */
    public static ExplodedWar around(Path dir, Path filterJar) {
        ExplodedWar war = ExplodedWar.at(dir)
                .webXml("it/war/WEB-INF/web.xml")
                .properties("it/war/WEB-INF/logto.properties")
                .lib(filterJar);
        for (String appClass : APP_CLASSES) {
            war.appClass(appClass);
        }
        return war;
    }
}
