package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetstringTest {

    @Test
    void framesTheUtf8BytesWithTheirLength() {
        assertArrayEquals("12:hello world!,".getBytes(StandardCharsets.US_ASCII), Netstring.encode("hello world!"));
        assertArrayEquals("6:您好,".getBytes(StandardCharsets.UTF_8), Netstring.encode("您好"));
    }

    @Test
    void readsConsecutiveMessagesThenTheEnd() throws IOException {
        InputStream in = stream("{\"event\":true},".length() - 1 + ":{\"event\":true},2:{},");

        assertEquals(Optional.of("{\"event\":true}"), Netstring.read(in));
        assertEquals(Optional.of("{}"), Netstring.read(in));
        assertEquals(Optional.empty(), Netstring.read(in));
    }

    @Test
    void rejectsBrokenFraming() {
        assertThrows(IOException.class, () -> Netstring.read(stream("x:abc,")));
        assertThrows(IOException.class, () -> Netstring.read(stream("3:abc;")));
        assertThrows(EOFException.class, () -> Netstring.read(stream("5:abc")));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
