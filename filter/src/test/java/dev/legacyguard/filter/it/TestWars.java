package dev.legacyguard.filter.it;

import java.nio.file.Path;

import dev.legacyguard.filter.it.support.BuildOutputs;
import dev.legacyguard.filter.it.support.ExplodedWar;
import dev.legacyguard.filter.it.war.AsyncEchoServlet;
import dev.legacyguard.filter.it.war.EchoServlet;

/** The test WAR: web.xml declaring the filter, the products rules, the echo app (plain and async), the -all jar. */
final class TestWars {

    private TestWars() {
    }

    static ExplodedWar jakarta(Path dir) {
        return ExplodedWar.at(dir)
                .webXml("it/war/WEB-INF/web.xml")
                .properties("it/war/WEB-INF/logto.properties")
                .appClass(EchoServlet.class)
                .appClass(AsyncEchoServlet.class)
                .lib(BuildOutputs.allJar());
    }

    /** The test WAR with Tomcat's CorsFilter declared before the Logto filter, allowing https://shop.example.com. */
    static ExplodedWar jakartaBehindTomcatCorsFilter(Path dir) {
        return jakarta(dir).webXml("it/war-tomcat-cors/WEB-INF/web.xml");
    }
}
