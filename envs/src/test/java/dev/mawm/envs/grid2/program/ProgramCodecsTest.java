package dev.mawm.envs.grid2.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
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
    void rawIsOneMixedRadixIntegerInTheFewestWholeBits() {
        int[] window = new int[49];
        window[0] = 4;
        window[48] = 3;
        int[] msg = Windows.message(window, 5, 6);
        RawCodec raw = new RawCodec(S);
        BitMessage bits = raw.encode(msg);
        assertEquals(121, bits.bits());
        assertEquals(16, bits.bytes().length);
        // N = ((5·11 + 6)·5 + 4)·5^48 + 3, computed by hand (Python): 1097788526749354787170886993408203128
        BigInteger n = new BigInteger("1097788526749354787170886993408203128");
        assertEquals(BigInteger.valueOf(61 * 5 + 4).multiply(BigInteger.valueOf(5).pow(48)).add(BigInteger.valueOf(3)), n);
        assertEquals(n, new BigInteger(1, bits.bytes()).shiftRight(7), "121 bits, MSB first, 7 zero padding bits");
        assertEquals("0110 1001 1011 0110", bits.toString().substring(0, 19));
        assertArrayEquals(msg, raw.transmit(msg));
        RawCodec bare = new RawCodec(new ProgramSpace(7, 11, 11, false));
        assertEquals(114, bare.encode(window).bits());
        assertArrayEquals(window, bare.transmit(window));
        int[] full = new int[49];
        java.util.Arrays.fill(full, 4);
        assertArrayEquals(full, bare.transmit(full), "the largest integer, 5^49 - 1");
        assertArrayEquals(new int[49], bare.transmit(new int[49]));
    }

    @Test
    void rawRefusesMalformedMessagesAndStreams() {
        RawCodec raw = new RawCodec(S);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> raw.encode(new int[49]));
        assertTrue(e.getMessage().contains("must have 51 integers"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> raw.decode(new BitMessage(new byte[15], 120)));
        assertEquals("raw message must have 121 bits (⌈log2(11·11·5^49)⌉), got 120", e.getMessage());
        byte[] ones = new byte[16];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        ones[15] = (byte) 0x80; // 121 one bits, then 7 zero padding bits
        e = assertThrows(IllegalArgumentException.class, () -> raw.decode(new BitMessage(ones, 121)));
        assertTrue(e.getMessage().contains("is not a message: it must be below W·H·5^49"), e.getMessage());
        // x·H + y = 120 is (10, 10); 121·5^49 − 1 is the last valid integer, and it decodes (all cells 4, but at (10, 10)
        // the window's south-east cells lie off the grid and must be obstacles)
        BigInteger last = raw.states().subtract(BigInteger.ONE).shiftLeft(7);
        byte[] be = last.toByteArray();
        byte[] lastBytes = new byte[16];
        System.arraycopy(be, be.length - 16, lastBytes, 0, 16);
        e = assertThrows(IllegalArgumentException.class, () -> raw.decode(new BitMessage(lastBytes, 121)));
        assertTrue(e.getMessage().contains("lies off the 11×11 grid (sender at (10, 10))"), e.getMessage());
    }

    private static void assertMessage(String name, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessageCodecs.parse(name, S));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
