package io.kubeferry.core.oci;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Backoff policy: exponential with a cap, and Retry-After (seconds or HTTP date) honoured up to a limit. */
public record RetryPolicy(int attempts, Duration initial, Duration max, Duration maxRetryAfter) {
  /** Five attempts, 200 ms doubling to 5 s, Retry-After honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60));
  }

  /** How long to wait before attempt {@code attempt+1} (attempt counts from 1). */
  public Duration delay(int attempt, String retryAfter) {
    Duration ra = parseRetryAfter(retryAfter);
    if (ra != null) {
      return ra.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : ra;
    }
    long ms = initial.toMillis() << Math.min(attempt - 1, 16);
    return Duration.ofMillis(Math.min(ms, max.toMillis()));
  }

  static Duration parseRetryAfter(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime t = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(t.getZone()), t);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** Sleeps, turning interruption into an interrupted flag and an exception. */
  public static void sleep(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }
}
