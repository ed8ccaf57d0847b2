package io.onebot.gateway.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that {@code mvn package} built, as the in-container tests deploy it: at context root {@code /}. */
public final class Deployments {

    private Deployments() {
    }

    /** {@code target/onebot.war}, imported as {@code ROOT.war}. */
    public static WebArchive gatewayWar() {
        String path = System.getProperty("it.war", "target/onebot.war");
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(new File(path)).as(WebArchive.class);
    }
}
