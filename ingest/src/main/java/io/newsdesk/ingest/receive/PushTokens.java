package io.newsdesk.ingest.receive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/** Push bearer tokens: random ones, and the token file kept in the data directory. */
public final class PushTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private PushTokens() {}

  /** A token read from or written to a file; {@code created} when this call wrote it. */
  public record Token(String value, Path file, boolean created) {
    @Override
    public String toString() {
      return "Token[file=" + file + ", created=" + created + "]";
    }
  }

  /** 32 random bytes, URL-safe base64 (43 characters). */
  public static String generate() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * Reads the token in {@code file} (first line, trimmed).
   *
   * @throws IOException when it cannot be read
   * @throws IllegalArgumentException when it is shorter than 16 characters
   */
  public static String read(Path file) throws IOException {
    String v = Files.readString(file, StandardCharsets.UTF_8).strip();
    int nl = v.indexOf('\n');
    v = (nl < 0 ? v : v.substring(0, nl)).strip();
    if (v.length() < 16) {
      throw new IllegalArgumentException(
          "push token in " + file + " must be at least 16 characters");
    }
    return v;
  }

  /**
   * The token in {@code file}, or a new one written there (owner read/write only, 0600) when the
   * file does not exist yet.
   */
  public static Token readOrCreate(Path file) throws IOException {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return new Token(read(file), file, false);
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    String token = generate();
    try {
      if (dir != null && Files.getFileStore(dir).supportsFileAttributeView("posix")) {
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      return new Token(read(file), file, false); // another process won the race
    }
    Files.writeString(
        file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    return new Token(token, file, true);
  }
}
