package io.kubeferry.core.oci.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code WWW-Authenticate} challenge: scheme ({@code basic} or {@code bearer}, lowercase) and parameters
 * ({@code realm}, {@code service}, {@code scope}).
 */
public record Challenge(String scheme, Map<String, String> params) {
  private static final Pattern PARAM = Pattern.compile("([A-Za-z_]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

  /** Parses one challenge; returns null for an empty or missing header. */
  public static Challenge parse(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.trim();
    int sp = h.indexOf(' ');
    String scheme = (sp < 0 ? h : h.substring(0, sp)).toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    if (sp > 0) {
      Matcher m = PARAM.matcher(h.substring(sp + 1));
      while (m.find()) {
        String v = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
        params.put(m.group(1).toLowerCase(Locale.ROOT), v);
      }
    }
    return new Challenge(scheme, Map.copyOf(params));
  }
}
