package io.kubeferry.core.template;

import java.util.List;

/** The parsed form of a template: literal text, placeholders and sections. */
sealed interface TemplateNode {
  /** Text copied to the output as is. */
  record Literal(String text) implements TemplateNode {}

  /** {@code {{ name }}} or {@code {{ name | filter }}}; {@code filter} is null without one. */
  record Placeholder(String name, String filter, int line) implements TemplateNode {}

  /** {@code {{#name}}…{{/name}}}, or {@code {{^name}}…{{/name}}} when {@code inverted}. */
  record Section(String name, boolean inverted, List<TemplateNode> body, int line) implements TemplateNode {
    public Section {
      body = List.copyOf(body);
    }
  }
}
