package io.kubeferry.cli.bundle;

import io.kubeferry.bundler.build.OperatorImages;
import io.kubeferry.bundler.image.CatalogImage;
import io.kubeferry.core.Json;
import io.kubeferry.core.oci.MirrorRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kubeferry bundle images}: prints the exact image set of a cluster, without contacting any registry. */
@Command(name = "images", mixinStandardHelpOptions = true,
    description = {"Print the exact container image set a bundle for this Kubernetes version carries, with the",
        "images of --addons manifests, --images and --image. Nothing is pulled."})
public final class BundleImagesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ImageSetOptionsMixin set;
  @Mixin OperatorImagesOptions operatorOptions;
  @Option(names = "--json", description = "Print JSON (image, role, mirror endpoints, where an add-on image is"
      + " named; the add-on files) instead of one image per line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    OperatorImages operator = operatorOptions.read();
    List<CatalogImage> images = operator.addTo(set.images());
    Map<String, List<String>> origins = operator.origins();
    List<MirrorRule> rules = set.mirrorRules(List.of());
    if (json) {
      List<Object> out = new ArrayList<>();
      for (CatalogImage i : images) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", i.ref().toString());
        m.put("role", i.role().key());
        if (origins.containsKey(i.ref().toString())) {
          m.put("namedBy", origins.get(i.ref().toString()));
        }
        List<Object> mirrors = new ArrayList<>();
        rules.stream().filter(r -> r.appliesTo(i.ref()))
            .forEach(r -> mirrors.add(r.endpoint() + "/" + r.repositoryFor(i.ref().repository())
                + (i.ref().tag() != null ? ":" + i.ref().tag() : "@" + i.ref().digest())));
        m.put("mirrors", mirrors);
        out.add(m);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("kubernetes", set.version().toString());
      doc.put("platforms", set.platforms().stream().map(Object::toString).toList());
      doc.put("images", out);
      doc.put("addons", operator.entries().stream().map(e -> (Object) Map.of("path", e.path(), "images",
          e.images())).toList());
      spec.commandLine().getOut().println(Json.write(doc));
    } else {
      images.forEach(i -> spec.commandLine().getOut().println(i.ref()));
    }
    return 0;
  }
}
