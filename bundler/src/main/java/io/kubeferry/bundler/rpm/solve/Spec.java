package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;
import io.kubeferry.core.rpm.Evr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A requested package as the user writes it: {@code name}, {@code name-version[-release]},
 * {@code name-[epoch:]version-release[.arch]} ({@code kubeadm-1.23.1-0}, {@code docker-ce-3:20.10.12-3.el7}) or a
 * dependency {@code name OP evr} ({@code kubelet = 1.23.1-0}). A name may itself contain dashes, so the dashed
 * forms are ambiguous; {@link #interpretations()} lists the readings, most specific first, and the solver takes
 * the first whose name exists (as dnf does).
 */
public record Spec(String text) {
  private static final Pattern OP_FORM = Pattern.compile("(\\S+)\\s*(=|==|<|>|<=|>=)\\s*(\\S+)");
  private static final List<String> ARCHES = List.of("x86_64", "aarch64", "noarch", "i686", "i386", "ppc64le",
      "s390x");

  public Spec {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("empty package spec");
    }
  }

  /**
   * One reading of the spec.
   *
   * @param dep name with optional version constraint
   * @param arch required arch or {@code null}
   */
  public record Reading(Dep dep, String arch) {
    /** Whether the reading pins an exact version. */
    public boolean pinned() {
      return dep.flags() == Dep.EQ;
    }
  }

  /** The possible readings, most specific first. */
  public List<Reading> interpretations() {
    String t = text.trim();
    Matcher m = OP_FORM.matcher(t);
    if (m.matches()) {
      int flags = Dep.parseFlags(switch (m.group(2)) {
        case "=", "==" -> "EQ";
        case "<" -> "LT";
        case ">" -> "GT";
        case "<=" -> "LE";
        default -> "GE";
      });
      return List.of(new Reading(new Dep(m.group(1), flags, Evr.parse(m.group(3))), null));
    }
    List<Reading> out = new ArrayList<>();
    out.add(new Reading(new Dep(t, 0, null), null));
    String arch = null;
    String base = t;
    int dot = t.lastIndexOf('.');
    if (dot > 0 && ARCHES.contains(t.substring(dot + 1))) {
      arch = t.substring(dot + 1);
      base = t.substring(0, dot);
      out.add(new Reading(new Dep(base, 0, null), arch));
    }
    for (String a : arch == null ? new String[] {null} : new String[] {arch, null}) {
      String b = a == null ? t : base;
      int last = b.lastIndexOf('-');
      if (last > 0) {
        int prev = b.lastIndexOf('-', last - 1);
        if (prev > 0) {
          add(out, b.substring(0, prev), b.substring(prev + 1), a);
        }
        add(out, b.substring(0, last), b.substring(last + 1), a);
      }
    }
    return out;
  }

  private static void add(List<Reading> out, String name, String evr, String arch) {
    try {
      out.add(new Reading(new Dep(name, Dep.EQ, Evr.parse(evr)), arch));
    } catch (IllegalArgumentException e) {
      // not a version: this reading is impossible
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
