package io.kubeferry.core.template;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A template that cannot be parsed or rendered with the values given. Every problem found is reported at once;
 * each names the line (0 when the problem has none, such as an unused value) and the placeholder. Messages never
 * contain a value (values may be tokens or passwords), only names, lines and the offending character.
 */
public final class TemplateException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String template;
  private final transient List<Problem> problems;

  /** One problem: 1-based line in the template (0 for none), the placeholder or section name, what is wrong. */
  public record Problem(int line, String placeholder, String message) {
    @Override
    public String toString() {
      return (line > 0 ? "line " + line + ": " : "") + message;
    }
  }

  TemplateException(String template, List<Problem> problems) {
    super("could not render " + template + ": "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.template = template;
    this.problems = List.copyOf(problems);
  }

  /** The template's name as given to {@link Template#parse}. */
  public String template() {
    return template;
  }

  /** Every problem, in template order (unused values last). Never empty. */
  public List<Problem> problems() {
    return problems;
  }
}
