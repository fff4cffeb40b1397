package io.kubeferry.installer;

import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.plan.Phase;
import io.kubeferry.installer.plan.Plan;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.preflight.EvaluatePreflightStep;
import io.kubeferry.installer.preflight.GatherFactsStep;
import io.kubeferry.installer.preflight.PreflightReport;
import io.kubeferry.installer.prepare.CopyRepoStep;
import io.kubeferry.installer.prepare.FirewalldStep;
import io.kubeferry.installer.prepare.InstallPackagesStep;
import io.kubeferry.installer.prepare.KernelStep;
import io.kubeferry.installer.prepare.KubeletStep;
import io.kubeferry.installer.prepare.RepoArchive;
import io.kubeferry.installer.prepare.RepoFileStep;
import io.kubeferry.installer.prepare.RuntimeConfigStep;
import io.kubeferry.installer.prepare.SelinuxStep;
import io.kubeferry.installer.prepare.SwapStep;
import io.kubeferry.installer.source.SourceRef;
import io.kubeferry.installer.source.VerifyBundleStep;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds the install {@link Plan} from a validated inventory and the chosen phases. Building touches nothing; the
 * same plan is printed by {@code --dry-run} and executed by the runner.
 */
public final class InstallPlanner {
  /**
   * @param bundle the signed bundle tarball; {@code key} the trusted public key
   * @param workDir local state: extracted bundle, repo archive, checkpoints
   * @param ignorePreflight check ids (or {@code all}) whose errors do not stop the install
   * @param preflightSink receives the preflight report (the CLI prints it as one table)
   */
  public record Request(Inventory inventory, Set<InstallPhases> phases, Path bundle, Path key, Path workDir,
      Set<String> ignorePreflight, Consumer<PreflightReport> preflightSink) {
    public Request {
      Objects.requireNonNull(inventory, "inventory");
      phases = Set.copyOf(phases);
      Objects.requireNonNull(bundle, "bundle");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(workDir, "workDir");
      ignorePreflight = Set.copyOf(ignorePreflight);
      Objects.requireNonNull(preflightSink, "preflightSink");
    }
  }

  private InstallPlanner() {}

  public static Plan plan(Request r) {
    SourceRef source = new SourceRef();
    List<Phase> phases = new java.util.ArrayList<>();
    phases.add(Phase.local("verify", List.of(new VerifyBundleStep(r.bundle(), r.key(), r.workDir(), source))));
    Inventory inv = r.inventory();
    if (r.phases().contains(InstallPhases.PREFLIGHT)) {
      Map<Host, List<Step>> gather = new LinkedHashMap<>();
      inv.hosts().forEach(h -> gather.put(h, List.of(new GatherFactsStep())));
      phases.add(Phase.hosts("preflight: gather facts", gather));
      phases.add(Phase.local("preflight: one report for all hosts",
          List.of(new EvaluatePreflightStep(inv, source, r.ignorePreflight(), r.preflightSink()))));
    }
    if (r.phases().contains(InstallPhases.PREPARE)) {
      phases.add(preparePhase(inv, source, r.workDir()));
    }
    return new Plan(phases);
  }

  /** Every host made ready for kubeadm, hosts in parallel; {@code workDir} holds the packed repository. */
  public static Phase preparePhase(Inventory inv, SourceRef source, Path workDir) {
    RepoArchive archive = new RepoArchive(source, workDir.resolve("upload"));
    Map<Host, List<Step>> prepare = new LinkedHashMap<>();
    for (Host h : inv.hosts()) {
      prepare.put(h, List.of(
          new CopyRepoStep(archive),
          new RepoFileStep(source),
          new InstallPackagesStep(source, inv.cluster().runtime()),
          new SwapStep(),
          new KernelStep(),
          new SelinuxStep(),
          new FirewalldStep(h, inv.cluster().firewalld()),
          new RuntimeConfigStep(source, inv.cluster().runtime()),
          new KubeletStep()));
    }
    return Phase.hosts("prepare", prepare);
  }
}
