package io.kubeferry.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Json;
import io.kubeferry.core.template.TemplateException.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

class TemplateTest {
  private static String render(String text, TemplateValues values) throws TemplateException {
    return Template.parse("t.yaml", text).render(values);
  }

  private static TemplateException failure(String text, TemplateValues values) {
    return assertThrows(TemplateException.class, () -> render(text, values));
  }

  private static TemplateValues.Builder values() {
    return TemplateValues.builder();
  }

  @Test
  void fillsTokensAndKeepsEverythingElse() throws Exception {
    assertEquals("podSubnet: \"10.244.0.0/16\" # {x}\n",
        render("podSubnet: \"{{ podSubnet }}\" # {x}\n", values().text("podSubnet", "10.244.0.0/16").build()));
    assertEquals("a=[fd00::1]:6443,b", render("a={{a}},b", values().text("a", "[fd00::1]:6443").build()));
  }

  @Test
  void standaloneSectionLinesLeaveNoBlankLines() throws Exception {
    String t = "etcd:\n{{#external}}\n  external: {}\n{{/external}}\n  {{^external}}\n  local: {}\n  {{/external}}\nend\n";
    assertEquals("etcd:\n  external: {}\nend\n", render(t, values().flag("external", true).build()));
    assertEquals("etcd:\n  local: {}\nend\n", render(t, values().flag("external", false).build()));
  }

  @Test
  void inlineSections() throws Exception {
    assertEquals("x = false\n", render("x = {{#on}}true{{/on}}{{^on}}false{{/on}}\n", values().flag("on", false).build()));
  }

  @Test
  void recordsRepeatTheirBlockWithFieldsAndOuterValues() throws Exception {
    String t = "backend\n{{#servers}}\n    server {{ name }} {{ address }}:{{ port }} check\n{{/servers}}\n"
        + "{{^servers}}\n    # none\n{{/servers}}\n";
    TemplateValues two = values().text("port", "6443").records("servers", List.of("name", "address"), List.of(
        Map.of("name", "cp1", "address", "10.0.0.11"), Map.of("name", "cp2", "address", "10.0.0.12"))).build();
    assertEquals("backend\n    server cp1 10.0.0.11:6443 check\n    server cp2 10.0.0.12:6443 check\n", render(t, two));
    TemplateValues none = values().text("port", "6443").records("servers", List.of("name", "address"), List.of()).build();
    assertEquals("backend\n    # none\n", render(t, none));
  }

  @Test
  void quotedTextRoundTripsThroughYamlJsonAndToml() throws Exception {
    String nasty = "a\"b\\c\nd: [e]\t#f \u2028 \u0001 é";
    String yaml = render("key: {{ v | quoted }}\nother: 1\n", values().text("v", nasty).build());
    Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(yaml);
    assertEquals(Map.of("key", nasty, "other", 1), doc);
    String json = render("{\"key\": {{ v | quoted }}}", values().text("v", nasty).build());
    assertEquals(Map.of("key", nasty), Json.parse(json));
    assertEquals("ca = \"/etc/x \\\"y\\\"\"", render("ca = {{ v | quoted }}", values().text("v", "/etc/x \"y\"").build()));
  }

  @Test
  void quotedStringListsAreFlowLists() throws Exception {
    String t = "{\"insecure-registries\": {{ insecure | quoted }}, \"mirrors\": {{ mirrors | quoted }}}";
    String json = render(t, values().list("insecure", List.of()).list("mirrors", List.of("https://10.0.0.5:5000", "x\"y")).build());
    assertEquals(Map.of("insecure-registries", List.of(), "mirrors", List.of("https://10.0.0.5:5000", "x\"y")), Json.parse(json));
  }

  @Test
  void unknownPlaceholderNamesLineAndName() {
    TemplateException e = failure("a: 1\nb: \"{{ podSubnt }}\"\n", values().build());
    assertEquals(List.of(new Problem(2, "podSubnt", "unknown placeholder 'podSubnt' (not among the values given)")),
        e.problems());
    assertEquals("could not render t.yaml: line 2: unknown placeholder 'podSubnt' (not among the values given)",
        e.getMessage());
  }

  @Test
  void unknownPlaceholderInABlockNotRenderedIsStillAnError() {
    TemplateException e = failure("{{#ha}}\nx: {{ vip }}\n{{/ha}}\n", values().flag("ha", false).build());
    assertEquals("vip", e.problems().get(0).placeholder());
    assertEquals(2, e.problems().get(0).line());
  }

  @Test
  void unfilledPlaceholder() {
    TemplateException blank = failure("x\ny: {{ vip }}\n", values().text("vip", " ").build());
    assertEquals(List.of(new Problem(2, "vip", "unfilled placeholder 'vip' (its value is empty)")), blank.problems());
    TemplateException nul = failure("{{ vip | quoted }}", values().text("vip", null).build());
    assertEquals("unfilled placeholder 'vip' (its value is empty)", nul.problems().get(0).message());
  }

