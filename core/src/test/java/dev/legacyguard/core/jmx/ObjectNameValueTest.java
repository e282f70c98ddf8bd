package dev.legacyguard.core.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectNameValueTest {

    @Test
    void anOrdinaryValueStaysAsItIs() {
        assertEquals("/shop-api", ObjectNameValue.of("/shop-api"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b", "a=b", "a:b", "a\"b", "a*", "a?", "a\\b", "a\nb"})
    void aValueWithASpecialCharacterIsQuotedAndReadsBackUnchanged(String raw) throws MalformedObjectNameException {
        ObjectName name = new ObjectName("test:type=T,resource=" + ObjectNameValue.of(raw));
        assertEquals(raw, ObjectName.unquote(name.getKeyProperty("resource")));
    }
}
