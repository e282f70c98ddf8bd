package dev.legacyguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.legacyguard.agent.bootstrap.CallDepth;
import dev.legacyguard.agent.instrument.classloader.BootDelegation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.commons.MethodRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;

/**
 * The line between the bootstrap package, which every class loader reaches, and the
 * instrumentation packages, which only the agent's own loader does: advice is inlined into a
 * client's classes, so the only agent classes it may name are the bootstrap package's; and the
 * bootstrap package names no client, so that a new client needs no change there.
 */
class BootstrapBoundaryTest {

    private static final String AGENT = "dev/legacyguard/";
    private static final String BOOTSTRAP = CallDepth.class.getPackage().getName().replace('.', '/') + "/";

    @Test
    void adviceNamesNoAgentClassOutsideTheBootstrapPackage() throws IOException {
        for (String advice : adviceClassNames()) {
            Set<String> outside = new TreeSet<>();
            for (String named : namesInMethods(advice)) {
                if (named.startsWith(AGENT) && !named.startsWith(BOOTSTRAP)) {
                    outside.add(named);
                }
            }
            assertEquals(Set.of(), outside, advice + " names agent classes that a client's class loader cannot"
                    + " see (a constant it uses must be a compile-time constant, inlined by javac)");
        }
    }

    @Test
    void adviceMethodsTakeAndReturnNoAgentClass() throws IOException {
        // The weaver describes the advice's parameters through the woven class's loader, and a
        // module's or bundle's loader shows no class file of the bootstrap package: an
        // @Advice.Local of a bootstrap type would leave the client uninstrumented there.
        for (String advice : adviceClassNames()) {
            Set<String> agentTypes = new TreeSet<>();
            for (String named : namesInSignatures(advice)) {
                if (named.startsWith(AGENT)) {
                    agentTypes.add(named);
                }
            }
            assertEquals(Set.of(), agentTypes, advice + "'s advice methods take or return agent classes");
        }
    }

    @Test
    void theBootstrapPackageNamesNoInstrumentedClient() throws IOException, URISyntaxException {
        Set<String> clientPackages = clientPackages();
        List<String> bootstrapClasses = bootstrapClassNames();
        assertFalse(bootstrapClasses.isEmpty());
        for (String bootstrapClass : bootstrapClasses) {
            for (String named : namesAndStrings(bootstrapClass)) {
                for (String clientPackage : clientPackages) {
                    assertFalse(named.replace('/', '.').startsWith(clientPackage),
                            bootstrapClass + " names " + named + ", of the instrumented client package " + clientPackage
                                    + "; that name belongs in the client's instrumentation package");
                }
            }
        }
    }

    @Test
    void findsTheNamesAClassRefersTo() throws IOException {
        // The check above would pass on any class if reading the names failed.
        Set<String> named = namesAndStrings(BootstrapBoundaryTest.class.getName());
        assertTrue(named.contains("net/bytebuddy/jar/asm/ClassReader"), named::toString);
        assertTrue(named.contains(AGENT), named::toString);
        String writeRequests = "dev.legacyguard.agent.instrument.httpurlconnection.WriteRequestsAdvice";
        assertTrue(namesInMethods(writeRequests).contains(BOOTSTRAP + "CallDepth"));
        assertTrue(namesInSignatures(writeRequests).contains("sun/net/www/MessageHeader"));
    }

    private static List<String> adviceClassNames() {
        List<String> advice = new ArrayList<>(List.of(BootDelegation.adviceClassName()));
        for (ClientInstrumentation client : AgentInstaller.clients()) {
            for (AdvisedType type : client.advisedTypes()) {
                advice.add(type.adviceClassName());
            }
        }
        return advice;
    }

    /** The first three parts of each advised type's name ({@code org.apache.http}, {@code sun.net.www}). */
    private static Set<String> clientPackages() {
        Set<String> packages = new TreeSet<>();
        for (ClientInstrumentation client : AgentInstaller.clients()) {
            for (AdvisedType type : client.advisedTypes()) {
                String[] parts = type.typeName().split("\\.");
                packages.add(parts[0] + "." + parts[1] + "." + parts[2] + ".");
            }
        }
        return packages;
    }

    private static List<String> bootstrapClassNames() throws IOException, URISyntaxException {
        Path classes = Paths.get(CallDepth.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.list(classes.resolve(BOOTSTRAP))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".class"))
                    .map(file -> BOOTSTRAP.replace('/', '.') + file.substring(0, file.length() - ".class".length()))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /** Every type named by the code and signatures of the class's methods other than its constructor. */
    private static Set<String> namesInMethods(String className) throws IOException {
        return namesInMethods(className, true);
    }

    /** Every type named by the parameters and return types of the class's methods other than its constructor. */
    private static Set<String> namesInSignatures(String className) throws IOException {
        return namesInMethods(className, false);
    }

    private static Set<String> namesInMethods(String className, boolean withCode) throws IOException {
        Set<String> named = new TreeSet<>();
        Remapper recorder = recorder(named);
        read(className, new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (name.equals("<init>")) {
                    return null;
                }
                recorder.mapMethodDesc(descriptor);
                return withCode ? new MethodRemapper(null, recorder) : null;
            }
        });
        return named;
    }

    /** Every type the class names anywhere, and every string constant in it. */
    private static Set<String> namesAndStrings(String className) throws IOException {
        Set<String> named = new TreeSet<>();
        Remapper recorder = recorder(named);
        read(className, new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                recorder.mapType(superName);
                recorder.mapTypes(interfaces);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                recorder.mapDesc(descriptor);
                if (value instanceof String) {
                    named.add((String) value);
                }
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                recorder.mapMethodDesc(descriptor);
                return new MethodRemapper(Opcodes.ASM9, null, recorder) {
                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof String) {
                            named.add((String) value);
                        }
                        super.visitLdcInsn(value);
                    }
                };
            }
        });
        return named;
    }

    private static Remapper recorder(Set<String> named) {
        return new Remapper() {
            @Override
            public String map(String internalName) {
                named.add(internalName);
                return internalName;
            }
        };
    }

    private static void read(String className, ClassVisitor visitor) throws IOException {
        try (InputStream classFile = BootstrapBoundaryTest.class.getClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class")) {
            new ClassReader(classFile).accept(visitor, ClassReader.SKIP_DEBUG);
        }
    }
}