  @Test
  void unusedValueIsAnError() {
    TemplateException e = failure("x: 1\n", values().text("vip", "10.0.0.100").build());
    assertEquals(List.of(new Problem(0, "vip", "unused value 'vip' (given but never mentioned by the template)")),
        e.problems());
  }

  @Test
  void aValueMentionedOnlyInABlockNotRenderedCountsAsUsed() throws Exception {
    assertEquals("", render("{{#ha}}{{ vip }}{{/ha}}", values().flag("ha", false).text("vip", "1").build()));
  }

  @Test
  void unusedRecordField() {
    TemplateException e = failure("{{#s}}{{ name }}{{/s}}",
        values().records("s", List.of("name", "address"), List.of(Map.of("name", "a", "address", "b"))).build());
    assertEquals("unused field 'address' of 's'", e.problems().get(0).message());
  }

  @Test
  void unterminatedSection() {
    TemplateException e = assertThrows(TemplateException.class, () -> Template.parse("t", "a\n{{#ha}}\nb\n"));
    assertEquals(List.of(new Problem(2, "ha", "unterminated section 'ha' (no {{/ha}})")), e.problems());
  }

  @Test
  void unterminatedPlaceholder() {
    TemplateException e = assertThrows(TemplateException.class, () -> Template.parse("t", "a: {{ vip\n}}\n"));
    assertEquals(1, e.problems().get(0).line());
    assertTrue(e.getMessage().contains("unterminated placeholder"), e.getMessage());
  }

  @Test
  void sectionClosedButNeverOpenedOrClosedOutOfOrder() {
    TemplateException stray = assertThrows(TemplateException.class, () -> Template.parse("t", "{{/ha}}\n"));
    assertEquals("section 'ha' closed but never opened", stray.problems().get(0).message());
    TemplateException crossed = assertThrows(TemplateException.class,
        () -> Template.parse("t", "{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}\n"));
    assertEquals(new Problem(3, "a", "section 'a' closed while section 'b' (line 2) is still open"),
        crossed.problems().get(0));
  }

  @Test
  void invalidNamesAndUnknownFilters() {
    TemplateException e = assertThrows(TemplateException.class,
        () -> Template.parse("t", "{{ a-b }} {{ }} {{ x | yaml }}\n"));
    assertEquals(List.of("invalid placeholder 'a-b' (a name is letters and digits, starting with a letter)",
        "invalid placeholder '' (a name is letters and digits, starting with a letter)",
        "unknown filter 'yaml' on 'x' (known: quoted)"), e.problems().stream().map(Problem::message).toList());
  }

  @Test
  void valuesOfTheWrongKind() {
    TemplateException e = failure("{{ ha }} {{ sans }} {{#vip}}{{/vip}} {{#s}}{{#f}}{{/f}}{{/s}}\n", values()
        .flag("ha", true).list("sans", List.of("a")).text("vip", "1")
        .records("s", List.of("f"), List.of()).build());
    assertEquals(List.of("'ha' is a flag, not text: use it as {{#ha}}", "'sans' is a list of strings, which needs | quoted",
        "'vip' is text, not a flag or a list of records", "'f' is a field (text), not a flag or list"),
        e.problems().stream().map(Problem::message).toList());
  }

  @Test
  void aRecordFieldMayNotHideAnotherValue() {
    TemplateException e = failure("{{#s}}{{ name }}{{/s}}{{ name }}",
        values().text("name", "x").records("s", List.of("name"), List.of(Map.of("name", "y"))).build());
    assertEquals("field 'name' of 's' has the name of another value", e.problems().get(0).message());
  }

  @Test
  void injectionThroughABarePlaceholderIsRejectedWithoutShowingTheValue() {
    String hostname = "cp1\"\n  evil: \"x";
    TemplateException e = failure("name: \"{{ nodeName }}\"\n", values().text("nodeName", hostname).build());
    assertEquals("the value of 'nodeName' is not a plain token (contains '\"' at offset 3); the template must ask "
        + "for {{ nodeName | quoted }}", e.problems().get(0).message());
    assertTrue(!e.getMessage().contains("evil"), e.getMessage());
    assertEquals("contains U+000A at offset 3", Quoting.whyNotToken("cp1\nx"));
    assertEquals("starts with '-' at offset 0", Quoting.whyNotToken("-x"));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    TemplateException e = failure("{{ a }}\n{{ b }}\n", values().text("c", "1").build());
    assertEquals(List.of("a", "b", "c"), e.problems().stream().map(Problem::placeholder).toList());
  }

  @Test
  void namesListsEveryMentionedName() throws Exception {
    assertEquals(java.util.Set.of("a", "ha", "s", "f"),
        Template.parse("t", "{{ a }}{{#ha}}{{/ha}}{{#s}}{{ f }}{{/s}}").names());
  }
}
