package dev.legacyguard.agent.it.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

import dev.legacyguard.agent.it.app.osgi.BundleClient;

/**
 * A real OSGi framework, Apache Felix with its default configuration (boot delegation of
 * {@code java.*} only), running the bundles named on the command line and a bundle of the
 * application's own holding {@link BundleClient}, which imports HttpClient 4's packages. Runs
 * {@code NAME URL} scenario lines through that bundle and prints a {@code RESULT} line for each,
 * as {@link ScenarioApp} does.
 *
 * <p>Arguments: {@code BUNDLES STORAGE SCENARIOS}, BUNDLES as a class path of bundle jars,
 * installed and started in that order; STORAGE the framework's cache directory.
 */
public final class FelixContainer {

    private FelixContainer() {
    }

    public static void main(String[] args) throws Exception {
        Framework framework = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, args[1],
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        try {
            BundleContext context = framework.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            for (String jar : args[0].split(File.pathSeparator)) {
                bundles.add(context.installBundle(Path.of(jar).toUri().toString()));
            }
            Bundle application = context.installBundle("legacy-service-bundle", applicationBundle());
            bundles.add(application);
            for (Bundle bundle : bundles) {
                bundle.start();
            }
            @SuppressWarnings("unchecked")
            Function<String, String> client = (Function<String, String>) application
                    .loadClass(BundleClient.class.getName()).getConstructor().newInstance();
            for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    String[] scenario = line.trim().split(" ");
                    System.out.println("RESULT " + scenario[0] + " " + client.apply(scenario[1]));
                }
            }
            System.out.println("DONE");
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    /** A bundle holding {@link BundleClient}'s class file, importing what it uses of HttpClient 4. */
    private static InputStream applicationBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        attributes.putValue(Constants.BUNDLE_SYMBOLICNAME, "legacy.service");
        attributes.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        attributes.putValue(Constants.IMPORT_PACKAGE, "org.apache.http,org.apache.http.client,"
                + "org.apache.http.client.methods,org.apache.http.impl.client,org.apache.http.util");
        String classFile = BundleClient.class.getName().replace('.', '/') + ".class";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest);
                InputStream in = FelixContainer.class.getClassLoader().getResourceAsStream(classFile)) {
            jar.putNextEntry(new JarEntry(classFile));
            in.transferTo(jar);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
