package io.kubeferry.core.template;

import io.kubeferry.core.template.TemplateException.Problem;
import io.kubeferry.core.template.TemplateNode.Literal;
import io.kubeferry.core.template.TemplateNode.Placeholder;
import io.kubeferry.core.template.TemplateNode.Section;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns template text into {@link TemplateNode}s, collecting every syntax problem. A section tag alone on its line
 * (blanks around it allowed) takes the whole line with it, so sections leave no empty lines behind.
 */
final class TemplateParser {
  static final String FILTER_QUOTED = "quoted";
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Pattern STANDALONE_SECTION =
      Pattern.compile("[ \t]*\\{\\{\\s*([#^/])\\s*([^}]*?)\\s*}}[ \t]*\r?\n?");

  private final List<Problem> problems = new ArrayList<>();
  private final Deque<Open> open = new ArrayDeque<>();
  private final List<TemplateNode> root = new ArrayList<>();

  /** A section being read: its tag and the nodes so far. */
  private record Open(String name, boolean inverted, int line, List<TemplateNode> body) {}

  private TemplateParser() {}

  /** The nodes of {@code text}; problems are added to {@code problems}. */
  static List<TemplateNode> parse(String text, List<Problem> problems) {
    TemplateParser p = new TemplateParser();
    int lineNo = 0;
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl + 1;
      p.line(text.substring(start, end), ++lineNo);
      start = end;
    }
    while (!p.open.isEmpty()) {
      Open o = p.open.pop();
      p.problems.add(new Problem(o.line, o.name, "unterminated section '" + o.name + "' (no {{/" + o.name + "}})"));
    }
    problems.addAll(p.problems);
    return List.copyOf(p.root);
  }

  private List<TemplateNode> current() {
    return open.isEmpty() ? root : open.peek().body;
  }

  private void line(String line, int lineNo) {
    Matcher standalone = STANDALONE_SECTION.matcher(line);
    if (standalone.matches()) {
      section(standalone.group(1).charAt(0), standalone.group(2), lineNo);
      return;
    }
    int pos = 0;
    while (pos < line.length()) {
      int tag = line.indexOf("{{", pos);
      if (tag < 0) {
        literal(line.substring(pos));
        return;
      }
      literal(line.substring(pos, tag));
      int close = line.indexOf("}}", tag + 2);
      if (close < 0) {
        problems.add(new Problem(lineNo, "", "unterminated placeholder (a '{{' without '}}' on the same line)"));
        return;
      }
      tag(line.substring(tag + 2, close).trim(), lineNo);
      pos = close + 2;
    }
  }

  private void literal(String text) {
    if (!text.isEmpty()) {
      current().add(new Literal(text));
    }
  }

  private void tag(String content, int lineNo) {
    if (!content.isEmpty() && "#^/".indexOf(content.charAt(0)) >= 0) {
      section(content.charAt(0), content.substring(1).trim(), lineNo);
      return;
    }
    String name = content;
    String filter = null;
    int bar = content.indexOf('|');
    if (bar >= 0) {
      name = content.substring(0, bar).trim();
      filter = content.substring(bar + 1).trim();
    }
    if (!validName(name, lineNo)) {
      return;
    }
    if (filter != null && !filter.equals(FILTER_QUOTED)) {
      problems.add(new Problem(lineNo, name, "unknown filter '" + filter + "' on '" + name + "' (known: "
          + FILTER_QUOTED + ")"));
      return;
    }
    current().add(new Placeholder(name, filter, lineNo));
  }

  private void section(char kind, String name, int lineNo) {
    if (!validName(name, lineNo)) {
      return;
    }
    if (kind != '/') {
      open.push(new Open(name, kind == '^', lineNo, new ArrayList<>()));
      return;
    }
    if (open.isEmpty()) {
      problems.add(new Problem(lineNo, name, "section '" + name + "' closed but never opened"));
      return;
    }
    if (!open.peek().name.equals(name)) {
      Open o = open.peek();
      problems.add(new Problem(lineNo, name, "section '" + name + "' closed while section '" + o.name
          + "' (line " + o.line + ") is still open"));
      return;
    }
    Open o = open.pop();
    current().add(new Section(o.name, o.inverted, o.body, o.line));
  }

  private boolean validName(String name, int lineNo) {
    if (NAME.matcher(name).matches()) {
      return true;
    }
    problems.add(new Problem(lineNo, name, "invalid placeholder '" + name
        + "' (a name is letters and digits, starting with a letter)"));
    return false;
  }
}
