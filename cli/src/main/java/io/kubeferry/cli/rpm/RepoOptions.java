package io.kubeferry.cli.rpm;

import io.kubeferry.bundler.rpm.repo.OpenPgpRepomdVerifier;
import io.kubeferry.bundler.rpm.repo.RepoConfig;
import io.kubeferry.bundler.rpm.repo.RepoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --repo [id[:priority]=]LOCATION} and {@code --repo-key id=FILE}, shared by the rpm commands. */
public final class RepoOptions {
  @Option(names = "--repo", required = true, paramLabel = "[ID[:PRIO]=]URL|DIR",
      description = "A yum repository (directory, file: or http(s) URL of the directory holding repodata/)."
          + " Repeat for several; lower PRIO wins (default 99). ID defaults to repo1, repo2, ...")
  List<String> repos = new ArrayList<>();

  @Option(names = "--repo-key", paramLabel = "ID=KEYFILE",
      description = "OpenPGP public key of a repository: its repomd.xml.asc must be a good signature by it.")
  List<String> keys = new ArrayList<>();

  /** Parses the options; usage errors become picocli ParameterExceptions, unreadable keys RepoExceptions. */
  List<RepoConfig> configs(picocli.CommandLine cli) throws RepoException {
    Map<String, Path> keyFiles = new HashMap<>();
    for (String k : keys) {
      int eq = k.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(cli, "invalid --repo-key '" + k + "' (expected ID=KEYFILE)");
      }
      keyFiles.put(k.substring(0, eq), Path.of(k.substring(eq + 1)));
    }
    List<RepoConfig> out = new ArrayList<>();
    for (int i = 0; i < repos.size(); i++) {
      String r = repos.get(i);
      String id = "repo" + (i + 1);
      int priority = RepoConfig.DEFAULT_PRIORITY;
      String location = r;
      int eq = r.indexOf('=');
      if (eq > 0 && !r.substring(0, eq).contains("/")) {
        String head = r.substring(0, eq);
        location = r.substring(eq + 1);
        int colon = head.indexOf(':');
        id = colon < 0 ? head : head.substring(0, colon);
        if (colon >= 0) {
          try {
            priority = Integer.parseInt(head.substring(colon + 1));
          } catch (NumberFormatException e) {
            throw new ParameterException(cli, "invalid priority in --repo '" + r + "' (expected ID:NUMBER=URL)");
          }
        }
      }
      OpenPgpRepomdVerifier verifier = null;
      Path key = keyFiles.remove(id);
      if (key != null) {
        try {
          verifier = OpenPgpRepomdVerifier.fromKey(Files.readAllBytes(key), key.toString());
        } catch (IOException e) {
          throw new RepoException("could not read repository key " + key + ": " + e.getMessage(), e);
        }
      }
      out.add(new RepoConfig(id, location, priority, verifier));
    }
    if (!keyFiles.isEmpty()) {
      throw new ParameterException(cli, "--repo-key names unknown repository " + keyFiles.keySet());
    }
    return out;
  }
}
