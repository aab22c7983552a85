package dev.mawm.runtime;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as written in {@code bundle.json}: 64 lowercase hex digits. */
public final class Checksums {
    private Checksums() {
    }

    /**
     * @param bytes content
     * @return its SHA-256, lowercase hex
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256 MessageDigest", e);
        }
    }
}
