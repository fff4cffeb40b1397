package io.kubeferry.core.template;

import io.kubeferry.core.template.TemplateException.Problem;
import io.kubeferry.core.template.TemplateNode.Literal;
import io.kubeferry.core.template.TemplateNode.Placeholder;
import io.kubeferry.core.template.TemplateNode.Section;
import io.kubeferry.core.template.TemplateValue.Flag;
import io.kubeferry.core.template.TemplateValue.Records;
import io.kubeferry.core.template.TemplateValue.Strings;
import io.kubeferry.core.template.TemplateValue.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed template. Syntax (docs/adr/0009-templates-and-rendering.md):
 * <ul>
 *   <li>{@code {{ name }}}: text that must be a plain token (see {@link Quoting});</li>
 *   <li>{@code {{ name | quoted }}}: any text as a double-quoted string, or a string list as a flow list;</li>
 *   <li>{@code {{#name}}…{{/name}}}: the block if the flag is on, or once per record (fields usable inside);</li>
 *   <li>{@code {{^name}}…{{/name}}}: the block if the flag is off or the record list is empty.</li>
 * </ul>
 * Strict: a name the values lack (even in a block not rendered), a value the template never mentions, an empty
 * value, a non-token value in a bare placeholder or a value of the wrong kind is an error, reported all at once.
 * Immutable and thread-safe.
 */
public final class Template {
  private final String name;
  private final List<TemplateNode> nodes;

  private Template(String name, List<TemplateNode> nodes) {
    this.name = name;
    this.nodes = nodes;
  }

  /**
   * Parses {@code text}.
   *
   * @param name names the template in messages, usually its path under {@code manifests/}
   * @throws TemplateException listing every syntax problem with its line
   */
  public static Template parse(String name, String text) throws TemplateException {
    List<Problem> problems = new ArrayList<>();
    List<TemplateNode> nodes = TemplateParser.parse(text, problems);
    if (!problems.isEmpty()) {
      throw new TemplateException(name, problems);
    }
    return new Template(name, nodes);
  }

  public String name() {
    return name;
  }

  /** Every name the template mentions, record fields included, sorted (for documentation checks). */
  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    collectNames(nodes, names);
    return names;
  }

  private static void collectNames(List<TemplateNode> nodes, Set<String> names) {
    for (TemplateNode n : nodes) {
      if (n instanceof Placeholder p) {
        names.add(p.name());
      } else if (n instanceof Section s) {
        names.add(s.name());
        collectNames(s.body(), names);
      }
    }
  }

  /**
   * Renders with {@code values}.
   *
   * @throws TemplateException listing every problem: unknown or unused names, kinds, unfilled or unsafe values
   */
  public String render(TemplateValues values) throws TemplateException {
    List<Problem> problems = new ArrayList<>();
    new NameCheck(values, problems).check(nodes);
    if (problems.isEmpty()) {
      StringBuilder out = new StringBuilder();
      new Renderer(values, problems, out).render(nodes, null);
      if (problems.isEmpty()) {
        return out.toString();
      }
    }
    throw new TemplateException(name, problems);
  }

  /** Resolves every name against the values without rendering, so blocks not taken are checked too. */
  private static final class NameCheck {
    private final TemplateValues values;
    private final List<Problem> problems;
    private final Set<String> used = new TreeSet<>();
    private final Set<String> usedFields = new TreeSet<>();

    NameCheck(TemplateValues values, List<Problem> problems) {
      this.values = values;
      this.problems = problems;
    }

    void check(List<TemplateNode> nodes) {
      walk(nodes, null, null);
      for (String n : new TreeSet<>(values.names())) {
        if (!used.contains(n)) {
          problems.add(new Problem(0, n, "unused value '" + n + "' (given but never mentioned by the template)"));
        } else if (values.get(n) instanceof Records r) {
          for (String f : new TreeSet<>(r.fields())) {
            if (!usedFields.contains(n + "." + f)) {
              problems.add(new Problem(0, n, "unused field '" + f + "' of '" + n + "'"));
            }
          }
        }
      }
    }

    /** {@code list}/{@code fields}: the innermost record section around these nodes, or null. */
    private void walk(List<TemplateNode> nodes, String list, Set<String> fields) {
      for (TemplateNode n : nodes) {
        if (n instanceof Placeholder p) {
          if (fields != null && fields.contains(p.name())) {
            usedFields.add(list + "." + p.name());
          } else {
            TemplateValue v = resolveTopLevel(p.name(), p.line());
            if (v != null && !(v instanceof Text) && !(v instanceof Strings && p.filter() != null)) {
              problems.add(new Problem(p.line(), p.name(), "'" + p.name() + "' is " + v.describe()
                  + (v instanceof Strings ? ", which needs | quoted" : ", not text: use it as {{#" + p.name() + "}}")));
            }
          }
        } else if (n instanceof Section s) {
          walkSection(s, list, fields);
        }
      }
    }

    private void walkSection(Section s, String list, Set<String> fields) {
      if (fields != null && fields.contains(s.name())) {
        usedFields.add(list + "." + s.name());
        problems.add(new Problem(s.line(), s.name(), "'" + s.name() + "' is a field (text), not a flag or list"));
        return;
      }
      TemplateValue v = resolveTopLevel(s.name(), s.line());
      if (v instanceof Records r) {
        for (String f : r.fields()) {
          if (values.get(f) != null) {
            problems.add(new Problem(s.line(), s.name(), "field '" + f + "' of '" + s.name()
                + "' has the name of another value"));
          }
        }
        walk(s.body(), s.name(), r.fields());
        return;
      }
      if (v != null && !(v instanceof Flag)) {
        problems.add(new Problem(s.line(), s.name(), "'" + s.name() + "' is " + v.describe()
            + ", not a flag or a list of records"));
      }
      walk(s.body(), list, fields);
    }

    private TemplateValue resolveTopLevel(String name, int line) {
      TemplateValue v = values.get(name);
      if (v == null) {
        problems.add(new Problem(line, name, "unknown placeholder '" + name + "' (not among the values given)"));
      } else {
        used.add(name);
      }
      return v;
    }
  }

  /** Writes the output once every name has resolved; reports unfilled and unsafe values. */
  private static final class Renderer {
    private final TemplateValues values;
    private final List<Problem> problems;
    private final StringBuilder out;

    Renderer(TemplateValues values, List<Problem> problems, StringBuilder out) {
      this.values = values;
      this.problems = problems;
      this.out = out;
    }

    /** {@code item}: the fields of the record being repeated, or null. */
    void render(List<TemplateNode> nodes, Map<String, String> item) {
      for (TemplateNode n : nodes) {
        if (n instanceof Literal l) {
          out.append(l.text());
        } else if (n instanceof Placeholder p) {
          placeholder(p, item);
        } else if (n instanceof Section s) {
          section(s, item);
        }
      }
    }

    private void placeholder(Placeholder p, Map<String, String> item) {
      TemplateValue v = item != null && item.containsKey(p.name()) ? new Text(item.get(p.name()))
          : values.get(p.name());
      if (v instanceof Strings list) {
        out.append(Quoting.quoteAll(list.items()));
        return;
      }
      String text = ((Text) v).text();
      if (text == null || text.isBlank()) {
        problems.add(new Problem(p.line(), p.name(), "unfilled placeholder '" + p.name() + "' (its value is empty)"));
      } else if (p.filter() != null) {
        out.append(Quoting.quote(text));
      } else {
        String why = Quoting.whyNotToken(text);
        if (why != null) {
          problems.add(new Problem(p.line(), p.name(), "the value of '" + p.name() + "' is not a plain token ("
              + why + "); the template must ask for {{ " + p.name() + " | quoted }}"));
        } else {
          out.append(text);
        }
      }
    }

    private void section(Section s, Map<String, String> item) {
      TemplateValue v = values.get(s.name());
      if (v instanceof Records r) {
        if (s.inverted()) {
          if (r.items().isEmpty()) {
            render(s.body(), item);
          }
        } else {
          r.items().forEach(each -> render(s.body(), each));
        }
      } else if (((Flag) v).on() != s.inverted()) {
        render(s.body(), item);
      }
    }
  }
}
