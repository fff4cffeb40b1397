package io.kubeferry.core.template;

import java.util.regex.Pattern;

/**
 * How the inventory's pod subnet reaches an unmodified upstream CNI manifest (ADR 0009). Each rule either leaves the
 * text alone, changes one known line, or refuses a subnet the CNI cannot use.
 */
public sealed interface PodSubnetRule {
  Pattern CIDR = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}|[0-9a-fA-F:]+/[0-9]{1,3}");

  /**
   * The manifest for {@code podSubnet}.
   *
   * @param file names the manifest in messages
   * @throws ManifestException when the subnet cannot be applied (the message says what the CNI needs)
   */
  String apply(String file, String text, String podSubnet) throws ManifestException;

  /** The CNI reads {@code networking.podSubnet} from kubeadm's {@code kubeadm-config} ConfigMap (Calico). */
  record FromKubeadmConfig() implements PodSubnetRule {
    @Override
    public String apply(String file, String text, String podSubnet) throws ManifestException {
      checkCidr(file, podSubnet);
      return text;
    }
  }

  /**
   * {@code line} occurs exactly once as a whole line of the manifest and contains {@code cidr} once; the
   * subnet replaces {@code cidr} there (flannel's {@code net-conf.json}).
   */
  record ReplaceInLine(String line, String cidr) implements PodSubnetRule {
    public ReplaceInLine {
      if (line.indexOf(cidr) < 0 || line.indexOf(cidr) != line.lastIndexOf(cidr)) {
        throw new IllegalArgumentException("pod subnet line '" + line + "' must contain '" + cidr + "' once");
      }
    }

    @Override
    public String apply(String file, String text, String podSubnet) throws ManifestException {
      checkCidr(file, podSubnet);
      String needle = "\n" + line + "\n";
      int at = text.indexOf(needle);
      if (at < 0 || text.indexOf(needle, at + 1) >= 0) {
        throw new ManifestException(file, 0, "", "could not set the pod subnet in " + file + ": the line '" + line
            + "' must occur exactly once, found " + (at < 0 ? "none" : "several"));
      }
      int cidrAt = at + 1 + line.indexOf(cidr);
      return text.substring(0, cidrAt) + podSubnet + text.substring(cidrAt + cidr.length());
    }
  }

  /** The CNI always allocates from {@code cidr} (Weave Net's default range): the pod subnet must equal it. */
  record Fixed(String cidr) implements PodSubnetRule {
    @Override
    public String apply(String file, String text, String podSubnet) throws ManifestException {
      if (!cidr.equals(podSubnet)) {
        throw new ManifestException(file, 0, "", "could not use pod subnet " + podSubnet + " with " + file
            + ": this CNI allocates pod addresses from " + cidr + " (set cluster.podSubnet: " + cidr
            + " in the inventory)");
      }
      return text;
    }
  }

  private static void checkCidr(String file, String podSubnet) throws ManifestException {
    if (podSubnet == null || !CIDR.matcher(podSubnet).matches()) {
      throw new ManifestException(file, 0, "", "could not set the pod subnet in " + file + ": '" + podSubnet
          + "' is not a subnet such as 10.244.0.0/16");
    }
  }
}
