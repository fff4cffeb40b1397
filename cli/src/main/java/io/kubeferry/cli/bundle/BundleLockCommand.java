package io.kubeferry.cli.bundle;

import io.kubeferry.bundler.image.CatalogImage;
import io.kubeferry.bundler.image.ImageLocker;
import io.kubeferry.bundler.image.ImagePullException;
import io.kubeferry.bundler.image.PullOptions;
import io.kubeferry.cli.image.RegistryOptions;
import io.kubeferry.core.oci.Sources;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kubeferry bundle lock}: resolves every image's tag (manifests only) and writes images.lock. */
@Command(name = "lock", mixinStandardHelpOptions = true,
    description = "Resolve every image of the set (and the operator's: --addons, --images, --image) to its digests"
        + " and write them to the lock file.")
public final class BundleLockCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ImageSetOptionsMixin set;
  @Mixin RegistryOptions registry;
  @Mixin OperatorImagesOptions operator;
  @Option(names = "--lock", defaultValue = "images.lock", paramLabel = "FILE",
      description = "Lock file (default: ${DEFAULT-VALUE}).")
  Path lockFile;

  @Override
  public Integer call() throws Exception {
    PullOptions o = PullOptions.of(operator.read().addTo(set.images()).stream().map(CatalogImage::ref).toList(),
            Path.of("unused"))
        .withPlatforms(set.platforms())
        .withSources(new Sources(set.mirrorRules(registry.mirrorRules()), registry.mirrorsOnly()))
        .withClient(registry.clientOptions())
        .withLock(new PullOptions.LockPolicy(PullOptions.LockPolicy.Mode.UPDATE, lockFile, set.version().toString()));
    try {
      new ImageLocker().lock(o);
    } catch (ImagePullException e) {
      spec.commandLine().getErr().println("kubeferry: error: " + e.getMessage());
      return e.isIntegrityFailure() ? 3 : 1;
    }
    spec.commandLine().getErr().println("locked " + o.images().size() + " images for Kubernetes " + set.version()
        + " " + set.platforms() + " in " + lockFile);
    return 0;
  }
}
