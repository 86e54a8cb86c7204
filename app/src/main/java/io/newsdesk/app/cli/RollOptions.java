package io.newsdesk.app.cli;

import io.newsdesk.sink.files.RollPolicy;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** When the sink closes a file and publishes it under its final name (see {@link RollPolicy}). */
public final class RollOptions {

  @Option(
      names = "--roll-records",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Roll a sink file after N records (default: ${DEFAULT-VALUE}).")
  long rollRecords;

  @Option(
      names = "--roll-bytes",
      paramLabel = "SIZE",
      defaultValue = "128MiB",
      converter = ByteSize.class,
      description =
          "Roll a sink file after SIZE bytes of JSON Lines, e.g. 64MiB, 1GiB (default:"
              + " ${DEFAULT-VALUE}).")
  long rollBytes;

  @Option(
      names = "--roll-interval",
      paramLabel = "TIME",
      defaultValue = "10m",
      converter = Interval.class,
      description =
          "Roll sink files when this clock-aligned window ends, by record time and by wall clock,"
              + " e.g. 30s, 10m, 1h (default: ${DEFAULT-VALUE}).")
  Duration rollInterval;

  /** The policy these options give. */
  public RollPolicy policy() {
    return new RollPolicy(rollRecords, rollBytes, rollInterval);
  }

  /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, or ISO-8601 {@code PT10M}. */
  static final class Interval implements ITypeConverter<Duration> {
    private static final Pattern P = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      if (v.startsWith("pt")) {
        return Duration.parse(value.trim());
      }
      Matcher m = P.matcher(v);
      if (!m.matches()) {
        throw new TypeConversionException("not a duration like 30s, 10m or 1h: " + value);
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
  }

  /**
   * {@code 1048576}, {@code 64KiB}, {@code 128MiB}, {@code 1GiB} (also KB/MB/GB as powers of 2).
   */
  static final class ByteSize implements ITypeConverter<Long> {
    private static final Pattern P = Pattern.compile("(\\d+)\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)");

    @Override
    public Long convert(String value) {
      Matcher m = P.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new TypeConversionException("not a size like 1048576, 64MiB or 1GiB: " + value);
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2).isEmpty() ? 'b' : m.group(2).charAt(0)) {
        case 'k' -> n << 10;
        case 'm' -> n << 20;
        case 'g' -> n << 30;
        default -> n;
      };
    }
  }
}
