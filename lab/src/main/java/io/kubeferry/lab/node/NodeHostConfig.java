package io.kubeferry.lab.node;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;

/**
 * A HostConfig with the two fields docker-java lacks: {@code MaskedPaths} and {@code ReadonlyPaths}, both empty —
 * what {@code docker run --security-opt systempaths=unconfined} sends (the CLI option has no API counterpart: the
 * daemon only sees the two lists). Empty lists, not absent ones: absent means Docker's defaults.
 */
final class NodeHostConfig extends HostConfig {
  private static final long serialVersionUID = 1L;

  @JsonProperty("MaskedPaths")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private final List<String> maskedPaths = List.of();

  @JsonProperty("ReadonlyPaths")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private final List<String> readonlyPaths = List.of();

  List<String> maskedPaths() {
    return maskedPaths;
  }

  List<String> readonlyPaths() {
    return readonlyPaths;
  }
}
