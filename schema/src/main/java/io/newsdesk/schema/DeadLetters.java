package io.newsdesk.schema;

import java.nio.ByteBuffer;
import java.util.HashMap;

/** Builds {@link DeadLetter} records the same way in every stage. */
public final class DeadLetters {

  private DeadLetters() {}

  /**
   * A dead letter for bad input: {@code stage} such as {@code enrich.extract}, a user-facing
   * reason.
   */
  public static DeadLetter.Builder of(String stage, String reason, byte[] originalBytes, long now) {
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setReason(reason)
        .setOriginalBytes(ByteBuffer.wrap(originalBytes == null ? new byte[0] : originalBytes))
        .setOccurredAt(now)
        .setAttributes(new HashMap<>());
  }

  /** The same, naming the exception class that told us. */
  public static DeadLetter.Builder of(
      String stage, String reason, Throwable cause, byte[] originalBytes, long now) {
    return of(stage, reason, originalBytes, now).setErrorClass(cause.getClass().getName());
  }
}
