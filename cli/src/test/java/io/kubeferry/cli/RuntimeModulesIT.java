package io.kubeferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.runtime.RuntimeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime a bundle carries is jlinked with {@link RuntimeOptions#DEFAULT_MODULES}: every module the packaged
 * jars use must be in it, or the installer fails inside the air gap with NoClassDefFoundError.
 */
class RuntimeModulesIT {
  @Test
  void bundledRuntimeHasEveryModuleThePackagedJarsUse() throws Exception {
    Path lib = Path.of("target/kubeferry/lib");
    List<String> jars;
    try (Stream<Path> s = Files.list(lib)) {
      jars = s.map(Path::toString).filter(n -> n.endsWith(".jar")).sorted().toList();
    }
    assertTrue(jars.size() > 5, "no packaged jars in " + lib.toAbsolutePath());
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jdeps").toString(),
        "--ignore-missing-deps", "--multi-release", "17", "--print-module-deps", "--class-path",
        String.join(":", jars)));
    cmd.addAll(jars);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertEquals(0, p.waitFor(), out);
    String[] lines = out.split("\n");
    List<String> used = Arrays.asList(lines[lines.length - 1].split(","));
    assertTrue(used.contains("java.base"), "unexpected jdeps output: " + out);
    List<String> missing = used.stream().filter(m -> !RuntimeOptions.DEFAULT_MODULES.contains(m)).toList();
    assertEquals(List.of(), missing, "modules the jars use but the bundled runtime lacks");
  }
}
