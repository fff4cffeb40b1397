package io.kubeferry.core.template;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.template.ManifestImages.Located;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Changes the image values of a Kubernetes manifest and nothing else: every other byte, comments and formatting
 * included, stays as it was. Each value keeps its quoting style. Stateless.
 */
public final class ImageRewriter {
  /** What a new value may contain: reference characters only, so it is the same scalar in every quoting style. */
  private static final Pattern PLAIN_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@-]*");

  /** What may precede a scalar inside its node's span: an anchor and/or a tag. */
  private static final Pattern PROPERTIES = Pattern.compile("((&|!)\\S*\\s+)*");

  private ImageRewriter() {}

  /**
   * The manifest with every image replaced by {@code mapping}'s answer.
   *
   * @throws ManifestException when the manifest cannot be scanned ({@link ManifestImages#scan}), the mapping refuses
   *     an image, the new value is not a valid reference, or a value is written in a form that cannot be replaced
   *     in place (escapes or a block scalar)
   */
  public static String rewrite(String file, String text, ImageMapping mapping) throws ManifestException {
    List<Located> found = ManifestImages.locate(file, text);
    StringBuilder out = new StringBuilder(text.length() + 64 * found.size());
    int copied = 0;
    for (Located at : found) {
      if (at.start() < copied) {
        continue; // the same node reached twice through an alias: already rewritten
      }
      ImageReference ref = at.reference();
      String written = text.substring(at.start(), at.end());
      String quote = switch (at.style()) {
        case PLAIN -> "";
        case SINGLE_QUOTED -> "'";
        case DOUBLE_QUOTED -> "\"";
        default -> null;
      };
      String value = quote + ref.image() + quote;
      // A node's span starts at its anchor or tag when it has one (image: &i a:1): keep those as they are.
      if (quote == null || !written.endsWith(value)
          || !PROPERTIES.matcher(written.substring(0, written.length() - value.length())).matches()) {
        throw fail(ref, "written as " + at.style().name()
            + " with escapes or line breaks, cannot be replaced in place");
      }
      String replacement = mapping.map(ref);
      check(ref, replacement);
      out.append(text, copied, at.end() - value.length()).append(quote).append(replacement).append(quote);
      copied = at.end();
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static void check(ImageReference ref, String replacement) throws ManifestException {
    if (replacement == null || !PLAIN_REFERENCE.matcher(replacement).matches()) {
      throw fail(ref, "the new value '" + replacement + "' is not a plain image reference");
    }
    try {
      ImageRef.parse(replacement);
    } catch (IllegalArgumentException e) {
      throw fail(ref, e.getMessage());
    }
  }

  private static ManifestException fail(ImageReference ref, String problem) {
    return new ManifestException(ref.file(), ref.document(), ref.field(), "could not rewrite the image of "
        + ref.where() + ": " + problem);
  }
}
