package io.kubeferry.bundler.build;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.TemplateEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images each carried template names, and the check that the bundle carries every one of them: a manifest that
 * names an image the bundle lacks would make a node pull from the internet at install time, which is what
 * kubeferry exists to prevent. Stateless.
 */
final class TemplateImages {
  private static final Pattern IMAGE = Pattern.compile("^\\s*(?:-\\s+)?image:\\s*[\"']?([^\\s\"'#{}]+)[\"']?\\s*(#.*)?$");

  private TemplateImages() {}

  /** One entry per template, with the canonical references of the images it names. */
  static List<TemplateEntry> entries(Path templatesDir, List<String> templates) throws IOException {
    List<TemplateEntry> out = new ArrayList<>();
    for (String t : templates) {
      Set<String> images = new TreeSet<>();
      if (t.endsWith(".yaml") || t.endsWith(".yml")) {
        List<String> lines = Files.readAllLines(templatesDir.resolve(t));
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = IMAGE.matcher(lines.get(i));
          if (m.matches()) {
            try {
              images.add(ImageRef.parse(m.group(1)).toString());
            } catch (IllegalArgumentException e) {
              throw new IOException("could not read the image on line " + (i + 1) + " of template " + t + ": "
                  + e.getMessage());
            }
          }
        }
      }
      out.add(new TemplateEntry(BundleLayout.MANIFESTS + t, new ArrayList<>(images)));
    }
    return out;
  }

  /** Throws listing every image a template names that {@code carried} lacks (with the template naming it). */
  static void requireAll(List<TemplateEntry> templates, Set<String> carried) throws IOException {
    List<String> missing = new ArrayList<>();
    for (TemplateEntry t : templates) {
      for (String image : t.images()) {
        if (!carried.contains(image)) {
          missing.add(image + " (in " + t.path() + ")");
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new IOException("could not build: the bundle lacks " + missing.size() + " image(s) its manifests name: "
          + String.join(", ", missing));
    }
  }
}
