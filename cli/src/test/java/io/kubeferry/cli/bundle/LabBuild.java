package io.kubeferry.cli.bundle;

import io.kubeferry.cli.Main;
import io.kubeferry.core.sign.GeneratedKey;
import io.kubeferry.lab.registry.LabUpstream;
import io.kubeferry.lab.yum.LabRepo;
import io.kubeferry.lab.yum.LabYumRepos;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * kubeferry run in-process the way the bundle ITs run it, keeping what it printed; and {@code bundle build}'s
 * arguments for the lab: the lab's registries as insecure mirrors (nothing else is tried), only the lab's yum
 * repositories with their key, a Temurin runtime for EL7, the checkout's templates and installer jars. Not
 * thread-safe.
 */
final class LabBuild {
  /** A JDK built against glibc 2.17, for the runtime a bundle carries to EL7. */
  static final Path TEMURIN = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  int run(List<String> args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /**
   * {@code bundle build --k8s 1.23.1 --os el7 --arch amd64 --cni none} against the lab, signed with the key
   * {@code keygen} wrote to {@code tmp/keys}, caches and work directory under {@code tmp}.
   */
  static List<String> buildArgs(Path tmp, LabUpstream up, LabYumRepos yum) throws IOException {
    List<String> args = new ArrayList<>(List.of("bundle", "build", "--k8s", "1.23.1", "--os", "el7", "--arch",
        "amd64", "--cni", "none", "--mirrors-only", "--no-default-repos", "--cache",
        tmp.resolve("image-cache").toString(), "--sign-key", tmp.resolve("keys/" + GeneratedKey.SECRET_FILE).toString(),
        "--jdk", TEMURIN.toString(), "--installer-lib", Path.of("target/kubeferry/lib").toAbsolutePath().toString(),
        "--templates", Path.of("../manifests").toAbsolutePath().toString(), "--work", tmp.resolve("work").toString()));
    for (Map.Entry<String, URI> m : up.mirrors().entrySet()) {
      args.addAll(List.of("--mirror-map", m.getKey() + "=" + m.getValue().getAuthority(),
          "--insecure-registry", m.getValue().getAuthority()));
    }
    Path repoKey = Files.writeString(tmp.resolve("lab-repo.asc"), yum.gpgKey().publicKeyArmored());
    for (LabRepo r : LabRepo.values()) {
      String id = r.name().toLowerCase(Locale.ROOT).replace('_', '-');
      args.addAll(List.of("--repo", id + "=" + yum.url(r), "--repo-key", id + "=" + repoKey));
    }
    return args;
  }
}
