package dev.legacyguard.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class NamedGetterTest {

    @Test
    void readsTheMethodThroughTheInterfaceTheReceiverImplements() throws Exception {
        Path path = Paths.get("/srv/shop/orders");
        assertEquals(path.getFileName(), NamedGetter.of("java.nio.file.Path", "getFileName").get(path));
    }

    @Test
    void readsTheMethodThroughTheSuperclassTheReceiverExtends() throws Exception {
        assertEquals(3, NamedGetter.of("java.util.AbstractList", "size").get(new ArrayList<>(Arrays.asList(1, 2, 3))));
    }

    @Test
    void answersNullForAnObjectNotOfTheTypeAndForNull() throws Exception {
        NamedGetter fileName = NamedGetter.of("java.nio.file.Path", "getFileName");
        assertNull(fileName.get(URI.create("http://shop.internal/orders")));
        assertNull(fileName.get(null));
    }

    @Test
    void isMadeOncePerTypeAndMethodName() {
        NamedGetter fileName = NamedGetter.of("java.nio.file.Path", "getFileName");
        assertSame(fileName, NamedGetter.of("java.nio.file.Path", "getFileName"));
        // Names built at run time, as equal strings but not the constants' instances.
        assertSame(fileName, NamedGetter.of(new StringBuilder("java.nio.file.").append("Path").toString(),
                new StringBuilder("getFile").append("Name").toString()));
        assertNotSame(fileName, NamedGetter.of("java.nio.file.Path", "getParent"));
        assertNotSame(fileName, NamedGetter.of("java.io.File", "getFileName"));
    }

    @Test
    void saysWhichMethodTheTypeLacks() {
        NoSuchMethodError missing = assertThrows(NoSuchMethodError.class,
                () -> NamedGetter.of("java.nio.file.Path", "getFullName").get(Paths.get("/srv")));
        assertEquals("java.nio.file.Path.getFullName()", missing.getMessage());
    }
}
