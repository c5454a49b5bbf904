package org.jointactivities.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as this application writes it: 64 lower-case hexadecimal characters. */
public final class Sha256 {

  private Sha256() {}

  /** Reading through the stream returned hashes what is read; {@link #hex(DigestInputStream)} then says the hash. */
  static DigestInputStream hashing(InputStream in) {
    return new DigestInputStream(in, digest());
  }

  static String hex(DigestInputStream read) {
    return HexFormat.of().formatHex(read.getMessageDigest().digest());
  }

  /** Reads the stream to its end. */
  public static String of(InputStream in) throws IOException {
    DigestInputStream hashed = hashing(in);
    hashed.transferTo(OutputStream.nullOutputStream());
    return hex(hashed);
  }

  public static String of(String text) {
    return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java has no SHA-256", e);
    }
  }
}
