package io.kubeferry.core.template;

import io.kubeferry.core.template.TemplateValue.Flag;
import io.kubeferry.core.template.TemplateValue.Records;
import io.kubeferry.core.template.TemplateValue.Strings;
import io.kubeferry.core.template.TemplateValue.Text;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The values one rendering fills in, by name. Four kinds: text ({@code {{ name }}}, {@code {{ name | quoted }}}),
 * flags ({@code {{#name}}}/{@code {{^name}}}), string lists ({@code {{ name | quoted }}} as a flow list) and
 * records (a section repeated once per item, the item's fields usable as names inside it). Immutable; build with
 * {@link #builder()}.
 */
public final class TemplateValues {
  private final Map<String, TemplateValue> values;

  private TemplateValues(Map<String, TemplateValue> values) {
    this.values = Map.copyOf(values);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The value called {@code name}, or null. */
  TemplateValue get(String name) {
    return values.get(name);
  }

  /** Every name given. */
  public Set<String> names() {
    return values.keySet();
  }

  /** Collects values; a name may be given once. Not thread-safe. */
  public static final class Builder {
    private final Map<String, TemplateValue> values = new LinkedHashMap<>();

    private Builder() {}

    /** Text; null or blank is accepted here and reported as unfilled when a template uses it. */
    public Builder text(String name, String text) {
      return put(name, new Text(text));
    }

    public Builder flag(String name, boolean on) {
      return put(name, new Flag(on));
    }

    /** Strings for {@code {{ name | quoted }}}; each must be non-blank. */
    public Builder list(String name, List<String> items) {
      for (String item : items) {
        if (item == null || item.isBlank()) {
          throw new IllegalArgumentException("list '" + name + "' has an empty item");
        }
      }
      return put(name, new Strings(items));
    }

    /**
     * Records for {@code {{#name}}…{{/name}}}. Every item has exactly {@code fields} (declared so a template is
     * checked the same way whether the list is empty or not).
     */
    public Builder records(String name, List<String> fields, List<Map<String, String>> items) {
      Set<String> declared = new LinkedHashSet<>(fields);
      for (Map<String, String> item : items) {
        if (!item.keySet().equals(declared)) {
          throw new IllegalArgumentException("an item of '" + name + "' has fields " + item.keySet()
              + ", expected " + declared);
        }
      }
      return put(name, new Records(declared, items));
    }

    private Builder put(String name, TemplateValue value) {
      Objects.requireNonNull(name, "name");
      if (values.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("value '" + name + "' given twice");
      }
      return this;
    }

    public TemplateValues build() {
      return new TemplateValues(values);
    }
  }
}
