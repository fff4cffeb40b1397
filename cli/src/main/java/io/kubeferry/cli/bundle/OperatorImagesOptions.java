package io.kubeferry.cli.bundle;

import io.kubeferry.bundler.build.OperatorImages;
import io.kubeferry.bundler.build.RequestedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What the operator carries beyond the cluster: add-on manifests and images named directly. */
public final class OperatorImagesOptions {
  @Option(names = "--addons", paramLabel = "DIR",
      description = "Add-on manifests to carry: plain Kubernetes YAML (multi-document, applied in name order after"
          + " the CNI). Every image they name is carried too (role addon).")
  Path addons;

  @Option(names = "--images", paramLabel = "FILE",
      description = "More images to carry: one reference a line (tag or digest), '#' comments; the platform is"
          + " --arch's.")
  Path imagesFile;

  @Option(names = "--image", paramLabel = "REF", description = "One more image to carry. Repeatable.")
  List<String> images = new ArrayList<>();

  /** The images named by --images and --image, in that order. */
  List<RequestedImage> requested() throws IOException {
    List<RequestedImage> out = new ArrayList<>();
    if (imagesFile != null) {
      out.addAll(RequestedImage.list(imagesFile));
    }
    images.forEach(i -> out.add(RequestedImage.option(i)));
    return out;
  }

  /** The add-ons scanned and the images named. */
  OperatorImages read() throws IOException {
    return OperatorImages.read(addons, requested());
  }
}
