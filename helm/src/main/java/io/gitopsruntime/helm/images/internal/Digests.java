package io.gitopsruntime.helm.images.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests in the {@code sha256:HEX} form registries use. Stateless. */
public final class Digests {
  private Digests() {}

  /**
   * A new SHA-256 digester.
   *
   * @return the digester
   */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The digest of bytes.
   *
   * @param bytes the bytes
   * @return {@code sha256:HEX}
   */
  public static String sha256(byte[] bytes) {
    return of(sha256().digest(bytes));
  }

  /**
   * Formats a finished SHA-256.
   *
   * @param hash the 32 bytes
   * @return {@code sha256:HEX}
   */
  public static String of(byte[] hash) {
    return "sha256:" + HexFormat.of().formatHex(hash);
  }
}
