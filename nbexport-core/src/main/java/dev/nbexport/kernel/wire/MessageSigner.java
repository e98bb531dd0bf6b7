package dev.nbexport.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks messages as the Jupyter protocol asks: the hex HMAC of the header, parent header, metadata and
 * content frames, with the connection file's key and scheme ({@code hmac-sha256}). An empty key means unsigned
 * messages, with an empty signature.
 */
final class MessageSigner {

    private final Mac mac;

    MessageSigner(String key, String scheme) {
        if (key.isEmpty()) {
            mac = null;
            return;
        }
        String algorithm = "Hmac" + scheme.replaceFirst("^hmac-", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
        try {
            mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unsupported signature scheme " + scheme, e);
        }
    }

    synchronized String sign(byte[]... parts) {
        if (mac == null) {
            return "";
        }
        for (byte[] part : parts) {
            mac.update(part);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Whether {@code signature} is this key's for the parts (compared in constant time). */
    boolean verifies(String signature, byte[]... parts) {
        if (mac == null) {
            return true;
        }
        return MessageDigest.isEqual(sign(parts).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }
}
