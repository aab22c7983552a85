package dev.mawm.envs.grid2.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec names and the raw codec. */
class ProgramCodecsTest {
    private static final ProgramSpace S = Windows.SPACE;

    @Test
    void namesParseToTheirCodecs() {
        assertInstanceOf(RawCodec.class, MessageCodecs.parse("raw", S));
        assertEquals(ProgramCodec.lossless(S), MessageCodecs.parse("program", S));
        assertEquals(ProgramCodec.limited(S, 5), MessageCodecs.parse("program:5", S));
        assertEquals(ProgramCodec.limited(S, 49), MessageCodecs.parse("program:49", S));
        List<MessageCodec> list = MessageCodecs.parseList("raw, program,program:5 ,program:2", S);
        assertEquals(List.of("raw", "program", "program:5", "program:2"), list.stream().map(MessageCodec::name).toList());
        for (MessageCodec c : list) {
            assertEquals(c.name(), MessageCodecs.parse(c.name(), S).name());
            assertEquals(S, c.space());
        }
    }

    @Test
    void badNamesAreRefusedNamingTheValidForms() {
        assertMessage("Raw", "unknown message codec 'Raw', expected raw, program or program:L (L a whole number of tokens in [1, V·V])");
        assertMessage("cells", "unknown message codec 'cells'");
        assertMessage("program5", "unknown message codec 'program5'");
        assertMessage("program:", "message codec 'program:': L must be a whole number in [1, 49], got ''");
        assertMessage("program:x", "got 'x'");
        assertMessage("program:-1", "got '-1'");
        assertMessage("program:2.5", "got '2.5'");
        assertMessage("program:0", "message codec 'program:0': L must be in [1, 49]");
        assertMessage("program:50", "L must be in [1, 49] (one token per cell of the 7×7 window at most), got 50");
        assertMessage("program:99999", "got '99999'");
        assertThrows(IllegalArgumentException.class, () -> MessageCodecs.parse(null, S));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessageCodecs.parseList("raw,,program", S));
        assertTrue(e.getMessage().contains("has an empty entry"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MessageCodecs.parseList("program:5,raw,program:5", S));
        assertTrue(e.getMessage().contains("names program:5 twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MessageCodecs.parseList(" ", S));
        assertTrue(e.getMessage().contains("list is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MessageCodecs.parseList("raw,bits", S));
        assertTrue(e.getMessage().contains("unknown message codec 'bits'"), e.getMessage());
    }

    @Test
    void rawSendsThreeBitsACellAfterThePosition() {
        int[] window = new int[49];
        window[0] = 4;
        window[48] = 3;
        int[] msg = Windows.message(window, 5, 6);
        RawCodec raw = new RawCodec(S);
        BitMessage bits = raw.encode(msg);
        assertEquals(155, bits.bits());
        // x=5 0101, y=6 0110, cell 0 = 4 → 100, then 47 cells of 000, cell 48 = 3 → 011
        assertEquals(0x56, bits.bytes()[0] & 0xFF);
        assertEquals(0x80, bits.bytes()[1] & 0xFF);
        String all = bits.toString().replace(" ", "");
        assertEquals("011", all.substring(152), "cell 48 is bits 152..154");
        assertEquals(0, all.chars().skip(11).limit(141).filter(c -> c == '1').count(), "cells 1..47 are zero");
        assertArrayEquals(msg, raw.transmit(msg));
        RawCodec bare = new RawCodec(new ProgramSpace(7, 11, 11, false));
        assertEquals(147, bare.encode(window).bits());
        assertArrayEquals(window, bare.transmit(window));
    }

    @Test
    void rawRefusesMalformedMessagesAndStreams() {
        RawCodec raw = new RawCodec(S);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> raw.encode(new int[49]));
        assertTrue(e.getMessage().contains("must have 51 integers"), e.getMessage());
        // a cell value of 7 (111) in the stream is not an object type
        BitWriter w = new BitWriter();
        w.write(5, 4);
        w.write(5, 4);
        w.write(7, 3);
        for (int i = 1; i < 49; i++) {
            w.write(0, 3);
        }
        BitMessage bad = w.finish();
        e = assertThrows(IllegalArgumentException.class, () -> raw.decode(bad));
        assertTrue(e.getMessage().contains("cell 0 (row 0, col 0) must be an object type in 0..4, got 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> raw.decode(new BitMessage(new byte[19], 150)));
        assertTrue(e.getMessage().contains("inside raw cell 47"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> raw.decode(new BitMessage(new byte[20], 160)));
        assertTrue(e.getMessage().contains("5 bits after the last raw cell"), e.getMessage());
    }

    private static void assertMessage(String name, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessageCodecs.parse(name, S));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
