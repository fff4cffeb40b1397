package io.kubeferry.core.template;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The kinds of value a template can be given (see {@link TemplateValues}). */
sealed interface TemplateValue {
  /** What the kind is called in messages. */
  String describe();

  /** Text for {@code {{ name }}} (a plain token) or {@code {{ name | quoted }}}; null or blank is unfilled. */
  record Text(String text) implements TemplateValue {
    @Override
    public String describe() {
      return "text";
    }
  }

  /** A yes/no for {@code {{#name}}} and {@code {{^name}}}. */
  record Flag(boolean on) implements TemplateValue {
    @Override
    public String describe() {
      return "a flag";
    }
  }

  /** Strings rendered as one flow list by {@code {{ name | quoted }}}. */
  record Strings(List<String> items) implements TemplateValue {
    public Strings {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list of strings";
    }
  }

  /** Items with the same declared fields, repeated by {@code {{#name}}…{{/name}}}. */
  record Records(Set<String> fields, List<Map<String, String>> items) implements TemplateValue {
    public Records {
      fields = Set.copyOf(fields);
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list of records";
    }
  }
}
