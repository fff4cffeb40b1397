package io.kubeferry.core.template;

/** Gives the new value of an image reference (the installer: its in-datacenter name at the registry location). */
@FunctionalInterface
public interface ImageMapping {
  /**
   * The reference to write instead of {@code ref.image()}.
   *
   * @throws ManifestException when the image has no new name (for example, it is not in the bundle)
   */
  String map(ImageReference ref) throws ManifestException;
}
