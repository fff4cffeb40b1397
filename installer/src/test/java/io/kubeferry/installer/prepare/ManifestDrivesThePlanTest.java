package io.kubeferry.installer.prepare;

import io.kubeferry.installer.InstallPhases;
import io.kubeferry.installer.InstallPlanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.kubeferry.core.bundle.PackageRole;
import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.host.SimulatedEl7;
import io.kubeferry.installer.plan.Plan;
import io.kubeferry.installer.source.InstallSource;
import io.kubeferry.installer.source.SourceRef;
import io.kubeferry.installer.source.TestSources;
import io.kubeferry.installer.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer holds no version knowledge of its own: the plan for a 1.23.1 bundle and for a 1.30.2 bundle is the
 * same plan, and what its steps do differs only through what each bundle's manifest says.
 */
class ManifestDrivesThePlanTest {
  @TempDir Path dir;

  private static InstallSource source(Path dir, String k8s, Map<PackageRole, List<String>> packages) {
    return new InstallSource(TestSources.manifest(k8s, "el9", packages), dir, dir.resolve("repo"),
        dir.resolve("key.asc"), Map.of());
  }

  private static final Map<PackageRole, List<String>> V1231 = Map.of(
      PackageRole.KUBERNETES, List.of("kubeadm-1.23.1-0.x86_64", "kubelet-1.23.1-0.x86_64"),
      PackageRole.RUNTIME_DOCKER, List.of("docker-ce-3:20.10.24-3.el9.x86_64", "containerd.io-1.6.33-3.1.el9.x86_64"),
      PackageRole.RUNTIME_CONTAINERD, List.of("containerd.io-1.6.33-3.1.el9.x86_64"));
  private static final Map<PackageRole, List<String>> V1302 = Map.of(
      PackageRole.KUBERNETES, List.of("kubeadm-1.30.2-150500.1.1.x86_64", "kubelet-1.30.2-150500.1.1.x86_64"),
      PackageRole.RUNTIME_CONTAINERD, List.of("containerd.io-1.6.33-3.1.el9.x86_64"));

  private List<String> dnfArguments(InstallSource source) throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1");
    m.put(RepoFileStep.REPO_FILE, "[kubeferry]\n", "0644");
    m.put(CopyRepoStep.MARKER, "sha256:x\n", "0644");
    m.set("rpm.key.k", "imported");
    new InstallPackagesStep(SourceRef.of(source), Fixtures.inventory().cluster().runtime())
        .run(Fixtures.context(Fixtures.inventory(), m, dir));
    List<String> args = new ArrayList<>(m.calls(c -> c.name().equals("dnf-install")).get(0).args());
    return args.subList(1, args.size()); // after the repository id
  }

  @Test
  void oneInstallerTwoVersionsTheSamePlanDifferentOnlyByTheManifest() throws Exception {
    InstallPlanner.Request request = new InstallPlanner.Request(Fixtures.inventory(), Set.of(InstallPhases.values()),
        Path.of("b.tgz"), Path.of("k.asc"), dir, Set.of(), r -> { });
    Plan plan = InstallPlanner.plan(request);
    assertEquals(plan.render(), InstallPlanner.plan(request).render(), "the plan is made before any bundle is read");

    InstallSource v1231 = source(dir.resolve("a"), "1.23.1", V1231);
    InstallSource v1302 = source(dir.resolve("b"), "1.30.2", V1302);
    // runtime auto: the manifest's version says docker (dockershim) for 1.23 and containerd for 1.30
    assertEquals(v1231.packages(PackageRole.RUNTIME_DOCKER), dnfArguments(v1231));
    assertEquals(v1302.packages(PackageRole.RUNTIME_CONTAINERD), dnfArguments(v1302));
    assertNotEquals(dnfArguments(v1231), dnfArguments(v1302));
  }
}
