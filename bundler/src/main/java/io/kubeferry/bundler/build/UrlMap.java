package io.kubeferry.bundler.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * URL prefix rewrites, applied to every default source and key URL: a {@code --mirror} preset (Aliyun instead of
 * pkgs.k8s.io) or the operator's own mapping to an internal mirror (the lab maps the upstream hosts onto its
 * stand-ins this way). The first rule whose prefix matches wins. Immutable.
 */
public record UrlMap(List<Rule> rules) {
  /** Rewrites URLs starting with {@code from} to start with {@code to}. */
  public record Rule(String from, String to) {
    public Rule {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.isBlank()) {
        throw new IllegalArgumentException("a URL map rule needs a prefix to replace");
      }
    }

    /** Parses {@code FROM=TO}. */
    public static Rule parse(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0 || eq == text.length() - 1) {
        throw new IllegalArgumentException("invalid URL map '" + text + "' (expected FROM-PREFIX=TO-PREFIX)");
      }
      return new Rule(text.substring(0, eq), text.substring(eq + 1));
    }
  }

  public UrlMap {
    rules = List.copyOf(rules);
  }

  public static UrlMap none() {
    return new UrlMap(List.of());
  }

  /** These rules first, then {@code other}'s. */
  public UrlMap then(UrlMap other) {
    List<Rule> all = new ArrayList<>(rules);
    all.addAll(other.rules);
    return new UrlMap(all);
  }

  public String map(String url) {
    for (Rule r : rules) {
      if (url.startsWith(r.from())) {
        return r.to() + url.substring(r.from().length());
      }
    }
    return url;
  }
}
