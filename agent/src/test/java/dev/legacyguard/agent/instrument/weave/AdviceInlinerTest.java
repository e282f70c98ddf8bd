package dev.legacyguard.agent.instrument.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Advice inlined into {@link Sample} by {@link AdviceInliner}, the class then defined by its own
 * loader (so the JVM verifies the woven code) and called: each binding reads what it stands for,
 * skipping, the exit on an exception, replaced return values and exceptions, and an advice that
 * fails without the call noticing.
 */
class AdviceInlinerTest {

    private static final String SAMPLE = Sample.class.getName();

    @BeforeEach
    void forget() {
        SampleAdvice.SEEN.clear();
    }

    @Test
    void everyBindingReadsWhatItStandsForAndTheExitReplacesTheReturnValue() throws Exception {
        Object sample = woven(SampleAdvice.Greet.class, MethodShape.named("greet")).getConstructor(String.class)
                .newInstance("sam");

        assertEquals("hello ann 2 1.5!", greet(sample, "ann"));
        assertEquals(List.of("enter sam [ann, 2, 1.5] sam Sample", "exit ann/2 hello ann 2 1.5 null"), SampleAdvice.SEEN);
        assertEquals(List.of("greet ann"), bodies(sample));
    }

    @Test
    void aNonDefaultEnterValueSkipsTheBodyAndTheExitThrowsIt() throws Exception {
        Object sample = woven(SampleAdvice.Greet.class, MethodShape.named("greet")).getConstructor(String.class)
                .newInstance("sam");

        InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> greet(sample, "skip"));
        assertInstanceOf(IOException.class, thrown.getCause());
        assertEquals("skipped", thrown.getCause().getMessage());
        assertEquals(List.of(), bodies(sample), "the body ran");
    }

    @Test
    void theExitSeesWhatTheBodyThrowsAndTheCallerGetsIt() throws Exception {
        Object sample = woven(SampleAdvice.Greet.class, MethodShape.named("greet")).getConstructor(String.class)
                .newInstance("sam");

        InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> greet(sample, null));
        assertInstanceOf(IllegalArgumentException.class, thrown.getCause());
        assertEquals("exit null/2 null java.lang.IllegalArgumentException: no one to greet", SampleAdvice.SEEN.get(1));
    }

    @Test
    void aFailingAdviceLeavesTheCallAsItWas() throws Exception {
        Object sample = woven(SampleAdvice.Greet.class, MethodShape.named("greet")).getConstructor(String.class)
                .newInstance("sam");

        assertEquals("hello boom 2 1.5!", greet(sample, "boom"));
        assertEquals(List.of("greet boom"), bodies(sample));
        // The enter advice failed before it set its local: the exit sees the local's default.
        assertEquals(List.of("exit null hello boom 2 1.5 null"), SampleAdvice.SEEN);
    }

    @Test
    void anExitOnlyAdviceChangesAPrimitiveReturnValue() throws Exception {
        Object sample = woven(SampleAdvice.Twice.class, MethodShape.named("twice").takesArguments(1).returns("int"))
                .getConstructor(String.class).newInstance("sam");

        assertEquals(7, sample.getClass().getMethod("twice", int.class).invoke(sample, 3));
    }

    @Test
    void aConstructorsExitAdviceReadsTheFieldsItSet() throws Exception {
        woven(SampleAdvice.Construct.class, MethodShape.constructor()).getConstructor(String.class).newInstance("sam");

        assertEquals(List.of("constructed sam"), SampleAdvice.SEEN);
    }

    @Test
    void aClassWithoutTheShapeIsLeftAlone() throws Exception {
        assertNull(AdviceInliner.of(classFile(SampleAdvice.Twice.class.getName()))
                .inline(classFile(SAMPLE), MethodShape.named("absent"), getClass().getClassLoader()));
    }

    /** The woven class's own list: its loader defined a class apart from the test's Sample. */
    private static Object bodies(Object sample) throws ReflectiveOperationException {
        return sample.getClass().getField("BODIES").get(null);
    }

    private static String greet(Object sample, String who) throws ReflectiveOperationException {
        Method greet = sample.getClass().getMethod("greet", String.class, long.class, double.class);
        return (String) greet.invoke(sample, who, 2L, 1.5);
    }

    private Class<?> woven(Class<?> advice, MethodShape shape) throws Exception {
        byte[] woven = AdviceInliner.of(classFile(advice.getName())).inline(classFile(SAMPLE), shape, getClass().getClassLoader());
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(SAMPLE)) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        return loaded != null ? loaded : defineClass(name, woven, 0, woven.length);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        return Class.forName(SAMPLE, true, loader);
    }

    private byte[] classFile(String name) throws IOException {
        return ClassFiles.of(name.replace('.', '/'), getClass().getClassLoader());
    }
}
