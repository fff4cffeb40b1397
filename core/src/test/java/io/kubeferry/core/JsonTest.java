package io.kubeferry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void roundTripKeepsOrder() {
    String text = "{\"b\":1,\"a\":[true,null,\"x\\\"y\\n\"],\"c\":{\"d\":2.5}}";
    Object v = Json.parse(text);
    assertEquals(text, Json.write(v));
    assertEquals(List.of("b", "a", "c"), List.copyOf(((Map<?, ?>) v).keySet()));
  }

  @Test
  void tabsAndUnicode() {
    Object v = Json.parse("{\n\t\"k\":\t\"\\u00e9\"\n}");
    assertEquals("é", ((Map<?, ?>) v).get("k"));
  }

  @Test
  void rejectsDuplicatesAndTrailing() {
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":"));
  }
}
