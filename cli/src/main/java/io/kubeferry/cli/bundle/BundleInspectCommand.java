package io.kubeferry.cli.bundle;

import io.kubeferry.core.bundle.BundleHead;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.BundleManifestCodec;
import io.kubeferry.core.bundle.FileEntry;
import io.kubeferry.core.bundle.ImageEntry;
import io.kubeferry.core.bundle.RpmEntry;
import io.kubeferry.core.bundle.TemplateEntry;
import io.kubeferry.core.sign.Fingerprint;
import io.kubeferry.core.sign.SignatureVerifier;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kubeferry bundle inspect}: what a bundle holds, read from its manifest only (fast). */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Show what a bundle holds: versions, images with sizes, RPMs, add-ons, total size, signer, and",
        "for a delta the bundle it needs.",
        "Reads only the manifest at the start of the tarball. With --key the manifest signature is checked;",
        "use 'bundle verify' to check every file."})
public final class BundleInspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BUNDLE", description = "x.tgz or x.tar.zst (or its parts)")
  Path bundle;

  @Option(names = "--key", paramLabel = "PUB.asc", description = "check the manifest signature with this key")
  Path key;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    BundleHead head = BundleHead.read(bundle);
    String checked = "not checked (no --key)";
    if (key != null) {
      SignatureVerifier.fromFile(key).verify(new ByteArrayInputStream(head.manifest()), head.signature(),
          BundleLayout.MANIFEST);
      checked = "good";
    }
    BundleManifest m = BundleManifestCodec.read(head.manifest(), bundle + "!" + BundleLayout.MANIFEST);
    Fingerprint issuer = SignatureVerifier.issuer(head.signature());
    long rpmBytes = m.rpms().stream().mapToLong(RpmEntry::size).sum();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(io.kubeferry.core.Json.write(toMap(m, head, issuer, checked, rpmBytes)));
      return 0;
    }
    out.println("bundle:      " + head.parts() + " (" + Sizes.human(head.parts().size()) + " compressed)");
    out.println("format:      " + m.apiVersion());
    out.println("kubernetes:  " + m.kubernetesVersion());
    out.println("os:          " + m.os() + "   arch: " + m.arch());
    if (m.cluster() != null) {
      var c = m.cluster();
      out.println("cluster:     kubeadm registry " + c.kubeadmRegistry() + ", pause " + c.pause() + ", etcd " + c.etcd()
          + ", coredns " + c.coredns() + ", cni " + c.cni() + (c.cniVersion().isEmpty() ? "" : " " + c.cniVersion())
          + ", load balancer " + c.loadBalancer());
    }
    m.packages().forEach((role, list) -> out.println("packages:    " + role + ": " + String.join(" ",
        list.stream().map(Object::toString).toList())));
    out.println("signer:      " + (issuer == null ? m.signer() : issuer) + " (manifest signature " + checked + ")");
    out.println("images:      " + m.images().size());
    for (ImageEntry i : m.images()) {
      out.printf("  %-14s %-56s %10s  %s%n", i.role() == null ? "-" : i.role(), i.ref(), Sizes.human(i.size()),
          String.join(",", i.platforms().stream().map(ImageEntry.Platform::platform).toList()));
    }
    out.println("rpms:        " + m.rpms().size() + " packages, " + Sizes.human(rpmBytes));
    if (!m.addons().isEmpty()) {
      out.println("add-ons:     " + m.addons().size() + " (applied in this order after the CNI)");
      for (TemplateEntry a : m.addons()) {
        out.println("  " + a.path() + "  " + String.join(" ", a.images()));
      }
    }
    out.println("files:       " + m.files().size() + ", " + Sizes.human(m.totalSize()) + " uncompressed");
    if (m.delta()) {
      out.println("delta:       on " + m.base().name() + " (bundle.yaml " + m.base().manifest() + "): "
          + m.filesFromBase().size() + " of the files are the base's; install it together with that bundle");
    }
    return 0;
  }

  private static Map<String, Object> toMap(BundleManifest m, BundleHead head, Fingerprint issuer, String checked,
      long rpmBytes) throws java.io.IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("bundle", head.parts().tarball().toString());
    root.put("parts", head.parts().files().size());
    root.put("compressedSize", head.parts().size());
    root.put("apiVersion", m.apiVersion());
    root.put("kubernetesVersion", m.kubernetesVersion());
    root.put("os", m.os());
    root.put("arch", m.arch());
    Map<String, Object> packages = new LinkedHashMap<>();
    m.packages().forEach((role, list) -> packages.put(role.key(), list.stream().map(Object::toString).toList()));
    root.put("packages", packages);
    root.put("signer", issuer == null ? m.signer() : issuer.hex());
    root.put("manifestSignature", checked);
    List<Object> images = new ArrayList<>();
    for (ImageEntry i : m.images()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("ref", i.ref());
      if (i.role() != null) {
        e.put("role", i.role().key());
        e.put("names", i.names());
      }
      e.put("digest", i.digest().toString());
      e.put("size", i.size());
      e.put("platforms", i.platforms().stream().map(p -> (Object) Map.of("platform", p.platform(), "digest",
          p.digest().toString())).toList());
      images.add(e);
    }
    root.put("images", images);
    Map<String, Object> rpms = new LinkedHashMap<>();
    rpms.put("count", m.rpms().size());
    rpms.put("size", rpmBytes);
    rpms.put("packages", m.rpms().stream().map(r -> (Object) r.nevra().toString()).toList());
    root.put("rpms", rpms);
    root.put("addons", m.addons().stream().map(a -> (Object) Map.of("path", a.path(), "images", a.images()))
        .toList());
    if (m.delta()) {
      root.put("base", Map.of("manifest", m.base().manifest().toString(), "name", m.base().name(), "files",
          m.filesFromBase().size()));
    }
    root.put("files", m.files().size());
    root.put("totalSize", m.files().stream().mapToLong(FileEntry::size).sum());
    return root;
  }
}
