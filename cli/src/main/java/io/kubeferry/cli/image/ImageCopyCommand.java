package io.kubeferry.cli.image;

import io.kubeferry.bundler.image.ImagePullException;
import io.kubeferry.bundler.image.ImagePuller;
import io.kubeferry.bundler.image.PullOptions;
import io.kubeferry.bundler.image.PullResult;
import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Platform;
import io.kubeferry.core.oci.LayoutPusher;
import io.kubeferry.core.oci.OciLayout;
import io.kubeferry.core.oci.RegistryClient;
import io.kubeferry.core.oci.RegistryException;
import io.kubeferry.core.oci.Sources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubeferry image copy SRC DST}: copies an image byte-exactly between registries and OCI layouts. */
@Command(name = "copy", mixinStandardHelpOptions = true,
    description = {"Copy an image byte-exactly (same digests) between a registry and an OCI layout.",
        "SRC/DST: docker://REGISTRY/REPO[:TAG|@DIGEST] or oci:DIR[:NAME]. Exit code 3: integrity failure."})
public final class ImageCopyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Parameters(index = "0", paramLabel = "SRC") String src;
  @Parameters(index = "1", paramLabel = "DST") String dst;

  static final class PlatformChoice {
    @Option(names = "--all-platforms", description = "Copy every platform of an index.") boolean all;
    @Option(names = "--arch", split = ",", paramLabel = "ARCH",
        description = "Platforms to copy from an index, e.g. amd64,arm64 (default amd64).") List<String> arch;
  }

  @ArgGroup(exclusive = true) PlatformChoice platforms = new PlatformChoice();
  @Option(names = "--json", description = "Print the result as JSON on stdout.") boolean json;
  @Mixin RegistryOptions registry;

  @Override
  public Integer call() throws Exception {
    ImageLocation from = ImageLocation.parse(src);
    ImageLocation to = ImageLocation.parse(dst);
    if (!from.isRegistry() && !to.isRegistry()) {
      throw new IllegalArgumentException("copying from a layout to a layout is not supported ('" + src + "' to '"
          + dst + "')");
    }
    try {
      if (from.isRegistry()) {
        Path layoutDir = to.isRegistry() ? Files.createTempDirectory("kubeferry-copy-") : to.dir();
        PullResult r = pull(from, layoutDir, to.isRegistry() ? null : to.name());
        if (to.isRegistry()) {
          push(OciLayout.open(layoutDir), from.ref().toString(), to);
        }
        report(r);
      } else {
        OciLayout layout = OciLayout.open(from.dir());
        String key = from.name() != null ? from.name() : onlyImage(layout);
        push(layout, key, to);
      }
      return 0;
    } catch (ImagePullException e) {
      spec.commandLine().getErr().println("kubeferry: error: " + e.getMessage());
      return e.isIntegrityFailure() ? 3 : 1;
    } catch (RegistryException e) {
      spec.commandLine().getErr().println("kubeferry: error: " + e.getMessage());
      return e.isIntegrityFailure() ? 3 : 1;
    }
  }

  private PullResult pull(ImageLocation from, Path layoutDir, String name) throws Exception {
    StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
    Set<Platform> wanted = platforms.all ? Set.of()
        : platforms.arch == null ? Set.of(Platform.LINUX_AMD64)
        : platforms.arch.stream().map(Platform::parse).collect(Collectors.toSet());
    PullOptions o = PullOptions.of(List.of(from.ref()), layoutDir).withPlatforms(wanted)
        .withCache(registry.cacheDir()).withParallelism(registry.parallel)
        .withSources(new Sources(registry.mirrorRules(), registry.mirrorsOnly()))
        .withClient(registry.clientOptions().withListener(progress)).withListener(progress);
    PullResult r = new ImagePuller().pull(o);
    if (name != null) {
      OciLayout layout = OciLayout.open(layoutDir);
      layout.addImage(from.ref().toString(), name, layout.find(from.ref().toString()));
    }
    return r;
  }

  private void push(OciLayout layout, String key, ImageLocation to) throws Exception {
    Descriptor top = layout.find(key);
    if (top == null) {
      throw new IllegalArgumentException("no image '" + key + "' in " + layout.dir() + " (it has "
          + layout.images().keySet() + ")");
    }
    RegistryClient client = new RegistryClient(registry.clientOptions());
    String tag = to.ref().reference();
    Descriptor pushed = new LayoutPusher(client).push(layout, top, client.remote(to.ref().registry(),
        to.ref().repository()), tag, to.ref().toString());
    spec.commandLine().getErr().println("pushed " + to.ref() + " (" + pushed.digest() + ")");
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("pushed", to.ref().toString());
      out.put("digest", pushed.digest().toString());
      out.put("mediaType", pushed.mediaType());
      spec.commandLine().getOut().println(io.kubeferry.core.Json.write(out));
    }
  }

  private static String onlyImage(OciLayout layout) {
    if (layout.images().size() != 1) {
      throw new IllegalArgumentException("layout " + layout.dir() + " holds " + layout.images().size()
          + " images; name one with oci:DIR:NAME");
    }
    return layout.images().keySet().iterator().next();
  }

  private void report(PullResult r) {
    if (json) {
      spec.commandLine().getOut().println(PullResultJson.write(r));
    }
  }
}
